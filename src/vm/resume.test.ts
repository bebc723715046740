/**
 * Saving a running machine and resuming it, against the fake emulator: the
 * saved state is what the resumed emulator restores, the image's snapshot is
 * not loaded, and request ids go on from where the saved machine stopped.
 */
import {describe, expect, it} from 'vitest';
import {V86Lab} from './core';
import {FakeWorld} from './fakeEmulator';
import {VmUnavailableError} from './types';

const FAST = {healthPollMs: 5, livenessProbeMs: 200};

describe('saving and resuming a machine', () => {
  it('resumes from the saved state, without loading the snapshot, with request ids after the saved ones', async () => {
    const world = new FakeWorld();
    const vm = new V86Lab(world.platform(), FAST);
    await vm.start();
    for (let i = 0; i < 5; i++) await vm.exec('true');
    const first = world.emulators[0];
    first.savedState = new Uint8Array([1, 2, 3]).buffer;
    const saved = await vm.saveMachine();
    expect(saved.state).toBe(first.savedState);
    const before = Math.max(...first.requestIds);
    expect(saved.nextRequestId).toBeGreaterThan(before);
    await vm.stop();

    await vm.start({resume: saved});
    expect(world.loadKinds).toEqual(['restore', 'resume']);
    const second = world.emulators[1];
    expect(second.options.initial_state).toEqual({buffer: saved.state});
    expect((await vm.exec('echo back')).stdout).toBe('back\n');
    // Everything the resumed machine was asked, settling included, has a new id.
    expect(Math.min(...second.requestIds)).toBeGreaterThanOrEqual(saved.nextRequestId);
  });

  it('is ready on resume even when a shell shows no prompt (a program runs in it)', async () => {
    const world = new FakeWorld();
    const vm = new V86Lab(world.platform(), FAST);
    await vm.start();
    const saved = await vm.saveMachine();
    await vm.stop();
    world.behaviour.promptMs = 60_000;
    const t = Date.now();
    await vm.start({resume: saved});
    expect(vm.status).toBe('ready');
    expect(Date.now() - t).toBeLessThan(5_000);
    await vm.stop();
  });

  it('refuses to save a machine that does not run', async () => {
    const vm = new V86Lab(new FakeWorld().platform(), FAST);
    await expect(vm.saveMachine()).rejects.toBeInstanceOf(VmUnavailableError);
  });
});
