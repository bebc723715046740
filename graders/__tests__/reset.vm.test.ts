/**
 * The shared reset (exercises/_lib/reset.sh) must make a used VM as good as a
 * restored one: exercise A's solution plus a pile of leftovers, then reset +
 * setup of exercise B, must collect the same state as a fresh restore + setup
 * of B. A control run without the reset shows the comparison can fail, and a
 * second reset + setup shows the reset is idempotent. The warm replay's
 * verdicts rest on this.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {exercises} from '../../exercises/index';
import {collectSections} from '../collect';
import type {Exercise} from '../exercise';
import {fingerprint, fingerprintDiff, type Fingerprint} from '../fingerprint';
import {caseScript, collectorScript, ownSetupScript, REPO_ROOT, setupScript, solutionCase} from '../node';
import {buildNetState} from '../state';
import {createNodeVm} from '../../src/vm/node';

vi.setConfig({testTimeout: 0, hookTimeout: 0});

// Part of the live VM suite: NETLAB_REPLAY=0 skips it with the replay.
const enabled = process.env.NETLAB_REPLAY !== '0';
const LEFTOVERS = readFileSync(join(REPO_ROOT, 'graders/__tests__/fixtures/leftovers.sh'), 'utf8');
// Two pairs prove the point on every run without growing with the course;
// NETLAB_REPLAY=all pairs every exercise with the next one.
const PAIRS = process.env.NETLAB_REPLAY === 'all' ? Object.keys(exercises).length : 2;

const vm = createNodeVm();
beforeAll(async () => {
  if (enabled) await vm.start();
});
afterAll(async () => {
  if (enabled) await vm.stop();
});

async function run(script: string, what: string): Promise<void> {
  const r = await vm.exec(script, {timeoutMs: 60_000});
  if (r.exitCode !== 0) throw new Error(`${what} exited ${r.exitCode}: ${r.stderr.slice(0, 500)}`);
}

async function collect(ex: Exercise): Promise<Fingerprint> {
  const sections = await collectSections(vm, collectorScript(), ex, 120_000);
  if (!sections.ok) throw new Error(sections.error);
  const state = buildNetState(sections.value, ex.probes);
  if (!state.ok) throw new Error(state.error);
  return fingerprint(state.value);
}

const solution = (ex: Exercise): string => caseScript(ex, solutionCase(ex));

const list = Object.values(exercises);
describe.skipIf(!enabled)('shared reset', () => {
  for (const [i, b] of list.slice(0, PAIRS).entries()) {
    const a = list[(i + 1) % list.length] ?? b;
    it(`${a.id} solved + leftovers, then reset + setup of ${b.id} equals a fresh restore + setup`, async () => {
      await vm.reset();
      await run(setupScript(b), `${b.id} setup`);
      const fresh = await collect(b);

      await run(setupScript(a), `${a.id} setup`);
      await run(`set -e\n${solution(a)}`, `${a.id} solution`);
      await run(LEFTOVERS, 'leftovers.sh');
      // Control: B's own setup without the reset. It may fail half-way; what matters is the state.
      await vm.exec(ownSetupScript(b), {timeoutMs: 60_000});
      expect(fingerprintDiff(fresh, await collect(b)), 'without the reset the state should differ').not.toEqual([]);

      await run(setupScript(b), `reset + ${b.id} setup`);
      expect(fingerprintDiff(fresh, await collect(b))).toEqual([]);
      await run(setupScript(b), `second reset + ${b.id} setup`);
      expect(fingerprintDiff(fresh, await collect(b)), 'a second reset + setup').toEqual([]);
    });
  }
});
