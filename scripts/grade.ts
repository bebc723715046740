/**
 * npm run grade -- <exercise-id> --script <file.sh>   restore VM, setup, script, collect, grade
 * npm run grade -- <exercise-id> --snapshot <file.json>  grade a recorded state
 * Add `--svg out.svg` to either to draw the network the case left (the Lab's Topology tab's drawing).
 * A seeded exercise (graders/params.ts) takes `--param seed=N` with --script; alone, it
 * grades the reference solution for that seed. A snapshot carries its own seed.
 * Prints the result as JSON. Exit 0 passed, 1 failed, 2 error (or bad usage).
 */
import {existsSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {parseArgs} from 'node:util';
import {exercises, getExercise} from '../exercises/index';
import type {GradeResult} from '../graders/exercise';
import {exerciseDir, runCase} from '../graders/node';
import {parseParamArgs} from '../graders/params';
import type {Section} from '../graders/sections';
import {gradeSnapshotText, SnapshotSchema} from '../graders/snapshot';
import {buildNetState} from '../graders/state';

const EXIT: Record<GradeResult['verdict'], number> = {passed: 0, failed: 1, error: 2};

function usage(msg: string): never {
  console.error(
    `${msg}\nusage: npm run grade -- <exercise-id> (--script <file.sh> | --snapshot <file.json>) [--param seed=N] [--svg out.svg]`,
  );
  process.exit(2);
}

const {values, positionals} = parseArgs({
  allowPositionals: true,
  options: {
    script: {type: 'string'},
    snapshot: {type: 'string'},
    param: {type: 'string', multiple: true},
    svg: {type: 'string'},
  },
});
const id = positionals[0] ?? usage('missing exercise id');
const ex =
  getExercise(id) ??
  usage(
    `unknown exercise "${id}": there is no exercises/${id}/exercise.ts. Exercises: ${Object.keys(exercises).sort().join(', ')}`,
  );
const param = parseParamArgs(values.param ?? []);
if (param.error) usage(param.error);
const {seed} = param;
if (seed !== undefined && !ex.params) usage(`--param seed=${seed}: ${ex.id} has no per-learner parameters`);
if (seed !== undefined && values.snapshot) usage('--param: a snapshot grades with the seed it was recorded with');
if (ex.params && seed === undefined && !values.snapshot)
  usage(`${ex.id} is graded per learner: add --param seed=N (recorded seeds: ${ex.seeds.join(', ')})`);
// A seed alone grades the reference solution for it.
if (seed !== undefined && !values.script) values.script = `${exerciseDir(ex.id)}/${ex.solution}`;
if (!values.script === !values.snapshot) usage('give exactly one of --script or --snapshot');

/** The file's text; a missing or unreadable one is bad usage (exit 2), named, never a stack trace. */
function readArg(flag: string, file: string): string {
  if (!existsSync(file)) usage(`--${flag} ${file}: no such file`);
  if (!statSync(file).isFile()) usage(`--${flag} ${file}: not a file`);
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    return usage(`--${flag} ${file}: cannot be read (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** The sections of a snapshot's text, or undefined when it cannot be read (grading already says why). */
function snapshotSections(text: string): Section[] | undefined {
  try {
    return SnapshotSchema.parse(JSON.parse(text)).sections;
  } catch {
    return undefined;
  }
}

/** Draws the collected state to `file`; a state that cannot be drawn is a note, never a different verdict. */
async function writeSvg(file: string, sections: Section[] | undefined, caption: string): Promise<void> {
  const state = sections ? buildNetState(sections) : undefined;
  if (!state?.ok) {
    console.error(`note: no drawing: ${state ? state.error : 'no state was collected'}`);
    return;
  }
  const [{default: ELK}, {drawTopology}] = await Promise.all([
    import('elkjs/lib/elk.bundled.js'),
    import('../src/components/Topology/draw'),
  ]);
  const {svg} = await drawTopology(state.value, new ELK(), {caption});
  writeFileSync(file, svg);
  console.error(`note: wrote the topology to ${file}`);
}

let result: GradeResult;
let sections: Section[] | undefined;
if (values.snapshot) {
  const text = readArg('snapshot', values.snapshot);
  result = gradeSnapshotText(ex, text);
  sections = snapshotSections(text);
} else {
  const script = readArg('script', values.script ?? '');
  const {createNodeVm} = await import('../src/vm/node');
  const vm = createNodeVm();
  try {
    await vm.start();
    const r = await runCase(
      vm,
      ex,
      {name: 'script', script, scriptPath: values.script ?? null, expect: {verdict: 'passed'}, seed},
      {restore: false},
    );
    if (r.scriptError) console.error(`note: ${r.scriptError}`);
    result = r.result;
    sections = r.sections;
  } catch (e) {
    result = {exercise: ex.id, verdict: 'error', checks: [], error: (e as Error).message, problems: []};
  } finally {
    await vm.stop();
  }
}
console.log(JSON.stringify(result, null, 2));
if (values.svg)
  await writeSvg(values.svg, sections, `${ex.id}: ${values.snapshot ?? values.script} (${result.verdict})`);
process.exit(EXIT[result.verdict]);
