/**
 * npm run grade -- <exercise-id> --script <file.sh>   restore VM, setup, script, collect, grade
 * npm run grade -- <exercise-id> --snapshot <file.json>  grade a recorded state
 * Prints the result as JSON. Exit 0 passed, 1 failed, 2 error (or bad usage).
 */
import {readFileSync} from 'node:fs';
import {parseArgs} from 'node:util';
import {getExercise} from '../exercises/index';
import type {GradeResult} from '../graders/exercise';
import {runCase} from '../graders/node';
import {gradeSnapshotText} from '../graders/snapshot';

const EXIT: Record<GradeResult['verdict'], number> = {passed: 0, failed: 1, error: 2};

function usage(msg: string): never {
  console.error(`${msg}\nusage: npm run grade -- <exercise-id> (--script <file.sh> | --snapshot <file.json>)`);
  process.exit(2);
}

const {values, positionals} = parseArgs({
  allowPositionals: true,
  options: {script: {type: 'string'}, snapshot: {type: 'string'}},
});
const id = positionals[0] ?? usage('missing exercise id');
const ex = getExercise(id) ?? usage(`unknown exercise "${id}": there is no exercises/${id}/exercise.ts`);
if (!values.script === !values.snapshot) usage('give exactly one of --script or --snapshot');

let result: GradeResult;
if (values.snapshot) {
  result = gradeSnapshotText(ex, readFileSync(values.snapshot, 'utf8'));
} else {
  const script = readFileSync(values.script ?? '', 'utf8');
  const {createNodeVm} = await import('../src/vm/node');
  const vm = createNodeVm();
  try {
    await vm.start();
    const r = await runCase(
      vm,
      ex,
      {name: 'script', script, scriptPath: values.script ?? null, expect: {verdict: 'passed'}},
      {restore: false},
    );
    if (r.scriptError) console.error(`note: ${r.scriptError}`);
    result = r.result;
  } catch (e) {
    result = {exercise: ex.id, verdict: 'error', checks: [], error: (e as Error).message, problems: []};
  } finally {
    await vm.stop();
  }
}
console.log(JSON.stringify(result, null, 2));
process.exit(EXIT[result.verdict]);
