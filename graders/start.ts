/**
 * What "Start exercise" runs: the shared reset (exercises/_lib/reset.sh),
 * then the shared builders the exercise names in `libs` (exercises/_lib/<name>.sh,
 * e.g. the two-node cluster the Kubernetes labs start from), then the
 * exercise's own setup.sh. One function for the site and for Node, so
 * learners, the recorder and the replay all start from the same state.
 */

/** Path of the shared reset script, relative to the exercises folder. */
export const RESET_SCRIPT = '_lib/reset.sh';

/** Path of a shared setup builder, relative to the exercises folder. */
export const libScriptPath = (name: string): string => `_lib/${name}.sh`;

/** A setup builder's text, with the name it is included by. */
export interface SetupLib {
  name: string;
  text: string;
}

/** The exercise's own part of Start: its libs, then its setup.sh. */
export function ownSetup(libs: readonly SetupLib[], setup: string): string {
  // Markers show where each part starts to anyone reading the combined script.
  const parts = libs.map((l) => `# ---- ${libScriptPath(l.name)} ----\n${l.text.trimEnd()}\n\n`);
  return `${parts.join('')}# ---- setup.sh ----\n${setup}`;
}

export function startScript(reset: string, own: string): string {
  return `${reset.trimEnd()}\n\n${own}`;
}
