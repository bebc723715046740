/**
 * Reads `exercises/<chapter>/<slug>/` at build time and cross-checks it with
 * the graders' registry (exercises/index.ts), so a broken exercise stops the
 * build with the file to fix instead of breaking a learner's lab.
 */
import {readdir, readFile, stat} from 'node:fs/promises';
import path from 'node:path';
import {RESET_SCRIPT, startScript} from '../../../graders/start';
import type {ExerciseScripts, ExerciseSummary} from './types';

/** The part of a graders exercise definition the site needs at build time. */
export interface RegistryEntry {
  key: string;
  id: string;
  title: string;
  setup: string;
  solution: string;
  hints: string[];
  checks: {title: string; hints: string[]}[];
}

export interface LoadedExercise {
  summary: ExerciseSummary;
  scripts: ExerciseScripts;
  taskPath: string;
  definitionPath: string;
}

const DEFAULT_SETUP_TIMEOUT_MS = 30_000;

export class ExerciseError extends Error {
  constructor(file: string, problem: string, fix: string) {
    super(`Malformed exercise: ${file}\n  problem: ${problem}\n  fix: ${fix}`);
    this.name = 'ExerciseError';
  }
}

async function exists(p: string): Promise<boolean> {
  return (await stat(p).catch(() => null)) !== null;
}

async function isDir(p: string): Promise<boolean> {
  return (await stat(p).catch(() => null))?.isDirectory() ?? false;
}

/** The first `# ` heading of a task; the exercise card shows it as its title. */
export function taskTitle(source: string): string | null {
  return /^#\s+(.+?)\s*#*\s*$/m.exec(source)?.[1] ?? null;
}

/** Folders two levels down (chapter/slug) that hold an exercise. */
async function exerciseFolders(root: string): Promise<string[]> {
  const ids: string[] = [];
  for (const chapter of (await readdir(root)).sort()) {
    if (!(await isDir(path.join(root, chapter)))) continue;
    for (const slug of (await readdir(path.join(root, chapter))).sort()) {
      if (await isDir(path.join(root, chapter, slug))) ids.push(`${chapter}/${slug}`);
    }
  }
  return ids;
}

async function loadOne(root: string, ex: RegistryEntry, reset: string): Promise<LoadedExercise> {
  const dir = path.join(root, ...ex.id.split('/'));
  const rel = (f: string) => path.relative(process.cwd(), path.join(dir, f)) || '.';
  const read = async (name: string, why: string): Promise<string> => {
    try {
      return await readFile(path.join(dir, name), 'utf8');
    } catch {
      throw new ExerciseError(rel(name), 'the file is missing', `create ${name}: ${why}`);
    }
  };
  const task = await read('task.mdx', 'the task text learners read, starting with a `# Title` line');
  const setup = await read(ex.setup, 'the script that prepares the VM (it may be empty, but must exist)');
  const solution = await read(ex.solution, 'the reference solution, one command per line');
  if (!taskTitle(task)) {
    throw new ExerciseError(rel('task.mdx'), 'the task has no title', 'start task.mdx with a `# Title` line');
  }
  if (solution.trim() === '') {
    throw new ExerciseError(rel(ex.solution), 'the reference solution is empty',
      'write the commands that solve the exercise, one per line');
  }
  const definitionPath = path.join(dir, 'exercise.ts');
  if (!(await exists(definitionPath))) {
    throw new ExerciseError(rel('exercise.ts'), 'the exercise definition is missing',
      'create exercise.ts exporting `defineExercise({...})` as its default export');
  }
  const [chapter = ''] = ex.id.split('/');
  return {
    summary: {id: ex.id, chapter, title: ex.title},
    scripts: {
      id: ex.id,
      // Start runs the same text as the recorder and the replay in Node.
      setup: startScript(reset, setup),
      solution,
      hints: [
        ...ex.hints.map((text) => ({text})),
        ...ex.checks.flatMap((c) => c.hints.map((text) => ({text, check: c.title}))),
      ],
      setupTimeoutMs: DEFAULT_SETUP_TIMEOUT_MS,
    },
    taskPath: path.join(dir, 'task.mdx'),
    definitionPath,
  };
}

/** Every registered exercise, after checking registry and folders agree. */
export async function loadExercises(
  root: string,
  registry: RegistryEntry[],
): Promise<LoadedExercise[]> {
  const ids = new Set(registry.map((e) => e.id));
  const folders = (await isDir(root)) ? await exerciseFolders(root) : [];
  for (const id of folders) {
    if (!ids.has(id)) {
      throw new ExerciseError(path.join('exercises', id), 'this exercise folder is not in the registry',
        `import its exercise.ts in exercises/index.ts and add it to \`exercises\``);
    }
  }
  // Every setup starts with the shared reset, so Start also cleans up what
  // the learner (or an earlier exercise on the page) left in the VM.
  const resetPath = path.join(root, RESET_SCRIPT);
  const reset = await readFile(resetPath, 'utf8').catch(() => {
    throw new ExerciseError(path.relative(process.cwd(), resetPath), 'the shared reset script is missing',
      `restore exercises/${RESET_SCRIPT}: every exercise's Start runs it before setup.sh`);
  });
  const out: LoadedExercise[] = [];
  for (const ex of registry) {
    if (ex.key !== ex.id) {
      throw new ExerciseError('exercises/index.ts', `the key "${ex.key}" holds exercise "${ex.id}"`,
        'register each exercise under its own id ([ex.id]: ex)');
    }
    if (!folders.includes(ex.id)) {
      throw new ExerciseError(path.join('exercises', ex.id), 'the registry lists an exercise with no folder',
        `create exercises/${ex.id}/ with task.mdx, ${ex.setup}, ${ex.solution} and exercise.ts`);
    }
    out.push(await loadOne(root, ex, reset));
  }
  return out;
}

/** The thrown error's own lines from a Node crash report, without the source excerpt and stack. */
export function errorMessage(stderr: string): string {
  const lines = stderr.split('\n');
  const start = lines.findIndex((l) => /^\w*Error\b.*:/.test(l));
  if (start < 0) return stderr.trim();
  const end = lines.findIndex((l, i) => i > start && /^\s+at /.test(l));
  return lines.slice(start, end < 0 ? undefined : end).join('\n').trim();
}
