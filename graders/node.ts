/**
 * Node-only helpers: reading exercise folders and the collector script from
 * disk, and running one grading case in a VM. The browser gets the same
 * texts through the site's exercises plugin instead.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {LabVm} from '../src/vm/types';
import {collectAndGrade} from './collect';
import type {Exercise, GradeResult} from './exercise';
import {baseCaseName, expandSeeds, instantiate, paramsFor, paramsScript} from './params';
import type {Section} from './sections';
import {libScriptPath, ownSetup, RESET_SCRIPT, startScript} from './start';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const EXERCISES_DIR = join(REPO_ROOT, 'exercises');

export function collectorScript(): string {
  return readFileSync(join(REPO_ROOT, 'graders', 'collector.sh'), 'utf8');
}

export function exerciseDir(id: string): string {
  return join(EXERCISES_DIR, ...id.split('/'));
}

export interface ExerciseCase {
  /** "start", "solution", "near-miss/<name>", "alternative/<name>"; "--seed-N" follows for a seeded exercise. */
  name: string;
  /** The learner seed the case runs with (seeded exercises only, see params.ts). */
  seed?: number;
  /** Script run after setup; null for the start state. */
  script: string | null;
  scriptPath: string | null;
  expect: {verdict: 'passed'} | {verdict: 'failed'; check?: string};
}

/** Reads `# expect-fail: <check-id>` from a near-miss script. */
export function expectedFailure(script: string): string | undefined {
  return /^#\s*expect-fail:\s*([a-z0-9-]+)\s*$/m.exec(script)?.[1];
}

const shFiles = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.sh'))
        .sort()
    : [];

/** Every case an exercise folder defines, with the verdict each must get. */
export function exerciseCases(ex: Exercise): ExerciseCase[] {
  const dir = exerciseDir(ex.id);
  const read = (p: string) => readFileSync(p, 'utf8');
  const cases: ExerciseCase[] = [{name: 'start', script: null, scriptPath: null, expect: {verdict: 'failed'}}];
  const sol = join(dir, ex.solution);
  cases.push({name: 'solution', script: read(sol), scriptPath: sol, expect: {verdict: 'passed'}});
  for (const f of shFiles(join(dir, 'near-misses'))) {
    const p = join(dir, 'near-misses', f);
    const text = read(p);
    cases.push({
      name: `near-miss/${f.slice(0, -3)}`,
      script: text,
      scriptPath: p,
      expect: {verdict: 'failed', check: expectedFailure(text)},
    });
  }
  for (const f of shFiles(join(dir, 'alternatives'))) {
    const p = join(dir, 'alternatives', f);
    cases.push({name: `alternative/${f.slice(0, -3)}`, script: read(p), scriptPath: p, expect: {verdict: 'passed'}});
  }
  return expandSeeds(ex, cases);
}

/** The reference solution's case; for a seeded exercise, the one of its first seed. */
export function solutionCase(ex: Exercise): ExerciseCase {
  const c = exerciseCases(ex).find((x) => baseCaseName(x.name) === 'solution');
  if (!c) throw new Error(`${ex.id} has no reference solution case`);
  return c;
}

/** A case's script as it runs in the VM: a seeded case's params (shell variables) first. */
export function caseScript(ex: Exercise, c: ExerciseCase): string {
  const vars = c.seed === undefined ? '' : paramsScript(paramsFor(ex, c.seed), c.seed);
  return `${vars}${c.script ?? ''}`;
}

/** The exercise as a case is graded: bound to its seed (see params.ts), or as it is. */
export const caseExercise = (ex: Exercise, c: ExerciseCase): Exercise =>
  c.seed === undefined ? ex : instantiate(ex, c.seed);

export function snapshotPath(ex: Exercise, caseName: string): string {
  return join(exerciseDir(ex.id), 'snapshots', `${caseName.replace('/', '--')}.json`);
}

/** The shared reset every setup starts with (see exercises/_lib/reset.sh). */
export function resetScript(): string {
  return readFileSync(join(EXERCISES_DIR, RESET_SCRIPT), 'utf8');
}

/** The exercise's own part of Start: the shared builders it names in `libs`, then its setup.sh. */
export function ownSetupScript(ex: Exercise): string {
  const libs = ex.libs.map((name) => ({name, text: readFileSync(join(EXERCISES_DIR, libScriptPath(name)), 'utf8')}));
  return ownSetup(libs, readFileSync(join(exerciseDir(ex.id), ex.setup), 'utf8'));
}

/** What Start runs: the shared reset, then setup.sh (the same text the site runs). */
export function setupScript(ex: Exercise): string {
  return startScript(resetScript(), ownSetupScript(ex));
}

/** Does a result match what a case expects? Returns a reason when it does not. */
export function mismatch(c: ExerciseCase, r: GradeResult): string | null {
  if (r.verdict !== c.expect.verdict) {
    const why =
      r.error ??
      r.checks
        .filter((x) => x.status === 'failed')
        .map((x) => `${x.id}: ${x.message}`)
        .join('; ');
    return `expected ${c.expect.verdict}, got ${r.verdict}${why ? ` (${why})` : ''}`;
  }
  const want = c.expect.verdict === 'failed' ? c.expect.check : undefined;
  if (want) {
    const check = r.checks.find((x) => x.id === want);
    if (!check) return `declares expect-fail: ${want}, but the exercise has no such check`;
    if (check.status !== 'failed') {
      const failed = r.checks.filter((x) => x.status === 'failed').map((x) => x.id);
      return `expected check ${want} to fail, but it is ${check.status} (failed: ${failed.join(', ') || 'none'})`;
    }
  }
  return null;
}

/** The reset step found state it could not remove (exit 97 of reset.sh). */
export const RESET_FAILED_EXIT = 97;

/**
 * Set up (shared reset + setup.sh), run the case's script, collect and grade.
 * `restore` (default true) restores the VM snapshot first; the warm replay
 * passes false and relies on the reset step instead.
 */
export async function runCase(
  vm: LabVm,
  ex: Exercise,
  c: ExerciseCase,
  opts: {restore?: boolean} = {},
): Promise<{result: GradeResult; sections?: Section[]; scriptError?: string}> {
  // A seeded case: the checks and probes of that learner, the params as shell variables.
  const seeded = caseExercise(ex, c);
  if (opts.restore !== false) await vm.reset();
  // Generous, like the collection below: a loaded machine's emulated VM can take a minute
  // for a six-namespace setup, and a timeout would be reported as the exercise's fault.
  const setup = await vm.exec(setupScript(ex), {timeoutMs: 120_000});
  if (setup.exitCode !== 0) {
    const what = setup.exitCode === RESET_FAILED_EXIT ? 'the shared reset failed' : `setup.sh exited ${setup.exitCode}`;
    throw new Error(`${ex.id}: ${what}: ${setup.stderr.slice(0, 500)}`);
  }
  let scriptError: string | undefined;
  if (c.script !== null) {
    // -e so a script that breaks half-way is reported instead of graded.
    const r = await vm.exec(`set -e\n${caseScript(ex, c)}`, {timeoutMs: 120_000});
    if (r.exitCode !== 0) scriptError = `${c.name} exited ${r.exitCode}: ${r.stderr.slice(0, 500)}`;
  }
  // Generous: the emulated VM on a loaded machine is slow, and a timeout here would be a false "error".
  const graded = await collectAndGrade(vm, collectorScript(), seeded, 120_000);
  return {...graded, scriptError};
}
