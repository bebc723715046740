/**
 * What a recording depends on, as short content hashes stored in each
 * snapshot (`inputs`). A recording whose inputs still match is as good as a
 * live run, so the replay grades it from disk and spends VM time only on the
 * cases that changed (and on every reference solution). Node only.
 */
import {createHash} from 'node:crypto';
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {imageDir} from '../src/vm/node';
import type {Exercise} from './exercise';
import {collectorScript, exerciseDir, type ExerciseCase, ownSetupScript, REPO_ROOT, resetScript} from './node';
import type {CaseInputs} from './snapshot';

const hash = (...parts: string[]): string => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex').slice(0, 16);
};

/**
 * The guest the recording ran in: the image recipe's hash (images/ensure.sh
 * writes it) plus what the build resolved it to (kernel, v86, every
 * package's version). Artifact checksums are left out on purpose: they name
 * one build, and a clean CI clone builds its own from the same recipe.
 * Null when there is no image to replay in.
 */
export function imageInputs(dir = imageDir()): string | null {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) return null;
  const recipePath = join(dir, 'recipe.sha256');
  const recipe = existsSync(recipePath) ? readFileSync(recipePath, 'utf8').trim() : '';
  const m = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    kernel?: string;
    v86?: string;
    packages?: {name: string; version: string}[];
  };
  const packages = (m.packages ?? []).map((p) => `${p.name}=${p.version}`).join(' ');
  return hash(recipe, m.kernel ?? '', m.v86 ?? '', packages);
}

/** The collector and the probe command lines it is given (graders/probes.ts builds them). */
export function collectorInputs(): string {
  return hash(collectorScript(), readFileSync(join(REPO_ROOT, 'graders', 'probes.ts'), 'utf8'));
}

/** Current inputs of one case; `image` is "" when no image is built. */
export function caseInputs(
  ex: Exercise,
  c: ExerciseCase,
  image = imageInputs() ?? '',
  collector = collectorInputs(),
): CaseInputs {
  return {
    reset: hash(resetScript()),
    exercise: hash(ownSetupScript(ex), readFileSync(join(exerciseDir(ex.id), 'exercise.ts'), 'utf8')),
    script: hash(c.script ?? ''),
    collector,
    image,
  };
}

const WHY: Record<keyof CaseInputs, string> = {
  reset: 'the shared reset changed',
  exercise: 'setup.sh or exercise.ts changed',
  script: 'its script changed',
  collector: 'the collector changed',
  image: 'the VM image changed',
};

/** Why a recording no longer stands for a live run; empty when it does. */
export function staleReasons(recorded: CaseInputs | undefined, current: CaseInputs): string[] {
  if (!recorded) return ['recorded before input hashes were kept'];
  return (Object.keys(WHY) as (keyof CaseInputs)[]).filter((k) => recorded[k] !== current[k]).map((k) => WHY[k]);
}
