/**
 * Cold-boots the freshly built image once, warms it up, and saves the state
 * every learner starts from: images/out/state.bin.zst, plus machine.json (what
 * the state was saved with, folded into the manifest).
 */
import {execFileSync} from 'node:child_process';
import {readFileSync, renameSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {MACHINE} from '../src/vm/config';
import {exercises} from '../exercises/index';
import {collectAndGrade} from '../graders/collect';
import {collectorScript, exerciseCases, resetScript, setupScript} from '../graders/node';
import {createNodeVm, imageDir} from '../src/vm/node';

const out = imageDir();
// A cold boot over 9p has been seen to stall before the agent came up (twice
// in about ten builds, once on an idle machine); a second boot went through.
// So each attempt has a deadline, and a stalled one is thrown away and retried.
const ATTEMPTS = 3;
let vm = createNodeVm({timing: {startDeadlineMs: 240_000}});
let console0 = '';
let t0: number;
for (let attempt = 1; ; attempt++) {
  console0 = '';
  vm.on((e) => {
    if (e.type === 'output' && e.terminal === 0) console0 = (console0 + new TextDecoder().decode(e.data)).slice(-3000);
  });
  t0 = performance.now();
  try {
    await vm.start({coldBoot: true});
    break;
  } catch (e) {
    const fetched = (vm.rootBytesFetched / 1e6).toFixed(1);
    console.error(
      `[image] cold boot attempt ${attempt} of ${ATTEMPTS} failed after ${((performance.now() - t0) / 1000).toFixed(0)} s (${fetched} MB of root files fetched): ${e instanceof Error ? e.message : String(e)}`,
    );
    if (console0) console.error(`[image] its console said:\n${console0}`);
    await vm.stop().catch(() => undefined);
    if (attempt >= ATTEMPTS) process.exit(1);
    vm = createNodeVm({timing: {startDeadlineMs: 240_000}});
  }
}
const bootS = (performance.now() - t0) / 1000;
console.error(`[image] cold boot to agent: ${bootS.toFixed(1)} s`);
const check = await vm.exec('ip -V && iptables -V && nft -v && ip netns list && echo ok', {timeoutMs: 30_000});
if (check.exitCode !== 0) throw new Error(`image self-check failed: ${check.stderr}`);
// Forget what booting read, then read what a lesson and a Check use, so the
// state carries exactly those pages (freed pages are zeroed: init_on_free).
// Read-ahead off while warming: the state then holds the pages the commands
// touched, not the 252 KB around each of them (restored right after).
const ra = (await vm.exec('cat /sys/class/bdi/9p-*/read_ahead_kb | head -1', {timeoutMs: 30_000})).stdout.trim();
await vm.exec(
  'for f in /sys/class/bdi/9p-*/read_ahead_kb; do echo 0 > $f; done; sync; echo 3 > /proc/sys/vm/drop_caches',
  {timeoutMs: 60_000},
);
const warmScript =
  process.env.NETLAB_WARMUP === '0' ? 'true' : readFileSync(new URL('./warmup.sh', import.meta.url), 'utf8');
const warm = await vm.exec(warmScript, {timeoutMs: 180_000});
if (warm.exitCode !== 0) throw new Error(`warm-up failed (${warm.exitCode}): ${warm.stderr}`);
// Then what learners really run first: the pilot chapters' exercises' Start
// (the shared reset + setup.sh), reference solution and Check, and a reset.
// Only those: every page warmed here is in every learner's first download,
// and warming all 14 exercises (dig's bind9 libraries, dnsmasq, curl,
// dumpcap) grew the state from 11.6 to 14.4 MB. Other chapters' tools come
// from the root when first used. (The exercises and the collector live
// outside images/, so changing them does not rebuild the image; they only
// decide which pages start warm.)
const WARM_CHAPTERS = ['bridges', 'vlans', 'nat'];
if (process.env.NETLAB_WARMUP !== '0') {
  for (const ex of Object.values(exercises).filter((e) => WARM_CHAPTERS.includes(e.id.split('/')[0] ?? ''))) {
    const solution = exerciseCases(ex).find((c) => c.name === 'solution')?.script ?? '';
    for (const script of [setupScript(ex), solution]) await vm.exec(script, {timeoutMs: 120_000});
    await collectAndGrade(vm, collectorScript(), ex, 120_000);
  }
  await vm.exec(resetScript(), {timeoutMs: 120_000});
}
const leftover = await vm.exec("ip netns list; ip -br link | grep -v '^lo '; nft list ruleset", {timeoutMs: 30_000});
if (leftover.stdout.trim() !== '') throw new Error(`warm-up left state behind:\n${leftover.stdout}`);
await vm.exec(
  `for f in /sys/class/bdi/9p-*/read_ahead_kb; do echo ${Number(ra) || 128} > $f; done; sync; echo 1 > /proc/sys/vm/compact_memory`,
  {timeoutMs: 60_000},
);
const fetched = vm.rootBytesFetched;
const state = await vm.saveState();
await vm.stop();
const raw = join(out, 'state.bin');
writeFileSync(raw, new Uint8Array(state));
// Compress beside the old state and rename, so a VM starting meanwhile never
// reads a half-written file.
execFileSync('zstd', ['-q', '-f', '-19', '-T0', '--rm', raw, '-o', join(out, 'state.bin.zst.tmp')]);
renameSync(join(out, 'state.bin.zst.tmp'), join(out, 'state.bin.zst'));
writeFileSync(join(out, 'machine.json'), JSON.stringify(MACHINE) + '\n');
writeFileSync(join(out, 'cold-boot-seconds.txt'), `${bootS.toFixed(2)}\n`);
console.error(
  `[image] snapshot: ${(state.byteLength / 1e6).toFixed(1)} MB raw; ${(fetched / 1e6).toFixed(1)} MB of root files fetched while booting and warming up`,
);
process.exit(0);
