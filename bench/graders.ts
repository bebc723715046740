/**
 * npm run bench [-- --no-vm]
 * One JSON object per line: {"name","value","unit"}.
 *  grade_snapshot_ms            median time to grade a recorded snapshot (JSON text in, verdict out)
 *  collect_grade_ms[<id>]       median in-VM collect+grade of a solved pilot exercise
 *  collect_grade_ms             the slowest pilot's median
 *  check_ms                     what a learner's Check costs: median collect + grade in the
 *                               VM of the solved two-namespaces lab (the "under a second")
 */
import {readFileSync} from 'node:fs';
import {exercises} from '../exercises/index';
import {collectAndGrade} from '../graders/collect';
import {caseExercise, caseScript, collectorScript, setupScript, snapshotPath, solutionCase} from '../graders/node';
import {gradeSnapshotText} from '../graders/snapshot';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const CHECK_LAB = 'bridges/two-namespaces';
const emit = (name: string, value: number, unit: string) =>
  console.log(JSON.stringify({name, value: Math.round(value * 100) / 100, unit}));

// Pure grading: every solved snapshot, many rounds, after a warm-up.
const texts = Object.values(exercises).map((ex) => ({
  ex,
  text: readFileSync(snapshotPath(ex, solutionCase(ex).name), 'utf8'),
}));
const samples: number[] = [];
for (let round = 0; round < 220; round++) {
  for (const {ex, text} of texts) {
    const t = performance.now();
    const r = gradeSnapshotText(ex, text);
    const dt = performance.now() - t;
    if (r.verdict !== 'passed') throw new Error(`${ex.id} solution snapshot graded ${r.verdict}`);
    if (round >= 20) samples.push(dt);
  }
}
emit('grade_snapshot_ms', median(samples), 'ms');

if (!process.argv.includes('--no-vm')) {
  const {createNodeVm} = await import('../src/vm/node');
  const vm = createNodeVm();
  const script = collectorScript();
  let worst = 0;
  let check: number | undefined;
  try {
    await vm.start();
    for (const ex of Object.values(exercises)) {
      const solution = solutionCase(ex);
      await vm.reset();
      await vm.exec(setupScript(ex), {timeoutMs: 60_000});
      await vm.exec(caseScript(ex, solution), {timeoutMs: 60_000});
      const times: number[] = [];
      for (let i = 0; i < 7; i++) {
        const t = performance.now();
        const {result} = await collectAndGrade(vm, script, caseExercise(ex, solution));
        times.push(performance.now() - t);
        if (result.verdict !== 'passed')
          throw new Error(`${ex.id}: solved state graded ${result.verdict}: ${result.error ?? ''}`);
      }
      const m = median(times);
      worst = Math.max(worst, m);
      if (ex.id === CHECK_LAB) check = m;
      emit(`collect_grade_ms[${ex.id}]`, m, 'ms');
    }
    emit('collect_grade_ms', worst, 'ms');
    if (check === undefined) throw new Error(`${CHECK_LAB} has no exercise folder, so check_ms has no lab to time`);
    emit('check_ms', check, 'ms');
  } finally {
    await vm.stop();
  }
}
