/**
 * The refresh button's collection: the same collector and parser a Check
 * uses (graders/collect.ts), without probes, files or the exercise's checks,
 * so it works on any lesson's lab, exercise or not.
 */
import type {ExecVm} from '@site/src/vm/types';
import {collectSections} from '@site/graders/collect';
import collector from '@site/graders/collector.sh';
import type {NetState} from '@site/graders/model';
import {buildNetState} from '@site/graders/state';

const QUIET = {probes: [], files: [], binaryFiles: [], deepNamespaces: []};

/** Long enough for a busy emulated CPU; the Check uses the same bound (Exercise/result.ts). */
const TIMEOUT_MS = 30_000;

export async function collectState(vm: ExecVm): Promise<NetState> {
  const sections = await collectSections(vm, collector, QUIET, TIMEOUT_MS);
  if (!sections.ok) throw new Error(`Could not read the machine's network: ${sections.error}`);
  const state = buildNetState(sections.value);
  if (!state.ok) throw new Error(`Could not understand the machine's network: ${state.error}`);
  return state.value;
}
