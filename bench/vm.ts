/**
 * Lab VM benchmarks: one JSON object per line, {"name","value","unit"}.
 * Run on the machine the targets were set for; figures vary with load.
 */
import {statSync} from 'node:fs';
import {join} from 'node:path';
import {createNodeVm, imageDir} from '../src/vm/node';
import {TOPOLOGY_SCRIPT} from './topology';
import {exercises} from '../exercises/index';
import {collectAndGrade} from '../graders/collect';
import {collectorScript, exerciseCases, setupScript} from '../graders/node';

const print = (name: string, value: number, unit: string): void =>
  console.log(JSON.stringify({name, value: Number(value.toFixed(3)), unit}));
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const dir = imageDir();
const size = (f: string): number => statSync(join(dir, f)).size;

// Cold boot: the kernel and initramfs from scratch to the agent's first reply.
{
  const vm = createNodeVm();
  const t = performance.now();
  await vm.start({coldBoot: true});
  print('cold_boot_s', (performance.now() - t) / 1000, 's');
  await vm.stop();
}

const vm = createNodeVm();
{
  const t = performance.now();
  await vm.start();
  await vm.exec('true');
  print('restore_to_exec_s', (performance.now() - t) / 1000, 's');
}
print('snapshot_bytes', size('state.bin.zst'), 'bytes');
const wasm = statSync(new URL('../node_modules/v86/build/v86.wasm', import.meta.url)).size;
const libv86 = statSync(new URL('../node_modules/v86/build/libv86.mjs', import.meta.url)).size;
const fixed = size('state.bin.zst') + size('bios.bin') + size('vgabios.bin') + wasm + libv86;
print('download_bytes', fixed + vm.rootBytesFetched, 'bytes');
// The first lesson: the files above, plus the root files fetched on demand up
// to the first prompt and one Check of the two-namespaces lab (solved).
{
  const ex = exercises['bridges/two-namespaces'];
  const solution = exerciseCases(ex).find((c) => c.name === 'solution')?.script ?? '';
  await vm.exec(setupScript(ex), {timeoutMs: 60_000});
  await vm.exec(solution, {timeoutMs: 60_000});
  const t = performance.now();
  const {result} = await collectAndGrade(vm, collectorScript(), ex, 60_000);
  if (result.verdict !== 'passed') throw new Error(`two-namespaces solved state graded ${result.verdict}`);
  print('first_check_ms', performance.now() - t, 'ms');
  print('first_lesson_download_bytes', fixed + vm.rootBytesFetched, 'bytes');
  print('root_files_fetched_bytes', vm.rootBytesFetched, 'bytes');
}

for (let i = 0; i < 10; i++) await vm.exec('true'); // warm the JIT on the hot path
const rtts: number[] = [];
for (let i = 0; i < 50; i++) {
  const t = performance.now();
  await vm.exec('true');
  rtts.push(performance.now() - t);
}
print('exec_rtt_ms', median(rtts), 'ms');

{
  const t = performance.now();
  const r = await vm.exec("head -c 1000000 /dev/zero | tr '\\0' x", {timeoutMs: 60_000});
  const s = (performance.now() - t) / 1000;
  if (r.stdoutBytes.length !== 1_000_000) throw new Error(`expected 1 MB, got ${r.stdoutBytes.length}`);
  print('stdout_kb_per_s', 1000 / s, 'KB/s');
}

await vm.reset(); // the topology below must start from a clean machine
{
  const t = performance.now();
  const r = await vm.exec(TOPOLOGY_SCRIPT, {timeoutMs: 120_000});
  if (r.exitCode !== 0) throw new Error(`topology script failed: ${r.stderr}`);
  print('topology_script_s', (performance.now() - t) / 1000, 's');
}
await vm.stop();
process.exit(0);
