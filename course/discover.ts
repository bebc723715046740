/**
 * Finds exercises by their folders: exercises/<chapter>/<slug>/exercise.ts.
 * The folder path is the id, so there is no registry to keep in sync.
 * Node-only; the site gets the same list through the exercises plugin.
 */
import {existsSync, readdirSync, statSync} from 'node:fs';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {ExerciseSchema, type Exercise} from '../graders/exercise';
import {shown, type Problem} from './schema';

export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9-]*$/;

const isDir = (p: string) => existsSync(p) && statSync(p).isDirectory();

/**
 * Every `<chapter>/<slug>` folder two levels under `root`, sorted. Names
 * starting with `_` or `.` are shared files (exercises/_lib), not chapters.
 */
export function exerciseFolders(root: string): string[] {
  if (!isDir(root)) return [];
  const visible = (dir: string) =>
    readdirSync(dir)
      .filter((n) => !n.startsWith('_') && !n.startsWith('.') && isDir(path.join(dir, n)))
      .sort();
  return visible(root).flatMap((chapter) => visible(path.join(root, chapter)).map((slug) => `${chapter}/${slug}`));
}

/** defineExercise() errors carry their own "fix:" line; keep problem and fix apart. */
function splitFix(message: string): {problem: string; fix?: string} {
  const at = message.indexOf('\n  fix: ');
  if (at < 0) return {problem: message.trim()};
  return {problem: message.slice(0, at).trim(), fix: message.slice(at + '\n  fix: '.length).trim()};
}

/**
 * Imports exercises/<id>/exercise.ts and checks it describes that folder.
 * Never throws: every failure is a problem naming the file and the fix.
 */
export async function loadDefinition(root: string, id: string): Promise<{exercise?: Exercise; problems: Problem[]}> {
  const dir = path.join(root, ...id.split('/'));
  const file = path.join(dir, 'exercise.ts');
  const error = (problem: string, fix: string, at = file): {problems: Problem[]} => ({
    problems: [{file: shown(at), problem, fix, severity: 'error'}],
  });
  if (!ID_PATTERN.test(id)) {
    return error(
      `"${id}" is not a valid exercise folder name`,
      'rename the folders to lower-case words joined by dashes (exercises/<chapter>/<slug>/)',
      dir,
    );
  }
  if (!existsSync(file)) {
    return error(
      'the exercise definition is missing',
      `create exercise.ts default-exporting defineExercise({...}); \`npm run new:exercise -- ${id}\` scaffolds a whole folder`,
    );
  }
  let loaded: unknown;
  try {
    loaded = ((await import(pathToFileURL(file).href)) as {default?: unknown}).default;
  } catch (e) {
    const {problem, fix} = splitFix(e instanceof Error ? e.message : String(e));
    return error(
      `does not load: ${problem}`,
      fix ?? 'correct the error above (run `npx tsc --noEmit` for type errors)',
    );
  }
  const r = ExerciseSchema.safeParse(loaded);
  if (!r.success) {
    const issues = r.error.issues.map((i) => `${i.path.join('.') || '(default export)'}: ${i.message}`).join('; ');
    return error(
      `the default export is not a valid exercise: ${issues}`,
      'export default defineExercise({...}) with the fields graders/README.md describes',
    );
  }
  if (r.data.id !== id) {
    return error(
      `says id "${r.data.id}", but its folder makes it "${id}"`,
      `set id: "${id}" in exercise.ts, or move the folder to exercises/${r.data.id}/`,
    );
  }
  return {exercise: r.data, problems: []};
}

/** Every exercise under `root` that loads, plus the problems of those that do not. */
export async function discoverExercises(root: string): Promise<{exercises: Exercise[]; problems: Problem[]}> {
  const exercises: Exercise[] = [];
  const problems: Problem[] = [];
  for (const id of exerciseFolders(root)) {
    const r = await loadDefinition(root, id);
    if (r.exercise) exercises.push(r.exercise);
    problems.push(...r.problems);
  }
  return {exercises, problems};
}
