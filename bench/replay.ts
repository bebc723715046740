/**
 * npm run bench:replay: what the live replay costs per case, and what
 * `.ci/run` would take on this machine once the course has 50 exercises of
 * 10 recorded cases each. One JSON object per line: {"name","value","unit"}.
 *
 * Measured here:
 *   grade_snapshot_ms        median time to grade one recorded snapshot (JSON text in, verdict out)
 *   replay_case_warm_s       median reset + setup + script + collect + grade on one warm VM
 *   replay_case_restore_s    the same with a snapshot restore before every case (the old replay)
 *   replay_first_case_s      the first case after the VM starts (cold emulator code cache)
 *   typecheck_s              `tsc --noEmit`
 *   unit_tests_s             vitest without VM and browser tests (includes grading every snapshot)
 *   check_exercises_s        `npm run check:exercises` (grades every snapshot again)
 *
 * Assumed (not measurable without a clean machine; override with the env
 * variable in brackets, in seconds):
 *   ci_setup_s        180  apt chromium + npm ci on a fresh machine        [NETLAB_BENCH_CI_SETUP_S]
 *   image_build_s     180  the VM image from scratch ("about 2 minutes" with a warm apt cache, plus downloads) [NETLAB_BENCH_IMAGE_S]
 *   other_vm_tests_s  300  src/vm and e2e browser tests, which do not grow with exercises [NETLAB_BENCH_OTHER_S]
 *   changed cases     10   per CI run, one exercise's worth of stale recordings [NETLAB_BENCH_CHANGED]
 *   typecheck grows 1.5x and unit tests grow by the snapshot grading of the extra cases.
 *   The reset test runs 2 pairs of about 5 warm case-equivalents each.
 * Projection at E exercises x C cases:
 *   ci = ci_setup + image_build + typecheck*1.5 + check_exercises + unit_tests
 *        + 2 * (E*C - recorded now) * grade_snapshot (check:exercises and the snapshots test)
 *        + other_vm_tests + reset test + vm start + first case + (E + changed) * replay_case_warm
 *   ci_all_stale adds every case live instead (the cost of pushing a collector or
 *   image change without `npm run record`).
 */
import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {exercises} from '../exercises/index';
import {exerciseCases, mismatch, REPO_ROOT, runCase, snapshotPath} from '../graders/node';
import {baseCaseName} from '../graders/params';
import {median, WarmRunner} from '../graders/replay';
import {gradeSnapshotText} from '../graders/snapshot';
import {createNodeVm} from '../src/vm/node';

const EXERCISES = 50;
const CASES = 10;
const num = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);
const CI_SETUP_S = num('NETLAB_BENCH_CI_SETUP_S', 180);
const IMAGE_S = num('NETLAB_BENCH_IMAGE_S', 180);
const OTHER_S = num('NETLAB_BENCH_OTHER_S', 300);
const CHANGED = num('NETLAB_BENCH_CHANGED', 10);

const emit = (name: string, value: number, unit: string): void =>
  console.log(JSON.stringify({name, value: Math.round(value * 100) / 100, unit}));
const note = (line: string): void => void process.stderr.write(`[bench:replay] ${line}\n`);
/** Wall time of a command; a failing command still gets timed, with a note (the projection needs the figure). */
const timed = (cmd: string, args: string[]): number => {
  const t = performance.now();
  try {
    execFileSync(cmd, args, {cwd: REPO_ROOT, stdio: 'ignore', env: {...process.env, NETLAB_REPLAY: '0'}});
  } catch {
    note(`${args.join(' ')} failed; its time is still used`);
  }
  return (performance.now() - t) / 1000;
};

// Pure grading: every recorded snapshot, after a warm-up round.
const all = Object.values(exercises).flatMap((ex) =>
  exerciseCases(ex).map((c) => ({ex, c, text: readFileSync(snapshotPath(ex, c.name), 'utf8')})),
);
const gradeMs: number[] = [];
for (let round = 0; round < 12; round++) {
  for (const {ex, text} of all) {
    const t = performance.now();
    gradeSnapshotText(ex, text);
    if (round > 1) gradeMs.push(performance.now() - t);
  }
}
const gradeSnapshotMs = median(gradeMs);
emit('grade_snapshot_ms', gradeSnapshotMs, 'ms');

// Warm sample: every exercise's solution, first near-miss and first alternative.
const sample = Object.values(exercises).flatMap((ex) => {
  const cs = exerciseCases(ex);
  const pick = [
    cs.find((c) => baseCaseName(c.name) === 'solution'),
    cs.find((c) => c.name.startsWith('near-miss/')),
    cs.find((c) => c.name.startsWith('alternative/')),
  ];
  return pick.flatMap((c) => (c ? [{ex, c}] : []));
});
let wrong = 0;
const vm = createNodeVm();
const t0 = performance.now();
await vm.start();
const startS = (performance.now() - t0) / 1000;
const runner = new WarmRunner(vm);
let firstS = 0;
for (const [i, {ex, c}] of sample.entries()) {
  const r = await runner.run(ex, c);
  if (i === 0) firstS = r.ms / 1000;
  if (r.scriptError ?? mismatch(c, r.result)) wrong++;
  note(`warm ${ex.id} ${c.name}: ${r.result.verdict} in ${(r.ms / 1000).toFixed(1)} s`);
}
const warmS = median(runner.times.slice(1)) / 1000;
emit('vm_start_s', startS, 's');
emit('replay_first_case_s', firstS, 's');
emit('replay_case_warm_s', warmS, 's');

// The old way, on a smaller sample: restore the snapshot before every case.
const restoreTimes: number[] = [];
for (const {ex, c} of sample.filter((s) => s.c.name === 'solution')) {
  const t = performance.now();
  const r = await runCase(vm, ex, c, {restore: true});
  restoreTimes.push(performance.now() - t);
  if (r.scriptError ?? mismatch(c, r.result)) wrong++;
  note(`restore ${ex.id} ${c.name}: ${r.result.verdict} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}
await vm.stop();
const restoreS = median(restoreTimes) / 1000;
emit('replay_case_restore_s', restoreS, 's');
emit('replay_wrong_verdicts', wrong, 'cases');
emit('replay_restores', runner.restores, 'restores');

const typecheckS = timed(process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit']);
emit('typecheck_s', typecheckS, 's');
const unitS = timed(process.execPath, [
  'node_modules/vitest/vitest.mjs',
  'run',
  '--exclude',
  '**/*.vm.test.ts',
  '--exclude',
  'e2e/**',
  '--exclude',
  'node_modules/**',
]);
emit('unit_tests_s', unitS, 's');
const checkS = timed(process.execPath, ['--import', 'tsx', 'scripts/check-exercises.ts']);
emit('check_exercises_s', checkS, 's');

const total = EXERCISES * CASES;
const extraGradingS = (2 * Math.max(0, total - all.length) * gradeSnapshotMs) / 1000;
const resetTestS = 2 * 5 * warmS;
const fixed =
  CI_SETUP_S + IMAGE_S + typecheckS * 1.5 + checkS + unitS + extraGradingS + OTHER_S + resetTestS + startS + firstS;
const replayS = (EXERCISES + CHANGED) * warmS;
emit('projected_replay_s', replayS, 's');
emit('projected_ci_s', fixed + replayS, 's');
emit('projected_ci_old_replay_s', fixed + total * restoreS, 's');
emit('projected_ci_all_stale_s', fixed + total * warmS, 's');
process.exit(wrong ? 1 : 0);
