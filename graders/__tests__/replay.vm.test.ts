/**
 * Live replay: for every exercise and case, restore the VM, run setup and the
 * case's script, collect and grade in the VM, and compare with the expected
 * verdict. One VM for the whole file, reset between cases.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { exercises } from "../../exercises/index";
import { exerciseCases, mismatch, runCase } from "../node";
import { createNodeVm } from "../../src/vm/node";

// 0 disables vitest's per-test timeout: the emulated VM is slow, and timing is the bench's job.
vi.setConfig({ testTimeout: 0, hookTimeout: 0 });

const vm = createNodeVm();
let t0 = 0;

beforeAll(async () => {
  if (!enabled) return;
  t0 = performance.now();
  await vm.start();
});

afterAll(async () => {
  if (!enabled) return;
  await vm.stop();
  console.log(`live replay wall time: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
});

// On by default (CI replays everything); NETLAB_REPLAY=0 skips it for a
// quick local run of the other tests.
const enabled = process.env.NETLAB_REPLAY !== "0";

for (const ex of Object.values(exercises)) {
  describe.skipIf(!enabled)(ex.id, () => {
    for (const c of exerciseCases(ex)) {
      it(`${c.name} -> ${c.expect.verdict}`, async () => {
        const r = await runCase(vm, ex, c);
        expect(r.scriptError, "the case's script itself failed").toBeUndefined();
        expect(mismatch(c, r.result), JSON.stringify(r.result.checks, null, 1)).toBeNull();
      });
    }
  });
}
