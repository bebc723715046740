/**
 * Bridge to the graders library: collect the VM's state over the control
 * channel in one exec, then grade it here in the browser. Loaded lazily so the
 * graders code is not part of the lesson's first download.
 */
import type {ExecVm} from '@site/src/vm/types';
import {collectAndGrade} from '@site/graders/collect';
import collector from '@site/graders/collector.sh';
import {loadDefinition} from './taskLoader';
import type {GradeView} from './result';

export type Graded = Omit<GradeView, 'elapsedMs'>;

export async function gradeExercise(vm: ExecVm, id: string, timeoutMs: number): Promise<Graded> {
  const exercise = await loadDefinition(id);
  const {result} = await collectAndGrade(vm, collector, exercise, timeoutMs);
  return {
    verdict: result.verdict,
    error: result.error,
    checks: result.checks.map((c) => ({id: c.id, title: c.title, status: c.status, message: c.message ?? ''})),
  };
}
