/**
 * Every exercise, found by its folder (exercises/<chapter>/<slug>/exercise.ts;
 * see course/discover.ts). Nothing to register: a new folder is picked up by
 * the tests, the scripts and the site alike. Node-only.
 */
import {fileURLToPath} from 'node:url';
import type {Exercise} from '../graders/exercise';
import {discoverExercises} from '../course/discover';
import {formatProblem} from '../course/schema';

const found = await discoverExercises(fileURLToPath(new URL('.', import.meta.url)));
// Callers (tests, record, grade) need every definition; a broken one is
// reported whole here, and `npm run check:exercises` lists it with the rest.
if (found.problems.length) {
  throw new Error(`exercises failed to load:\n${found.problems.map(formatProblem).join('\n')}`);
}

export const exercises: Readonly<Record<string, Exercise>> = Object.fromEntries(
  found.exercises.map((ex) => [ex.id, ex]),
);

export function getExercise(id: string): Exercise | undefined {
  return exercises[id];
}
