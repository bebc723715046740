/**
 * Cold-boots the freshly built image once, prepares it, and saves the state
 * every learner starts from: images/out/state.bin.zst.
 */
import { execFileSync } from "node:child_process";
import { renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createNodeVm, imageDir } from "../src/vm/node";

const out = imageDir();
const vm = createNodeVm();
const t0 = performance.now();
await vm.start({ coldBoot: true });
const bootS = (performance.now() - t0) / 1000;
console.error(`[image] cold boot to agent: ${bootS.toFixed(1)} s`);
const check = await vm.exec("ip -V && iptables -V && nft -v && ip netns list && echo ok", { timeoutMs: 30_000 });
if (check.exitCode !== 0) throw new Error(`image self-check failed: ${check.stderr}`);
// Drop caches and compact so that freed pages are zero and stay out of the state.
await vm.exec("sync; echo 3 > /proc/sys/vm/drop_caches; echo 1 > /proc/sys/vm/compact_memory; sync", { timeoutMs: 60_000 });
const state = await vm.saveState();
await vm.stop();
const raw = join(out, "state.bin");
writeFileSync(raw, new Uint8Array(state));
// Compress beside the old state and rename, so a VM starting meanwhile never
// reads a half-written file.
execFileSync("zstd", ["-q", "-f", "-19", "-T0", "--rm", raw, "-o", join(out, "state.bin.zst.tmp")]);
renameSync(join(out, "state.bin.zst.tmp"), join(out, "state.bin.zst"));
writeFileSync(join(out, "cold-boot-seconds.txt"), `${bootS.toFixed(2)}\n`);
console.error(`[image] snapshot: ${(state.byteLength / 1e6).toFixed(1)} MB raw`);
process.exit(0);
