/**
 * A seeded exercise's parameters for one learner (graders/params.ts), loaded
 * lazily with the exercise's definition: only pages with such an exercise
 * pay for it.
 */
import type {Params} from '@site/graders/exercise';
import {paramsFor, paramsScript} from '@site/graders/params';
import {loadDefinition} from './taskLoader';

export interface LearnerParams {
  seed: number;
  params: Params;
  /** The shell lines that set them, shown above the reference solution. */
  script: string;
}

export async function learnerParams(id: string, seed: number): Promise<LearnerParams> {
  const params = paramsFor(await loadDefinition(id), seed);
  return {seed, params, script: paramsScript(params, seed)};
}
