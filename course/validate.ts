/**
 * The one check of an exercise folder, shared by the site build (the
 * exercises plugin) and `npm run check:exercises`. It returns problems rather
 * than throwing, so an author sees every one at once, each with its fix, in
 * the order they would naturally fix them.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import type {Exercise} from '../graders/exercise';
import {expectedFailure, mismatch, type ExerciseCase} from '../graders/node';
import {expandSeeds} from '../graders/params';
import {libScriptPath} from '../graders/start';
import {gradeSnapshot, SnapshotSchema, type Snapshot} from '../graders/snapshot';
import {loadDefinition} from './discover';
import {shown, type Problem} from './schema';

/** The first `# ` heading of a task; the exercise card shows it as its title. */
export function taskTitle(source: string): string | null {
  return /^#\s+(.+?)\s*#*\s*$/m.exec(source)?.[1] ?? null;
}

const shFiles = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.sh'))
        .sort()
    : [];

/**
 * The cases a folder defines (start, solution, near-misses, alternatives)
 * and their snapshot files. Same rules as graders/node.ts exerciseCases, but
 * for any root, so malformed fixture folders can be checked too.
 */
export function folderCases(dir: string, ex: Exercise): (ExerciseCase & {snapshot: string})[] {
  const snap = (name: string) => path.join(dir, 'snapshots', `${name.replace('/', '--')}.json`);
  const read = (p: string) => (existsSync(p) ? readFileSync(p, 'utf8') : '');
  const sol = path.join(dir, ex.solution);
  const cases: ExerciseCase[] = [
    {name: 'start', script: null, scriptPath: null, expect: {verdict: 'failed'}},
    {name: 'solution', script: read(sol), scriptPath: sol, expect: {verdict: 'passed'}},
  ];
  for (const f of shFiles(path.join(dir, 'near-misses'))) {
    const p = path.join(dir, 'near-misses', f);
    const text = read(p);
    cases.push({
      name: `near-miss/${f.slice(0, -3)}`,
      script: text,
      scriptPath: p,
      expect: {verdict: 'failed', check: expectedFailure(text)},
    });
  }
  for (const f of shFiles(path.join(dir, 'alternatives'))) {
    const p = path.join(dir, 'alternatives', f);
    cases.push({name: `alternative/${f.slice(0, -3)}`, script: read(p), scriptPath: p, expect: {verdict: 'passed'}});
  }
  // A seeded exercise records its solution per seed, every case under a name with its seed (graders/params.ts).
  return expandSeeds(ex, cases).map((c) => ({...c, snapshot: snap(c.name)}));
}

/** A recorded state, or why it cannot be read (not JSON, or not the snapshot shape). */
export function readSnapshot(text: string): {ok: true; snapshot: Snapshot} | {ok: false; error: string} {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return {ok: false, error: `not JSON (${(e as Error).message})`};
  }
  const r = SnapshotSchema.safeParse(json);
  if (r.success) return {ok: true, snapshot: r.data};
  const i = r.error.issues[0];
  return {ok: false, error: `not a netlab snapshot (${i?.path.join('.') || '(root)'}: ${i?.message})`};
}

/** Files every exercise needs: task.mdx and its two scripts. */
function checkFiles(dir: string, ex: Exercise, problem: (file: string, what: string, fix: string) => void): void {
  const f = (name: string) => path.join(dir, name);
  const task = f('task.mdx');
  if (!existsSync(task)) {
    problem(task, 'the task text is missing', 'create task.mdx: a `# Title` line, then what the learner must build');
  } else {
    const text = readFileSync(task, 'utf8');
    if (!taskTitle(text))
      problem(task, 'has no `# Title` heading', 'start the task with a level-1 heading; the exercise card shows it');
    if (/^(import|export)\s/m.test(text))
      problem(task, 'uses import/export', 'keep task.mdx plain MDX: the lesson page provides the components');
  }
  if (!existsSync(f(ex.setup))) {
    problem(
      f(ex.setup),
      'the setup script is missing',
      `create ${ex.setup}: it builds the start state after exercises/_lib/reset.sh (it may be just \`true\`)`,
    );
  }
  for (const lib of ex.libs) {
    // The exercise folder is <exercises>/<chapter>/<slug>.
    const libPath = path.join(dir, '..', '..', libScriptPath(lib));
    if (!existsSync(libPath))
      problem(
        f('exercise.ts'),
        `libs names "${lib}", but ${libPath} does not exist`,
        `create ${libPath} or remove "${lib}" from libs`,
      );
  }
  const solution = f(ex.solution);
  if (!existsSync(solution)) {
    problem(
      solution,
      'the reference solution is missing',
      `create ${ex.solution} with the commands that solve the exercise, one per line`,
    );
    return;
  }
  const lines = readFileSync(solution, 'utf8').split('\n');
  if (lines.every((l) => l.trim() === '' || l.trim().startsWith('#'))) {
    problem(
      solution,
      'the reference solution has no commands',
      'write the commands that solve the exercise, one per line',
    );
  }
  lines.forEach((line, i) => {
    if (/<<-?\s*['"]?\w/.test(line))
      problem(
        solution,
        `line ${i + 1} uses a heredoc`,
        'learners type the solution line by line; use one command per line',
      );
    if (/\\\s*$/.test(line))
      problem(solution, `line ${i + 1} continues onto the next line`, 'put each command on one line');
  });
}

/** Every problem of exercises/<id>/ under `root`, with the definition when it loads. */
export async function validateExerciseFolder(
  root: string,
  id: string,
): Promise<{exercise?: Exercise; problems: Problem[]}> {
  const loaded = await loadDefinition(root, id);
  const ex = loaded.exercise;
  if (!ex) return loaded;
  const dir = path.join(root, ...id.split('/'));
  const problems: Problem[] = [];
  const error = (file: string, problem: string, fix: string) =>
    problems.push({file: shown(file), problem, fix, severity: 'error'});
  const todo = (file: string, problem: string, fix: string) =>
    problems.push({file: shown(file), problem, fix, severity: 'unfinished'});

  checkFiles(dir, ex, error);
  const cases = folderCases(dir, ex);
  const checkIds = ex.checks.map((c) => c.id);
  const nearMisses = cases.filter((c) => c.name.startsWith('near-miss/'));
  for (const c of nearMisses) {
    const file = c.scriptPath ?? dir;
    const want = c.expect.verdict === 'failed' ? c.expect.check : undefined;
    if (!want)
      error(
        file,
        'has no `# expect-fail: <check-id>` line',
        `add one naming the check this mistake must fail: ${checkIds.join(', ')}`,
      );
    else if (!checkIds.includes(want))
      error(
        file,
        `expects check "${want}" to fail, but exercise.ts defines no such check`,
        `use one of: ${checkIds.join(', ')}`,
      );
  }
  if (nearMisses.length < 2) {
    todo(
      path.join(dir, 'near-misses'),
      `has ${nearMisses.length} near-miss script(s)`,
      'add at least 2 plausible wrong answers, each with `# expect-fail: <check-id>` naming the check that catches it',
    );
  }
  if (!cases.some((c) => c.name.startsWith('alternative/'))) {
    todo(
      path.join(dir, 'alternatives'),
      'has no alternative solution',
      'add at least one different valid solution (other names, another tool), so the checks accept more than one answer',
    );
  }

  const snapDir = path.join(dir, 'snapshots');
  const recorded = existsSync(snapDir) ? readdirSync(snapDir).filter((f) => f.endsWith('.json')) : [];
  if (recorded.length === 0) {
    todo(
      snapDir,
      'no recorded snapshots yet',
      `run \`npm run record -- ${id}\` (needs the VM image; it records every case)`,
    );
    return {exercise: ex, problems};
  }
  for (const c of cases) {
    if (!existsSync(c.snapshot)) {
      todo(c.snapshot, `case "${c.name}" is not recorded`, `run \`npm run record -- ${id} ${c.name}\``);
      continue;
    }
    const read = readSnapshot(readFileSync(c.snapshot, 'utf8'));
    if (!read.ok) {
      error(c.snapshot, `cannot be read: ${read.error}`, `re-record it: \`npm run record -- ${id} ${c.name}\``);
      continue;
    }
    if (read.snapshot.exercise !== id || read.snapshot.case !== c.name || read.snapshot.seed !== c.seed) {
      todo(
        c.snapshot,
        `holds case "${read.snapshot.case}" of "${read.snapshot.exercise}"`,
        `re-record it: \`npm run record -- ${id} ${c.name}\``,
      );
      continue;
    }
    const r = gradeSnapshot(ex, read.snapshot);
    const bad = mismatch(c, r);
    if (bad)
      todo(
        c.snapshot,
        `case "${c.name}": ${bad}`,
        `fix the checks or the script, then re-record: \`npm run record -- ${id} ${c.name}\``,
      );
  }
  const expected = new Set(cases.map((c) => path.basename(c.snapshot)));
  for (const file of recorded) {
    if (!expected.has(file))
      todo(
        path.join(snapDir, file),
        'belongs to no case (script renamed or removed?)',
        'delete it or restore its script',
      );
  }
  return {exercise: ex, problems};
}
