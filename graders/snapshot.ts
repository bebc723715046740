/**
 * Recorded states. A snapshot keeps the collector's raw sections rather than
 * the parsed model, so improved parsers re-read old recordings.
 */
import {z} from 'zod';
import {grade, type Exercise, type GradeResult} from './exercise';
import {instantiate} from './params';
import {SectionSchema} from './sections';
import {buildNetState} from './state';

/** Content hashes of what a recording depends on (see provenance.ts). */
export const CaseInputsSchema = z.object({
  reset: z.string(),
  exercise: z.string(),
  script: z.string(),
  collector: z.string(),
  image: z.string(),
});
export type CaseInputs = z.infer<typeof CaseInputsSchema>;

export const SnapshotSchema = z.object({
  format: z.literal('netlab-snapshot'),
  version: z.literal(1),
  exercise: z.string(),
  /** "start", "solution", "near-miss/<name>" or "alternative/<name>". */
  case: z.string(),
  recordedAt: z.string(),
  /** Absent in recordings made before inputs were kept: those count as stale. */
  inputs: CaseInputsSchema.optional(),
  /** The learner seed of a seeded exercise's case (see params.ts). */
  seed: z.int().min(0).optional(),
  sections: z.array(SectionSchema),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

/** Grades a snapshot's JSON text; unreadable JSON gives an `error` verdict. */
export function gradeSnapshotText(ex: Exercise, text: string): GradeResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return grade(ex, {ok: false, error: `snapshot is not JSON: ${(e as Error).message}`});
  }
  const snap = SnapshotSchema.safeParse(json);
  if (!snap.success) {
    const i = snap.error.issues[0];
    return grade(ex, {ok: false, error: `snapshot is malformed at ${i?.path.join('.')}: ${i?.message}`});
  }
  return gradeSnapshot(ex, snap.data);
}

export function gradeSnapshot(ex: Exercise, snap: Snapshot): GradeResult {
  let forSeed = ex;
  if (snap.seed !== undefined) {
    try {
      forSeed = instantiate(ex, snap.seed);
    } catch (e) {
      return grade(ex, {ok: false, error: `snapshot seed ${snap.seed}: ${(e as Error).message}`});
    }
  }
  return grade(forSeed, buildNetState(snap.sections, forSeed.probes));
}
