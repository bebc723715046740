/**
 * Checks the whole course: the outline against docs/ and exercises/, and
 * every exercise folder (validate.ts). Used by the site build and by
 * `npm run check:exercises`, so both report the same problems.
 */
import {existsSync} from 'node:fs';
import path from 'node:path';
import type {Exercise} from '../graders/exercise';
import {RESET_SCRIPT} from '../graders/start';
import {exerciseFolders} from './discover';
import {checkChapterPages, checkOutlineDocs, checkOutlineExercises, REPO_PATHS, type CoursePaths} from './outlineCheck';
import {outlineProblems, shown, type Outline, type Problem} from './schema';
import {validateExerciseFolder} from './validate';

export interface CourseReport {
  outline?: Outline;
  /** Definitions that loaded, in outline order (then any not in the outline). */
  exercises: Exercise[];
  problems: Problem[];
}

/** Everything an author can get wrong, in one list. */
export async function checkCourse(outlineInput: unknown, paths: CoursePaths = REPO_PATHS): Promise<CourseReport> {
  const {outline, problems} = outlineProblems(outlineInput, shown(paths.outlineFile));
  const folders = exerciseFolders(paths.exercises);
  if (outline) {
    problems.push(
      ...checkOutlineDocs(outline, paths),
      ...checkOutlineExercises(outline, folders, paths),
      ...checkChapterPages(outline, paths),
    );
  }
  const reset = path.join(paths.exercises, RESET_SCRIPT);
  if (!existsSync(reset)) {
    problems.push({
      file: shown(reset),
      problem: 'the shared reset script is missing',
      fix: `restore exercises/${RESET_SCRIPT}: every exercise's Start runs it before setup.sh`,
      severity: 'error',
    });
  }
  const loaded: Exercise[] = [];
  for (const id of folders) {
    const r = await validateExerciseFolder(paths.exercises, id);
    if (r.exercise) loaded.push(r.exercise);
    problems.push(...r.problems);
  }
  const order = outline?.parts.flatMap((p) => p.chapters.flatMap((c) => c.exercises)) ?? [];
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  loaded.sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));
  return {outline, exercises: loaded, problems};
}
