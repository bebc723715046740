/**
 * What the driver needs from v86: a small part of its public API, and a few
 * internals its type declarations leave out. The internals are looked up at
 * every start and a missing one fails the start loudly, because without them
 * the driver would silently lose input on the control channel or miss a dead
 * machine.
 */
import type {V86, V86Options} from 'v86';
import {V86_VERSION} from './config';
import {VmError} from './types';

/** The public v86 API the driver uses, plus the internals as unknowns (checked by `inspect`). */
export type Emulator = Pick<V86, 'add_listener' | 'run' | 'stop' | 'destroy' | 'serial_send_bytes' | 'save_state'> & {
  bus?: unknown;
  v86?: unknown;
};

export type EmulatorClass = new (options: V86Options) => Emulator;

/** The guest CPU as the health watch sees it. Every call reads the live state. */
export interface CpuView {
  /** Paging on: a Linux kernel is running (the BIOS after a reset never turns it on). */
  paging(): boolean;
  /** HLT with interrupts off: nothing but a reset can wake the CPU again. */
  haltedForever(): boolean;
  /** HLT with interrupts on: the kernel is idle and will wake for the next interrupt. */
  idle(): boolean;
}

export interface Internals {
  cpu: CpuView;
  /** The guest has a buffer posted on the control channel's receive queue. */
  canReceive(): boolean;
  /** Puts bytes on the control channel (the virtio console's input). */
  send(bytes: Uint8Array): void;
}

const FLAG_INTERRUPT = 0x200;
const CR0_PAGING = 0x80000000;

function field(value: unknown, key: string | number): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string | number, unknown>)[key] : undefined;
}

function at(root: unknown, path: ReadonlyArray<string | number>): unknown {
  return path.reduce<unknown>(field, root);
}

/**
 * CPU registers are proxies that make a fresh typed-array view onto the wasm
 * memory at each access (the memory may grow), so test the shape, not the class.
 */
function register(emulator: Emulator, name: string): number | undefined {
  const value = at(emulator, [...CPU, name, 0]);
  return typeof value === 'number' ? value : undefined;
}

const RX_QUEUE = ['v86', 'cpu', 'devices', 'virtio_console', 'virtio', 'queues', 0] as const;
const CPU = ['v86', 'cpu'] as const;
const REGISTERS = ['in_hlt', 'flags', 'cr'] as const;

/**
 * Checks the internals and returns live views onto them. Paths are walked on
 * every call, not cached: a restore may replace the objects behind them.
 */
export function inspect(emulator: Emulator): Internals {
  const missing: string[] = [];
  const bus = field(emulator, 'bus');
  if (typeof field(bus, 'send') !== 'function') missing.push('emulator.bus.send');
  if (typeof field(at(emulator, RX_QUEUE), 'has_request') !== 'function') {
    missing.push('emulator.v86.cpu.devices.virtio_console.virtio.queues[0].has_request');
  }
  for (const name of REGISTERS) {
    if (register(emulator, name) === undefined) missing.push(`emulator.v86.cpu.${name}[0]`);
  }
  if (missing.length > 0) {
    throw new VmError(
      `this v86 build lacks what the lab driver relies on (${missing.join(', ')}); ` +
        `pin "v86": "${V86_VERSION}" in package.json, or port src/vm/emulator.ts to the new version`,
    );
  }
  const read = (name: (typeof REGISTERS)[number]): number => register(emulator, name) ?? 0;
  return {
    cpu: {
      paging: () => (read('cr') & CR0_PAGING) !== 0,
      haltedForever: () => read('in_hlt') !== 0 && (read('flags') & FLAG_INTERRUPT) === 0,
      idle: () => read('in_hlt') !== 0 && (read('flags') & FLAG_INTERRUPT) !== 0,
    },
    canReceive() {
      const queue = at(emulator, RX_QUEUE);
      const hasRequest = field(queue, 'has_request');
      return typeof hasRequest === 'function' && hasRequest.call(queue) === true;
    },
    send(bytes) {
      const b = field(emulator, 'bus');
      const send = field(b, 'send');
      if (typeof send === 'function') send.call(b, 'virtio-console0-input-bytes', bytes);
    },
  };
}
