/**
 * One press of Check: collect the VM's state and grade it, bounded in time so
 * the learner always gets a verdict (an "error" one if the VM is silent).
 */
import type {LabVm, VmStatus} from '@site/src/vm/types';
import {ALIVE_TIMEOUT_MS, COLLECT_TIMEOUT_MS, CheckTimeoutError, withTimeout, type GradeView} from './result';

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function refusal(error: string, offerReset = false): GradeView {
  return {verdict: 'error', checks: [], error, elapsedMs: 0, ...(offerReset ? {offerReset} : {})};
}

/**
 * Why Check cannot run on the lab as it is, or null when it can. `problem` is
 * the lab's own sentence about a crash (see labStore).
 */
export function cannotCheck(status: VmStatus, problem: string | null): GradeView | null {
  switch (status) {
    case 'ready':
      return null;
    case 'crashed':
      return refusal(
        `${problem ?? 'The machine stopped working.'} Reset the lab to get a fresh machine, then check again.`,
        true,
      );
    case 'loading':
      return refusal('The lab is still starting. Check again once the terminal shows a prompt.');
    default:
      return refusal('The lab is not running. Press "Start lab" first.');
  }
}

/** A Check whose machine died under it: say what happened, and offer the reset. */
export function afterCrash(view: GradeView, status: VmStatus, problem: string | null): GradeView {
  if (status !== 'crashed' || view.verdict !== 'error') return view;
  return {...view, error: cannotCheck(status, problem)?.error ?? view.error, offerReset: true};
}

/** `seed`: the learner's, for an exercise with per-learner parameters. */
export async function checkExercise(vm: LabVm, id: string, seed?: number): Promise<GradeView> {
  const began = performance.now();
  try {
    // Collection can legitimately take seconds; a no-op run beside it tells a
    // slow VM from a silent one, so a hung VM is reported within 5 s.
    const alive = withTimeout(
      vm.exec(':', {timeoutMs: ALIVE_TIMEOUT_MS * 2}),
      ALIVE_TIMEOUT_MS,
      () => new CheckTimeoutError(ALIVE_TIMEOUT_MS),
    );
    const graded = withTimeout(
      import('./grading').then((g) => g.gradeExercise(vm, id, COLLECT_TIMEOUT_MS, seed)),
      COLLECT_TIMEOUT_MS + ALIVE_TIMEOUT_MS,
      () => new CheckTimeoutError(COLLECT_TIMEOUT_MS),
    );
    const [result] = await Promise.all([graded, alive]);
    return {...result, elapsedMs: performance.now() - began};
  } catch (err) {
    return {verdict: 'error', checks: [], error: message(err), elapsedMs: performance.now() - began};
  }
}
