/**
 * What one Check costs per lab: setup and the reference solution once, then
 * five collect-and-grade rounds, median reported. One JSON object per line,
 * {"name","value","unit"}, like the other benchmarks.
 *   npm run bench:checks [-- <exercise-id>...]
 * Without ids: one lab per collector feature (plain, deep netfilter, DNS
 * probes, DHCP processes and leases, capturing ping, Open vSwitch).
 */
import {exercises} from '../exercises/index';
import {collectAndGrade} from '../graders/collect';
import {collectorScript, exerciseCases, setupScript} from '../graders/node';
import {createNodeVm} from '../src/vm/node';

const DEFAULT = [
  'vlans/vlan-aware-bridge',
  'nat/port-forward',
  'dns/local-resolver',
  'dhcp/serve-a-subnet',
  'vxlan/point-to-point',
  'ovs/vlan-access-ports',
];
const ROUNDS = 5;

const print = (name: string, value: number, unit: string): void =>
  console.log(JSON.stringify({name, value: Number(value.toFixed(1)), unit}));
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const ids = process.argv.slice(2).length ? process.argv.slice(2) : DEFAULT;
const vm = createNodeVm();
await vm.start();
for (const id of ids) {
  const ex = exercises[id];
  if (!ex) throw new Error(`no exercise ${id}`);
  await vm.reset();
  const solution = exerciseCases(ex).find((c) => c.name === 'solution')?.script ?? '';
  const setup = await vm.exec(setupScript(ex), {timeoutMs: 120_000});
  if (setup.exitCode !== 0) throw new Error(`${id}: setup exited ${setup.exitCode}`);
  await vm.exec(solution, {timeoutMs: 120_000});
  // The first Check after a solution also pays for first runs of the probe tools.
  const times: number[] = [];
  for (let i = 0; i <= ROUNDS; i++) {
    const t = performance.now();
    const {result} = await collectAndGrade(vm, collectorScript(), ex, 120_000);
    if (result.verdict !== 'passed') throw new Error(`${id}: the solved state graded ${result.verdict}`);
    if (i > 0) times.push(performance.now() - t);
    else print(`first_check_ms ${id}`, performance.now() - t, 'ms');
  }
  print(`check_ms ${id}`, median(times), 'ms');
}
await vm.stop();
process.exit(0);
