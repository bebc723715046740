/**
 * Runs the collector in the VM in one exec round trip. The collector script
 * text is passed in (Node reads graders/collector.sh from disk, the site
 * bundles it), so this module works in both places.
 */
import type {ExecVm} from '../src/vm/types';
import type {Exercise, GradeResult} from './exercise';
import type {NetState} from './model';
import {grade} from './exercise';
import {probeLine} from './probes';
import {parseSections, type ParseOutcome, type Section} from './sections';
import {buildNetState} from './state';

type CollectSpec = Pick<Exercise, 'probes' | 'files' | 'binaryFiles' | 'deepNamespaces'> & {
  processes?: readonly string[];
  conntrack?: boolean;
};

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * The script without whole-line comments and blank lines: the VM's bash
 * parses every byte it is sent, and the collector's comments cost 1.3 M of
 * the about 70 M emulated instructions of a check. So the collector must
 * not hold a heredoc or multi-line string with a line starting with "#".
 */
export function stripComments(script: string): string {
  return script
    .split('\n')
    .filter((line) => !/^\s*(#|$)/.test(line))
    .join('\n');
}

/** The exec command: parameter assignments followed by the script body. */
export function collectorCommand(script: string, spec: CollectSpec, waitSeconds = 1): string {
  const params = [
    `NETLAB_PROBES=${shellQuote(spec.probes.map(probeLine).join('\n'))}`,
    `NETLAB_FILES=${shellQuote(spec.files.join('\n'))}`,
    `NETLAB_BINFILES=${shellQuote(spec.binaryFiles.join('\n'))}`,
    `NETLAB_DEEP=${shellQuote(spec.deepNamespaces.join(' '))}`,
    `NETLAB_WAIT=${waitSeconds}`,
    `NETLAB_PROCS=${shellQuote((spec.processes ?? []).join(' '))}`,
    `NETLAB_CONNTRACK=${spec.conntrack ? 1 : ''}`,
  ];
  return `${params.join('\n')}\n${stripComments(script)}`;
}

/** Collects the raw sections; VM trouble comes back as an error outcome, never as a throw. */
export async function collectSections(
  vm: ExecVm,
  script: string,
  spec: CollectSpec,
  timeoutMs = 20_000,
): Promise<ParseOutcome<Section[]>> {
  let stdout: Uint8Array;
  try {
    const r = await vm.exec(collectorCommand(script, spec), {timeoutMs});
    if (r.exitCode !== 0) {
      return {ok: false, error: `collector exited with ${r.exitCode}: ${r.stderr.slice(0, 300)}`};
    }
    stdout = r.stdoutBytes.length > 0 ? r.stdoutBytes : new TextEncoder().encode(r.stdout);
  } catch (e) {
    return {ok: false, error: `the VM did not answer: ${(e as Error).message}`};
  }
  return parseSections(stdout);
}

export async function collectAndGrade(
  vm: ExecVm,
  script: string,
  ex: Exercise,
  timeoutMs?: number,
): Promise<{result: GradeResult; sections?: Section[]; state?: NetState}> {
  const sections = await collectSections(vm, script, ex, timeoutMs);
  if (!sections.ok) return {result: grade(ex, sections)};
  // Returned too so the page draws the topology of what it graded without parsing twice.
  const state = buildNetState(sections.value, ex.probes);
  return {result: grade(ex, state), sections: sections.value, ...(state.ok ? {state: state.value} : {})};
}
