/**
 * What "Start exercise" runs: the shared reset (exercises/_lib/reset.sh),
 * then the exercise's own setup.sh. One function for the site and for Node,
 * so learners, the recorder and the replay all start from the same state.
 */

/** Path of the shared reset script, relative to the exercises folder. */
export const RESET_SCRIPT = '_lib/reset.sh';

export function startScript(reset: string, setup: string): string {
  // The marker shows where the shared part ends to anyone reading the combined script.
  return `${reset.trimEnd()}\n\n# ---- setup.sh ----\n${setup}`;
}
