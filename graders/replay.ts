/**
 * The live replay's plan and runner, shared by the replay test and the
 * replay bench. Node only.
 *
 * Plan: every reference solution runs live; every other case runs live only
 * when its recording is stale (its inputs changed, see provenance.ts), since
 * a current recording is already graded by snapshots.test.ts.
 * NETLAB_REPLAY=all replays everything, NETLAB_REPLAY=0 nothing.
 *
 * Runner: one warm VM for the whole replay. Each case starts with the shared
 * reset + setup instead of a snapshot restore (a restore also throws away
 * the emulator's compiled code, so the next commands run several times
 * slower); the snapshot is restored only when the VM stops answering, the
 * reset reports leftovers, or collecting fails, and the case then runs once
 * more on the fresh VM.
 */
import {existsSync, readFileSync} from 'node:fs';
import type {LabVm} from '../src/vm/types';
import type {Exercise} from './exercise';
import {exerciseCases, type ExerciseCase, runCase, snapshotPath} from './node';
import {baseCaseName} from './params';
import {caseInputs, staleReasons} from './provenance';
import {type CaseInputs, SnapshotSchema} from './snapshot';

export type ReplayMode = 'changed' | 'all' | 'none';

/** Reads NETLAB_REPLAY's value (passed in, so tests do not depend on the environment). */
export function replayMode(value: string | undefined): ReplayMode {
  if (value === '0') return 'none';
  if (value === 'all') return 'all';
  return 'changed';
}

export interface PlannedCase {
  case: ExerciseCase;
  live: boolean;
  /** Why it runs live, or why its recording stands in for it. */
  why: string;
  /** Why the recording is out of date, whether or not it runs live now; empty when current. */
  stale: string[];
}

/** Decides case by case; `recorded` is undefined for a case with no recording, null for one without inputs. */
export function planCases(
  cases: readonly ExerciseCase[],
  mode: ReplayMode,
  current: (c: ExerciseCase) => CaseInputs,
  recorded: (c: ExerciseCase) => CaseInputs | null | undefined,
): PlannedCase[] {
  return cases.map((c) => {
    const rec = recorded(c);
    const stale = rec === undefined ? ['it has no recording'] : staleReasons(rec ?? undefined, current(c));
    const staleWhy = `stale: ${stale.join(', ')}`;
    if (mode === 'none') return {case: c, live: false, why: stale.length ? staleWhy : 'recording is current', stale};
    if (mode === 'all') return {case: c, live: true, why: 'NETLAB_REPLAY=all', stale};
    if (stale.length) return {case: c, live: true, why: staleWhy, stale};
    if (baseCaseName(c.name) === 'solution') return {case: c, live: true, why: 'reference solution', stale};
    return {case: c, live: false, why: 'recording is current', stale};
  });
}

/** Inputs stored in a case's recording: undefined without a recording, null when it predates inputs. */
export function recordedInputs(ex: Exercise, c: ExerciseCase): CaseInputs | null | undefined {
  const file = snapshotPath(ex, c.name);
  if (!existsSync(file)) return undefined;
  const snap = SnapshotSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  return snap.success ? (snap.data.inputs ?? null) : null;
}

export function planExercise(ex: Exercise, mode: ReplayMode, image: string, collector: string): PlannedCase[] {
  return planCases(
    exerciseCases(ex),
    mode,
    (c) => caseInputs(ex, c, image, collector),
    (c) => recordedInputs(ex, c),
  );
}

export type CaseRun = Awaited<ReturnType<typeof runCase>> & {ms: number; restoredBecause?: string};

export class WarmRunner {
  readonly times: number[] = [];
  restores = 0;

  constructor(private readonly vm: LabVm) {}

  async run(ex: Exercise, c: ExerciseCase): Promise<CaseRun> {
    const t0 = performance.now();
    let restoredBecause: string | undefined;
    let r: Awaited<ReturnType<typeof runCase>>;
    try {
      r = await runCase(this.vm, ex, c, {restore: false});
      if (!r.sections) throw new Error(r.result.error ?? 'collecting the state failed');
    } catch (e) {
      restoredBecause = (e as Error).message.split('\n')[0] ?? 'unknown';
      this.restores++;
      await this.vm.reset();
      r = await runCase(this.vm, ex, c, {restore: false});
    }
    const ms = performance.now() - t0;
    this.times.push(ms);
    return {...r, ms, restoredBecause};
  }
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? Number.NaN : s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};
