/**
 * A stand-in for v86 in unit tests: the part of its API the driver uses, the
 * internals it reads, a guest agent that answers the control protocol, and
 * shells that redraw their prompt when knocked. No CPU is emulated, so the
 * driver's lifecycle and crash logic can be tested in milliseconds.
 */
import type {Event, V86Options} from 'v86';
import type {VmFiles, VmPlatform} from './core';
import type {Emulator} from './emulator';

export interface FakeBehaviour {
  /** Download time of the VM files. */
  downloadMs: number;
  /** Time from construction to "emulator-loaded" (wasm compile, state restore). */
  loadMs: number;
  /** Time a knocked shell takes to redraw its prompt. */
  promptMs: number;
  /** false: a v86 build without the internals the driver reads. */
  internals: boolean;
  /** false: the agent reads requests and never answers. */
  agentAnswers: boolean;
}

export const PROMPT = '\x1b[H\x1b[2J\x1b[1;32mroot@lab\x1b[0m:\x1b[1;34m/\x1b[0m# ';
const FLAG_INTERRUPT = 0x200;
const CR0_PAGING_PROTECTED = 0x80000011 | 0;

export class FakeWorld {
  readonly emulators: FakeEmulator[] = [];
  loads = 0;
  /** What each load asked for ("restore", "boot", "resume"). */
  readonly loadKinds: string[] = [];
  abortedLoads = 0;
  /** Most emulators ever running at once: the driver must keep this at 1. */
  maxRunning = 0;
  /** Destroy calls on an emulator that had not loaded yet (v86 throws on those). */
  earlyDestroys = 0;
  behaviour: FakeBehaviour;

  constructor(behaviour: Partial<FakeBehaviour> = {}) {
    this.behaviour = {downloadMs: 0, loadMs: 0, promptMs: 0, internals: true, agentAnswers: true, ...behaviour};
  }

  running(): FakeEmulator[] {
    return this.emulators.filter((e) => e.running);
  }

  platform(): VmPlatform {
    const BoundFake = boundFake(this);
    return {
      V86: BoundFake,
      wasmPath: 'fake.wasm',
      load: (what, onProgress, signal) =>
        new Promise<VmFiles>((resolve, reject) => {
          this.loads++;
          this.loadKinds.push(what);
          const timer = setTimeout(() => {
            onProgress('downloading', 1, 1);
            resolve({bios: new ArrayBuffer(8), vgaBios: new ArrayBuffer(8), state: new ArrayBuffer(8)});
          }, this.behaviour.downloadMs);
          signal.addEventListener('abort', () => {
            clearTimeout(timer);
            this.abortedLoads++;
            reject(signal.reason);
          });
        }),
    };
  }
}

type Listener = (argument: unknown) => void;

export class FakeEmulator implements Emulator {
  running = false;
  destroyed = false;
  loaded = false;
  agentAnswers: boolean;
  /** Scripts the agent received, in order. */
  readonly requests: string[] = [];
  /** Their request ids, in the same order. */
  readonly requestIds: number[] = [];
  readonly bus = {send: (_name: string, data: Uint8Array) => this.agentInput(data)};
  readonly cpu = {
    // An idle kernel: halted, waiting for the next interrupt.
    in_hlt: new Uint8Array([1]),
    flags: new Int32Array([FLAG_INTERRUPT | 2]),
    cr: new Int32Array([CR0_PAGING_PROTECTED, 0, 0, 0, 0, 0, 0, 0]),
    devices: {virtio_console: {virtio: {queues: [{has_request: () => true}]}}},
  };
  readonly v86: unknown;
  private listeners = new Map<string, Listener[]>();
  private input = new Uint8Array(0);

  constructor(
    readonly options: V86Options,
    private readonly world: FakeWorld,
  ) {
    world.emulators.push(this);
    this.agentAnswers = world.behaviour.agentAnswers;
    this.v86 = world.behaviour.internals ? {cpu: this.cpu} : {cpu: {}};
    setTimeout(() => {
      this.loaded = true;
      this.emit('emulator-loaded', undefined);
    }, world.behaviour.loadMs);
  }

  add_listener<T extends keyof Event>(event: T, listener: (argument: Event[T]) => void): void {
    const list = this.listeners.get(event) ?? [];
    list.push(listener as Listener);
    this.listeners.set(event, list);
  }

  emit<T extends keyof Event>(event: T, argument: Event[T]): void {
    for (const l of this.listeners.get(event) ?? []) l(argument);
  }

  async run(): Promise<void> {
    if (this.destroyed) throw new Error('run() on a destroyed emulator');
    this.running = true;
    this.world.maxRunning = Math.max(this.world.maxRunning, this.world.running().length);
    this.emit('emulator-started', undefined);
  }

  async stop(): Promise<void> {
    this.running = false;
  }

  async destroy(): Promise<void> {
    if (!this.loaded) {
      this.world.earlyDestroys++;
      throw new TypeError("Cannot read properties of undefined (reading 'destroy')");
    }
    this.running = false;
    this.destroyed = true;
  }

  /** What save_state returns: a real one is the guest's whole state. */
  savedState = new ArrayBuffer(8);

  async save_state(): Promise<ArrayBuffer> {
    return this.savedState;
  }

  serial_send_bytes(serial: number, data: Uint8Array): void {
    if (!this.running) return;
    if (data.includes(0x0c)) setTimeout(() => this.print(serial, PROMPT), this.world.behaviour.promptMs);
  }

  /** Text as the guest prints it on a serial line (terminal). */
  print(serial: number, text: string): void {
    const event = serial === 0 ? 'serial0-output-byte' : 'serial1-output-byte';
    for (const byte of new TextEncoder().encode(text)) this.emit(event, byte);
  }

  /** poweroff -f: the kernel says so (unless `quiet`), then halts with interrupts off. */
  halt(quiet = false): void {
    this.agentAnswers = false;
    if (!quiet) this.print(0, '[   22.852190] reboot: System halted\r\n');
    this.cpu.in_hlt[0] = 1;
    this.cpu.flags[0] = 2;
  }

  /** A panic with kernel.panic=-1: the message (unless `quiet`), then a CPU reset (paging off, the BIOS runs). */
  panicAndReset(quiet = false): void {
    this.agentAnswers = false;
    if (!quiet)
      this.print(0, '[   22.4] Kernel panic - not syncing: sysrq triggered crash\r\n[   22.4] CPU: 0 PID: 1\r\n');
    this.cpu.cr[0] = 0x10;
    this.cpu.in_hlt[0] = 0;
  }

  /** A panic with kernel.panic=0: the message, then a busy loop in the kernel. */
  panicAndSpin(): void {
    this.agentAnswers = false;
    this.print(0, '[   22.4] Kernel panic - not syncing: Attempted to kill init!\r\n');
    this.cpu.in_hlt[0] = 0;
  }

  /** The control agent's side: 64-byte header, then the script; replies in its framing. */
  private agentInput(data: Uint8Array): void {
    const joined = new Uint8Array(this.input.length + data.length);
    joined.set(this.input);
    joined.set(data, this.input.length);
    this.input = joined;
    for (;;) {
      if (this.input.length < 64) return;
      const header = new TextDecoder().decode(this.input.subarray(0, 64)).trim().split(/\s+/);
      const [, id, , , len] = header;
      const end = 64 + Number(len);
      if (this.input.length < end) return;
      const script = new TextDecoder().decode(this.input.subarray(64, end));
      this.input = this.input.slice(end);
      this.requests.push(script);
      this.requestIds.push(Number(id));
      if (this.agentAnswers && this.running) setTimeout(() => this.reply(Number(id), script), 0);
    }
  }

  private reply(id: number, script: string): void {
    if (!this.agentAnswers || !this.running) return;
    const stdout = script.startsWith('echo ') ? `${script.slice(5)}\n` : '';
    const body = new TextEncoder().encode(stdout);
    const head = new TextEncoder().encode(`\nNLR1 ${id} 0 ${body.length} 0\n`);
    const frame = new Uint8Array(head.length + body.length);
    frame.set(head);
    frame.set(body, head.length);
    this.emit('virtio-console0-output-bytes', frame);
  }
}

/** The emulator class v86 is given: each instance reports to its world (arrow functions cannot be constructors). */
function boundFake(world: FakeWorld): new (options: V86Options) => FakeEmulator {
  return class extends FakeEmulator {
    constructor(options: V86Options) {
      super(options, world);
    }
  };
}
