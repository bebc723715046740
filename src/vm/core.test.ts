/**
 * The driver's lifecycle and crash logic against a fake emulator: no VM, so
 * these run in plain vitest in well under a second.
 */
import {describe, expect, it} from 'vitest';
import {V86Lab} from './core';
import {FakeWorld, type FakeBehaviour} from './fakeEmulator';
import {StartCancelledError, VmError, VmUnavailableError, type VmEvent} from './types';
import type {DriverTiming} from './config';

const FAST: Partial<DriverTiming> = {healthPollMs: 5, livenessProbeMs: 200};

function lab(behaviour: Partial<FakeBehaviour> = {}, timing: Partial<DriverTiming> = FAST) {
  const world = new FakeWorld(behaviour);
  const vm = new V86Lab(world.platform(), timing);
  const events: VmEvent[] = [];
  vm.on((e) => events.push(e));
  const crashes = () => events.flatMap((e) => (e.type === 'crashed' ? [e.reason] : []));
  return {world, vm, events, crashes};
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await sleep(2);
}

describe('starting', () => {
  it('says ready only after every terminal has shown its prompt', async () => {
    const {vm, events} = lab({promptMs: 30});
    await vm.start();
    const ready = events.findIndex((e) => e.type === 'ready');
    const prompts = [0, 1].map((t) =>
      events.findIndex(
        (e) => e.type === 'output' && e.terminal === t && new TextDecoder().decode(e.data).endsWith('# '),
      ),
    );
    expect(ready).toBeGreaterThan(-1);
    for (const p of prompts) expect(p).toBeGreaterThan(-1);
    for (const p of prompts) expect(p).toBeLessThan(ready);
    expect(vm.status).toBe('ready');
  });

  it('shares one machine between concurrent starts', async () => {
    const {vm, world} = lab({downloadMs: 20});
    await Promise.all([vm.start(), vm.start(), vm.start()]);
    expect(world.loads).toBe(1);
    expect(world.emulators).toHaveLength(1);
    expect((await vm.exec('echo hi')).stdout).toBe('hi\n');
  });

  it('fails loudly, naming what is missing and the version to pin, when v86 lacks the internals', async () => {
    const {vm, world} = lab({internals: false});
    const error = await vm.start().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(VmError);
    expect(String(error)).toMatch(/virtio_console\.virtio\.queues\[0\]\.has_request/);
    expect(String(error)).toMatch(/in_hlt/);
    expect(String(error)).toMatch(/"v86": "0\.5\.462/);
    expect(world.running()).toHaveLength(0);
    expect(world.emulators[0]?.destroyed).toBe(true);
  });

  it('gives up at its deadline with a clear error, leaving nothing running', async () => {
    const {vm, world} = lab({agentAnswers: false}, {...FAST, startDeadlineMs: 300});
    await expect(vm.start()).rejects.toThrow(/did not start within 0.3 s \(stuck waiting for the shell prompts\)/);
    expect(vm.status).toBe('stopped');
    expect(world.running()).toHaveLength(0);
    expect(world.emulators[0]?.destroyed).toBe(true);
  });
});

describe('one machine at a time', () => {
  it('a stop during the download cancels the start and builds no emulator', async () => {
    const {vm, world} = lab({downloadMs: 10_000});
    const starting = vm.start();
    await until(() => world.loads === 1);
    await vm.stop();
    await expect(starting).rejects.toBeInstanceOf(StartCancelledError);
    expect(world.abortedLoads).toBe(1);
    expect(world.emulators).toHaveLength(0);
    expect(vm.status).toBe('stopped');
  });

  it('a reset during the download leaves exactly one machine running', async () => {
    const {vm, world} = lab({downloadMs: 50});
    const starting = vm.start();
    await until(() => world.loads === 1);
    const resetting = vm.reset();
    await expect(starting).rejects.toBeInstanceOf(StartCancelledError);
    await resetting;
    expect(world.abortedLoads).toBe(1);
    expect(world.emulators).toHaveLength(1);
    expect(world.running()).toHaveLength(1);
    expect(world.maxRunning).toBe(1);
    expect(vm.status).toBe('ready');
  });

  it('a stop while the emulator loads never lets it run, and destroys it once loaded', async () => {
    const {vm, world} = lab({loadMs: 50});
    const starting = vm.start();
    await until(() => world.emulators.length === 1);
    await vm.stop();
    await expect(starting).rejects.toBeInstanceOf(StartCancelledError);
    const emulator = world.emulators[0];
    await until(() => emulator?.destroyed === true);
    expect(world.maxRunning).toBe(0);
    expect(world.earlyDestroys).toBe(0);
  });

  it('survives a storm of starts, stops and resets and ends as the last call says', async () => {
    const {vm, world} = lab({downloadMs: 3, loadMs: 3, promptMs: 3});
    const calls: Array<Promise<void>> = [];
    const ops = [() => vm.start(), () => vm.reset(), () => vm.stop()];
    for (let i = 0; i < 30; i++) {
      const op = ops[(i * 7 + (i >> 2)) % 3];
      if (op) calls.push(op());
      if (i % 4 === 0) await sleep(1 + (i % 5));
    }
    calls.push(vm.reset());
    await Promise.allSettled(calls);
    await expect(calls[calls.length - 1]).resolves.toBeUndefined();
    expect(vm.status).toBe('ready');
    expect(world.maxRunning).toBe(1);
    expect(world.running()).toHaveLength(1);
    // Every machine but the last was thrown away (or never got to load).
    await until(() => world.emulators.slice(0, -1).every((e) => e.destroyed || !e.loaded));
    expect(world.earlyDestroys).toBe(0);
    expect((await vm.exec('echo still')).stdout).toBe('still\n');
  });
});

describe('a dead machine', () => {
  it("is seen from a CPU halted with interrupts off, with the console's reason; exec is refused", async () => {
    const {vm, world, crashes} = lab();
    await vm.start();
    const emulator = world.emulators[0];
    if (!emulator) throw new Error('no emulator');
    emulator.agentAnswers = false;
    const pending = vm.exec('sleep 100', {timeoutMs: 60_000});
    emulator.halt();
    await expect(pending).rejects.toBeInstanceOf(VmUnavailableError);
    expect(vm.status).toBe('crashed');
    expect(crashes()).toEqual(['the machine was halted']);
    await expect(vm.exec('true')).rejects.toThrow(/the machine was halted.*Reset the lab/);
    expect(emulator.running).toBe(false);

    const statuses: string[] = [];
    vm.on((e) => e.type === 'status' && statuses.push(e.status));
    await vm.reset();
    expect(statuses).not.toContain('stopped');
    expect(statuses[statuses.length - 1]).toBe('ready');
    expect(world.running()).toHaveLength(1);
    expect((await vm.exec('echo back')).stdout).toBe('back\n');
  });

  it('ends a start that is waiting for prompts, with the reason, and start() then brings a fresh machine', async () => {
    const {vm, world} = lab({promptMs: 60_000});
    const starting = vm.start();
    await until(() => world.running().length === 1);
    world.emulators[0]?.halt();
    await expect(starting).rejects.toThrow(/the machine was halted/);
    expect(vm.status).toBe('crashed');
    world.behaviour.promptMs = 0;
    await vm.start();
    expect(world.emulators[0]?.destroyed).toBe(true);
    expect(world.running()).toHaveLength(1);
  });

  it("is seen from a CPU reset after a panic, with the panic's text", async () => {
    const {vm, world, crashes} = lab();
    await vm.start();
    world.emulators[0]?.panicAndReset();
    await until(() => vm.status === 'crashed');
    expect(crashes()).toEqual(['Kernel panic - not syncing: sysrq triggered crash']);
  });

  it('is seen from the CPU alone, with nothing on the console and no probe unanswered', async () => {
    // Probes would take a minute to fail here: only the CPU facts can be quick.
    for (const kill of ['halt', 'reset'] as const) {
      const {vm, world, crashes} = lab({}, {...FAST, livenessProbeMs: 60_000});
      await vm.start();
      const emulator = world.emulators[0];
      if (kill === 'halt') emulator?.halt(true);
      else emulator?.panicAndReset(true);
      await until(() => vm.status === 'crashed');
      expect(crashes()).toEqual([kill === 'halt' ? 'the machine halted' : 'the machine rebooted']);
      expect(emulator?.requests.filter((r) => r === ':')).toEqual([]);
    }
  });

  it('is seen from a panicked kernel that spins: agent silent and CPU never idle', async () => {
    const {vm, world, crashes} = lab();
    await vm.start();
    world.emulators[0]?.panicAndSpin();
    await until(() => vm.status === 'crashed');
    expect(crashes()).toEqual(['Kernel panic - not syncing: Attempted to kill init!']);
  });
});

describe('text that only looks like a crash', () => {
  const fake = '"Kernel panic - not syncing: fake"\r\nKernel panic - not syncing: fake\r\nreboot: Power down\r\n';

  it('is disproved by the agent answering', async () => {
    const {vm, world, crashes} = lab();
    await vm.start();
    const emulator = world.emulators[0];
    if (!emulator) throw new Error('no emulator');
    const before = emulator.requests.length;
    emulator.print(0, fake);
    // The hint made the driver ask the agent; its answer settles the question.
    await until(() => emulator.requests.slice(before).includes(':'));
    expect((await vm.exec('echo after')).stdout).toBe('after\n');
    expect(vm.status).toBe('ready');
    expect(crashes()).toEqual([]);
  });

  it('is disproved by an idling CPU even when the agent is silent', async () => {
    const {vm, world, crashes} = lab();
    await vm.start();
    const emulator = world.emulators[0];
    if (!emulator) throw new Error('no emulator');
    emulator.agentAnswers = false;
    const before = emulator.requests.length;
    emulator.print(0, fake);
    await until(() => emulator.requests.slice(before).includes(':'));
    // Long enough for the probe to time out and a second one to go out, were the CPU busy.
    await sleep((FAST.livenessProbeMs ?? 0) * 3);
    expect(emulator.requests.slice(before).filter((r) => r === ':')).toHaveLength(1);
    expect(vm.status).toBe('ready');
    expect(crashes()).toEqual([]);
  });
});
