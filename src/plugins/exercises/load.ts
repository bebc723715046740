/**
 * Turns the checked course (see dumpCourse.ts) into what the site ships: per
 * exercise, the scripts Start runs and the hints, and the paths webpack
 * compiles. Checking happens before, in course/check.ts, shared with
 * `npm run check:exercises`.
 */
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import type {Outline, Problem} from '../../../course/schema';
import {libScriptPath, ownSetup, RESET_SCRIPT, startScript} from '../../../graders/start';
import type {ExerciseScripts, ExerciseSummary} from './types';

/** The part of a graders exercise definition the site needs at build time. */
export interface RegistryEntry {
  id: string;
  title: string;
  setup: string;
  /** Shared builders (exercises/_lib/<name>.sh) that run before setup.sh. */
  libs: string[];
  solution: string;
  hints: string[];
  checks: {title: string; hints: string[]}[];
  /** The definition declares params(seed). */
  seeded?: boolean;
}

/** What dumpCourse.ts prints. */
export interface CourseDump {
  outline: Outline | null;
  exercises: RegistryEntry[];
  problems: Problem[];
}

export interface LoadedExercise {
  summary: ExerciseSummary;
  scripts: ExerciseScripts;
  taskPath: string;
  definitionPath: string;
}

const DEFAULT_SETUP_TIMEOUT_MS = 30_000;

/** Problems as one message, errors first, each with its file and fix. */
export function problemReport(problems: Problem[]): string {
  return problems.map((p) => `  ${p.file}\n    problem: ${p.problem}\n    fix: ${p.fix}`).join('\n');
}

async function loadOne(root: string, ex: RegistryEntry, reset: string): Promise<LoadedExercise> {
  const dir = path.join(root, ...ex.id.split('/'));
  const read = (name: string) => readFile(path.join(dir, name), 'utf8');
  const [chapter = ''] = ex.id.split('/');
  const libs = await Promise.all(
    ex.libs.map(async (name) => ({name, text: await readFile(path.join(root, libScriptPath(name)), 'utf8')})),
  );
  return {
    summary: {id: ex.id, chapter, title: ex.title},
    scripts: {
      id: ex.id,
      // Start runs the same text as the recorder and the replay in Node.
      setup: startScript(reset, ownSetup(libs, await read(ex.setup))),
      solution: await read(ex.solution),
      hints: [
        ...ex.hints.map((text) => ({text})),
        ...ex.checks.flatMap((c) => c.hints.map((text) => ({text, check: c.title}))),
      ],
      setupTimeoutMs: DEFAULT_SETUP_TIMEOUT_MS,
      ...(ex.seeded ? {seeded: true as const} : {}),
    },
    taskPath: path.join(dir, 'task.mdx'),
    definitionPath: path.join(dir, 'exercise.ts'),
  };
}

/** Every exercise's site data; call only once the course checked without errors. */
export async function loadExercises(root: string, entries: RegistryEntry[]): Promise<LoadedExercise[]> {
  // Every setup starts with the shared reset, so Start also cleans up what
  // the learner (or an earlier exercise on the page) left in the VM.
  const reset = await readFile(path.join(root, RESET_SCRIPT), 'utf8');
  return Promise.all(entries.map((ex) => loadOne(root, ex, reset)));
}

/** The thrown error's own lines from a Node crash report, without the source excerpt and stack. */
export function errorMessage(stderr: string): string {
  const lines = stderr.split('\n');
  const start = lines.findIndex((l) => /^\w*Error\b.*:/.test(l));
  if (start < 0) return stderr.trim();
  const end = lines.findIndex((l, i) => i > start && /^\s+at /.test(l));
  return lines
    .slice(start, end < 0 ? undefined : end)
    .join('\n')
    .trim();
}
