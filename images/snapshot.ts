/**
 * Cold-boots the freshly built image once, warms it up, and saves the state
 * every learner starts from: images/out/state.bin.zst, plus machine.json (what
 * the state was saved with, folded into the manifest).
 */
import { execFileSync } from "node:child_process";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { MACHINE } from "../src/vm/config";
import { createNodeVm, imageDir } from "../src/vm/node";

const out = imageDir();
const vm = createNodeVm();
let console0 = "";
vm.on((e) => {
  if (e.type === "output" && e.terminal === 0) console0 = (console0 + new TextDecoder().decode(e.data)).slice(-3000);
});
// A boot that never reaches the agent would otherwise wait for ever; show
// what the kernel and the initramfs printed instead.
const deadline = setTimeout(() => {
  console.error(`[image] the VM did not come up within 600 s. Its console said:\n${console0}`);
  process.exit(1);
}, 600_000);
const t0 = performance.now();
await vm.start({ coldBoot: true });
clearTimeout(deadline);
const bootS = (performance.now() - t0) / 1000;
console.error(`[image] cold boot to agent: ${bootS.toFixed(1)} s`);
const check = await vm.exec("ip -V && iptables -V && nft -v && ip netns list && echo ok", { timeoutMs: 30_000 });
if (check.exitCode !== 0) throw new Error(`image self-check failed: ${check.stderr}`);
// Forget what booting read, then read what a lesson and a Check use, so the
// state carries exactly those pages (freed pages are zeroed: init_on_free).
await vm.exec("sync; echo 3 > /proc/sys/vm/drop_caches", { timeoutMs: 60_000 });
const warmScript = process.env.NETLAB_WARMUP === "0" ? "true" : readFileSync(new URL("./warmup.sh", import.meta.url), "utf8");
const warm = await vm.exec(warmScript, { timeoutMs: 180_000 });
if (warm.exitCode !== 0) throw new Error(`warm-up failed (${warm.exitCode}): ${warm.stderr}`);
const leftover = await vm.exec("ip netns list; ip -br link | grep -v '^lo '; nft list ruleset", { timeoutMs: 30_000 });
if (leftover.stdout.trim() !== "") throw new Error(`warm-up left state behind:\n${leftover.stdout}`);
await vm.exec("sync; echo 1 > /proc/sys/vm/compact_memory", { timeoutMs: 60_000 });
const fetched = vm.rootBytesFetched;
const state = await vm.saveState();
await vm.stop();
const raw = join(out, "state.bin");
writeFileSync(raw, new Uint8Array(state));
// Compress beside the old state and rename, so a VM starting meanwhile never
// reads a half-written file.
execFileSync("zstd", ["-q", "-f", "-19", "-T0", "--rm", raw, "-o", join(out, "state.bin.zst.tmp")]);
renameSync(join(out, "state.bin.zst.tmp"), join(out, "state.bin.zst"));
writeFileSync(join(out, "machine.json"), JSON.stringify(MACHINE) + "\n");
writeFileSync(join(out, "cold-boot-seconds.txt"), `${bootS.toFixed(2)}\n`);
console.error(`[image] snapshot: ${(state.byteLength / 1e6).toFixed(1)} MB raw; ${(fetched / 1e6).toFixed(1)} MB of root files fetched while booting and warming up`);
process.exit(0);
