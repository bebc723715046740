/**
 * Live replay in one warm VM (see graders/replay.ts): every reference
 * solution, plus every case whose recording is stale, runs reset + setup +
 * script + collect + grade in the VM and must get its expected verdict.
 * Current recordings are graded by snapshots.test.ts instead.
 * NETLAB_REPLAY=all replays every case, NETLAB_REPLAY=0 none.
 * Progress goes to stderr as it happens: one line per exercise and per case.
 */
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {exercises} from '../../exercises/index';
import {mismatch} from '../node';
import {collectorInputs, imageInputs} from '../provenance';
import {median, planExercise, replayMode, WarmRunner} from '../replay';
import {createNodeVm} from '../../src/vm/node';

// 0 disables vitest's per-test timeout: the emulated VM is slow, and timing is the bench's job.
vi.setConfig({testTimeout: 0, hookTimeout: 0});

const say = (line: string): void => void process.stderr.write(`[replay] ${line}\n`);
const secs = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

const mode = replayMode(process.env.NETLAB_REPLAY);
const image = imageInputs() ?? '';
const collector = collectorInputs();
const plans = Object.values(exercises).map((ex) => ({ex, cases: planExercise(ex, mode, image, collector)}));
const live = plans.reduce((n, p) => n + p.cases.filter((c) => c.live).length, 0);
const total = plans.reduce((n, p) => n + p.cases.length, 0);

// Stale recordings are reported whether or not they run now, one line per
// exercise and reason, so a collector change does not print 500 lines.
const staleCount = plans.reduce((n, p) => n + p.cases.filter((c) => c.stale.length).length, 0);
if (staleCount) say(`${staleCount} of ${total} recordings are stale (npm run record -- <id> refreshes them):`);
for (const {ex, cases} of plans) {
  const byReason = new Map<string, string[]>();
  for (const c of cases.filter((x) => x.stale.length)) {
    const reason = c.stale.join(', ');
    byReason.set(reason, [...(byReason.get(reason) ?? []), c.case.name]);
  }
  for (const [reason, names] of byReason) {
    say(`  ${ex.id}: ${names.length === cases.length ? 'all cases' : names.join(', ')}: ${reason}`);
  }
}
say(
  mode === 'none'
    ? 'NETLAB_REPLAY=0: no live replay'
    : `${live} of ${total} cases run live (NETLAB_REPLAY=${mode === 'all' ? 'all' : 'changed'})`,
);

const vm = createNodeVm();
const runner = new WarmRunner(vm);
let t0 = 0;

beforeAll(async () => {
  if (live === 0) return;
  t0 = performance.now();
  await vm.start();
});

afterAll(async () => {
  if (live === 0) return;
  await vm.stop();
  const wall = performance.now() - t0;
  say(
    `${runner.times.length} cases live in ${secs(wall)}: median ${secs(median(runner.times))} per case, ${runner.restores} snapshot restore(s)`,
  );
});

for (const {ex, cases} of plans) {
  const liveCases = cases.filter((c) => c.live);
  describe(ex.id, () => {
    beforeAll(() => {
      if (liveCases.length === 0) return;
      const why = liveCases.map(
        (c) => `${c.case.name}${c.why === 'reference solution' || mode === 'all' ? '' : ` (${c.why})`}`,
      );
      say(`${ex.id}: ${liveCases.length} live [${why.join('; ')}], ${cases.length - liveCases.length} from recordings`);
    });
    for (const p of cases) {
      const c = p.case;
      it.skipIf(!p.live)(`${c.name} -> ${c.expect.verdict}`, async () => {
        const r = await runner.run(ex, c);
        const bad = r.scriptError ?? mismatch(c, r.result);
        const restored = r.restoredBecause ? ` (snapshot restored: ${r.restoredBecause})` : '';
        say(`  ${bad ? 'FAIL' : 'ok  '} ${ex.id} ${c.name}: ${r.result.verdict} in ${secs(r.ms)}${restored}`);
        expect(r.scriptError, "the case's script itself failed").toBeUndefined();
        expect(mismatch(c, r.result), JSON.stringify(r.result.checks, null, 1)).toBeNull();
      });
    }
  });
}
