/**
 * Bridge to the graders library: collect the VM's state over the control
 * channel in one exec, then grade it here in the browser. Loaded lazily so the
 * graders code is not part of the lesson's first download.
 */
import type {ExecVm} from '@site/src/vm/types';
import {collectAndGrade, collectSections} from '@site/graders/collect';
import collector from '@site/graders/collector.sh';
import {instantiate} from '@site/graders/params';
import {topologyStore} from '../Topology/store';
import {loadDefinition} from './taskLoader';
import type {GradeView} from './result';

export type Graded = Omit<GradeView, 'elapsedMs'>;

export async function gradeExercise(vm: ExecVm, id: string, timeoutMs: number, seed?: number): Promise<Graded> {
  const definition = await loadDefinition(id);
  if (definition.params && seed === undefined)
    throw new Error('This exercise is yours alone, and your parameters are still loading. Check again in a moment.');
  // The learner's own version of a seeded exercise: their probes, checks bound to their parameters.
  const exercise = definition.params && seed !== undefined ? instantiate(definition, seed) : definition;
  const {result, state} = await collectAndGrade(vm, collector, exercise, timeoutMs);
  // The Lab's Topology tab redraws from what this Check saw.
  if (state) topologyStore.publish(state, {kind: 'check', exercise: id});
  return {
    verdict: result.verdict,
    error: result.error,
    checks: result.checks.map((c) => ({id: c.id, title: c.title, status: c.status, message: c.message ?? ''})),
  };
}

/**
 * v86 compiles guest code to WebAssembly only once it is hot, and a restored
 * lab has none compiled: measured in Chromium, the Checks after a restore took
 * 2.3, 2.5, 2.1, 1.9, 1.4 and 0.8 s. So once an exercise is set up the
 * collector runs a few times in the background, at the guest's lowest CPU
 * priority (its own subshell, $BASHPID: $$ would be the agent) and without
 * probes (no traffic, nothing in the lab changes), while the learner reads the
 * task. It gives up as soon as `stop()` says so (a Check was pressed, the lab
 * was reset).
 */
export async function warmUpCheck(vm: ExecVm, id: string, stop: () => boolean, runs = 4): Promise<void> {
  const exercise = await loadDefinition(id);
  const quiet = {
    probes: [],
    files: exercise.files,
    binaryFiles: exercise.binaryFiles,
    deepNamespaces: exercise.deepNamespaces,
  };
  for (let i = 0; i < runs && !stop(); i++) {
    const outcome = await collectSections(vm, `renice -n 19 -p $BASHPID >/dev/null 2>&1\n${collector}`, quiet, 30_000);
    if (!outcome.ok) return;
  }
}
