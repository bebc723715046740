/**
 * The learner's progress as stored in localStorage. The `version` field lets a
 * later release migrate old data instead of silently dropping a learner's work.
 */
// zod/mini: the same validation with a tree-shakable API, because this schema
// ships in every page's first download (the sidebar shows progress).
import {z} from 'zod/mini';

export const STORAGE_KEY = 'netlab:progress';

export const Verdict = z.enum(['passed', 'failed', 'error']);
export type Verdict = z.infer<typeof Verdict>;

export const ExerciseProgress = z.object({
  /** ISO time of the first passing Check; null while unsolved. */
  solvedAt: z.nullable(z.iso.datetime()),
  attempts: z.int().check(z.nonnegative()),
  hintsShown: z.int().check(z.nonnegative()),
  lastVerdict: z.nullable(Verdict),
  lastCheckedAt: z.nullable(z.iso.datetime()),
});
export type ExerciseProgress = z.infer<typeof ExerciseProgress>;

export const ProgressV1 = z.object({
  version: z.literal(1),
  exercises: z.record(z.string(), ExerciseProgress),
  /**
   * The learner's seed (unsigned 32-bit): their drills and the parameters of
   * per-learner labs follow from it (graders/params.ts). Optional, so stored
   * progress from before it existed still reads; it is drawn on first use.
   */
  seed: z.optional(z.int().check(z.nonnegative(), z.maximum(0xffffffff))),
});
export type Progress = z.infer<typeof ProgressV1>;

/** Exported files carry a marker so importing a random JSON file fails clearly. */
export const ProgressFile = z.object({
  format: z.literal('netlab-progress'),
  exportedAt: z.iso.datetime(),
  progress: ProgressV1,
});
export type ProgressFile = z.infer<typeof ProgressFile>;

export const emptyProgress = (): Progress => ({version: 1, exercises: {}});

export const emptyExercise = (): ExerciseProgress => ({
  solvedAt: null,
  attempts: 0,
  hintsShown: 0,
  lastVerdict: null,
  lastCheckedAt: null,
});

/** Parses stored text; anything unreadable yields null so callers can decide. */
export function parseStored(text: string | null): Progress | null {
  if (!text) return null;
  try {
    const result = ProgressV1.safeParse(JSON.parse(text));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

/**
 * Union of two progress records: solved stays solved, earliest solve wins.
 * The seed of `b` (an imported file) wins, so importing on a new device brings
 * back the learner's own lab parameters.
 */
export function mergeProgress(a: Progress, b: Progress): Progress {
  const seed = b.seed ?? a.seed;
  const out: Progress = {version: 1, exercises: {...a.exercises}, ...(seed === undefined ? {} : {seed})};
  for (const [id, theirs] of Object.entries(b.exercises)) {
    const ours = out.exercises[id];
    if (!ours) {
      out.exercises[id] = theirs;
      continue;
    }
    const solved = [ours.solvedAt, theirs.solvedAt].filter((s): s is string => s !== null).sort();
    const latest = (ours.lastCheckedAt ?? '') >= (theirs.lastCheckedAt ?? '') ? ours : theirs;
    out.exercises[id] = {
      solvedAt: solved[0] ?? null,
      attempts: Math.max(ours.attempts, theirs.attempts),
      hintsShown: Math.max(ours.hintsShown, theirs.hintsShown),
      lastVerdict: latest.lastVerdict,
      lastCheckedAt: latest.lastCheckedAt,
    };
  }
  return out;
}
