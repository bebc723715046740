import {ControlChannel} from './channel';
import {CONSOLE_TERMINAL, DEFAULT_TIMING, TERMINAL_COUNT, type DriverTiming} from './config';
import {inspect, type Emulator} from './emulator';
import {HealthWatch} from './health';
import {machineSettings, type VmFiles, type VmPlatform} from './machine';
import {attachRoot, type LazyRootStorage, type RootFs} from './rootfs';
import {abortable, knockAgent, knockShells, settle} from './startup';
import {TerminalTap} from './terminal';
import {ConsoleHints} from './watch';
import {
  StartCancelledError,
  VmError,
  VmUnavailableError,
  type ExecOptions,
  type ExecResult,
  type LabVm,
  type SavedMachine,
  type StartOptions,
  type VmEvent,
  type VmListener,
  type VmStatus,
} from './types';

export type {VmFiles, VmPlatform} from './machine';

/** How long a resumed machine's shells get to redraw their prompts (see bootSteps). */
const RESUME_PROMPT_MS = 1_500;
/** How long a save waits for a request being sent (a large file upload) to finish. */
const SAVE_WAIT_MS = 5_000;

const delay = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** One emulator and everything tied to it; a reset makes a new one. */
interface Machine {
  emulator: Emulator;
  channel: ControlChannel;
  terminals: TerminalTap[];
  health?: HealthWatch;
  /** Settles once the emulator has loaded, been prepared and runs. */
  running: Promise<void>;
  loaded: boolean;
  closed: boolean;
  /** The 9p root's storage, and what stops its fetches when the machine goes. */
  root?: LazyRootStorage;
  rootfs?: RootFs;
  rootAbort: AbortController;
}

export class V86Lab implements LabVm {
  readonly terminalCount = TERMINAL_COUNT;
  private machine: Machine | undefined;
  private listeners = new Set<VmListener>();
  private current: VmStatus = 'idle';
  private crashReason = '';
  private readonly timing: DriverTiming;
  /** start, stop and reset run one after another on this chain. */
  private lifecycle: Promise<unknown> = Promise.resolve();
  /** Bumped by stop and reset: a start asked for before then is void. */
  private epoch = 0;
  private booting: AbortController | undefined;
  private phase = '';

  constructor(
    private readonly platform: VmPlatform,
    timing: Partial<DriverTiming> = {},
  ) {
    this.timing = {...DEFAULT_TIMING, ...timing};
  }

  get status(): VmStatus {
    return this.current;
  }

  on(listener: VmListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(options: StartOptions = {}): Promise<void> {
    const epoch = this.epoch;
    return this.serially(async () => {
      if (epoch !== this.epoch) throw new StartCancelledError('the lab VM was stopped before it could start');
      if (this.machine && this.current === 'ready') return;
      // A crashed machine is still there (stopped, for its last words): away with it.
      if (this.machine) await this.teardown('loading');
      await this.boot(options);
    });
  }

  stop(): Promise<void> {
    this.cancel('the lab VM was stopped while starting');
    return this.serially(() => this.teardown('stopped'));
  }

  reset(): Promise<void> {
    this.cancel('the lab VM was reset while starting');
    const epoch = this.epoch;
    return this.serially(async () => {
      if (epoch !== this.epoch) throw new StartCancelledError('a later stop or reset replaced this reset');
      // "loading" throughout, not "stopped" in between: the lab is on its way back.
      await this.teardown('loading');
      await this.boot({});
    });
  }

  private serially(work: () => Promise<void>): Promise<void> {
    const run = this.lifecycle.then(work);
    this.lifecycle = run.catch(() => undefined);
    return run;
  }

  private cancel(why: string): void {
    this.epoch++;
    this.booting?.abort(new StartCancelledError(why));
  }

  private async boot(options: StartOptions): Promise<void> {
    const controller = new AbortController();
    this.booting = controller;
    const seconds = this.timing.startDeadlineMs / 1000;
    const deadline = setTimeout(() => {
      controller.abort(
        new VmError(`the lab VM did not start within ${seconds} s (stuck ${this.phase}); reset the lab to try again`),
      );
    }, this.timing.startDeadlineMs);
    try {
      await this.bootSteps(options, controller.signal);
    } catch (e) {
      await this.teardown(this.current === 'crashed' ? 'crashed' : 'stopped');
      throw controller.signal.aborted ? controller.signal.reason : e;
    } finally {
      clearTimeout(deadline);
      this.booting = undefined;
    }
  }

  private async bootSteps(options: StartOptions, signal: AbortSignal): Promise<void> {
    this.setStatus('loading');
    const cold = options.coldBoot === true;
    const resume = cold ? undefined : options.resume;
    this.phase = 'downloading the machine';
    const loaded = await abortable(
      this.platform.load(
        cold ? 'boot' : resume ? 'resume' : 'restore',
        (phase, loaded, total) => this.emit({type: 'progress', phase, loaded, total}),
        signal,
      ),
      signal,
    );
    const files = resume ? {...loaded, state: resume.state} : loaded;
    if (!cold && !files.state) throw new VmError('no snapshot available: run `npm run image`');
    this.phase = cold ? 'booting' : 'restoring';
    this.emit({type: 'progress', phase: this.phase, loaded: 0, total: 1});
    const machine = this.create(files, cold, resume?.nextRequestId);
    await abortable(machine.running, signal);
    this.phase = 'waiting for the control agent';
    // A cold boot's agent says hello when it starts; a restored one sits in
    // read() inside the snapshot and answers the first request.
    if (cold) await abortable(Promise.race([machine.channel.hello(), knockAgent(machine.channel, signal)]), signal);
    this.phase = 'waiting for the shell prompts';
    // A resumed shell may be running a program (ping, less) that never
    // redraws a prompt on Ctrl-L: the machine is ready once the agent answers.
    const prompts = knockShells(machine.emulator, machine.terminals);
    await abortable(
      Promise.all([
        settle(machine.channel, signal),
        resume ? Promise.race([prompts, delay(RESUME_PROMPT_MS)]) : prompts,
      ]),
      signal,
    );
    this.setStatus('ready');
    this.emit({type: 'ready', restoredFromSnapshot: !cold});
  }

  private create(files: VmFiles, cold: boolean, firstRequestId?: number): Machine {
    const emulator = new this.platform.V86(machineSettings(this.platform.wasmPath, files, cold));
    const channel = new ControlChannel(firstRequestId);
    const hints = new ConsoleHints((reason) => machine.health?.hint(reason));
    const terminals = Array.from(
      {length: TERMINAL_COUNT},
      (_, t) =>
        new TerminalTap((data) => {
          if (machine.closed) return;
          if (t === CONSOLE_TERMINAL) hints.feed(data);
          this.emit({type: 'output', terminal: t, data});
        }),
    );
    const running = new Promise<void>((resolve, reject) => {
      emulator.add_listener('emulator-loaded', () => {
        machine.loaded = true;
        // Stopped or reset while it loaded: it never runs.
        if (machine.closed) return void emulator.destroy().catch(() => undefined);
        this.prepare(machine)
          .then(() => (machine.closed ? undefined : emulator.run()))
          .then(resolve, reject);
      });
    });
    // Nobody may be waiting if a stop came first; the rejection is not news then.
    running.catch(() => undefined);
    const machine: Machine = {
      emulator,
      channel,
      terminals,
      running,
      loaded: false,
      closed: false,
      rootfs: files.rootfs,
      rootAbort: new AbortController(),
    };
    emulator.add_listener('virtio-console0-output-bytes', (bytes) => channel.receive(bytes));
    terminals.forEach((tap, t) =>
      emulator.add_listener(t === 0 ? 'serial0-output-byte' : 'serial1-output-byte', (b) => tap.byte(b)),
    );
    this.machine = machine;
    return machine;
  }

  /** The emulator exists and has loaded (and restored its state), and does not run yet. */
  private async prepare(machine: Machine): Promise<void> {
    const internals = inspect(machine.emulator);
    if (machine.rootfs) {
      machine.root = attachRoot(
        machine.emulator,
        machine.rootfs,
        {
          onFetched: (bytes) => {
            if (machine === this.machine && this.current === 'loading')
              this.emit({type: 'progress', phase: 'fetching files', loaded: bytes, total: 0});
          },
          onFatal: (error) => this.crashed(machine, error.message),
        },
        machine.rootAbort.signal,
      );
    }
    machine.channel.attach(internals);
    machine.health = new HealthWatch({
      cpu: internals.cpu,
      pollMs: this.timing.healthPollMs,
      probeMs: this.timing.livenessProbeMs,
      probe: (timeoutMs) =>
        machine.channel.exec(':', {timeoutMs}).then(
          () => true,
          () => false,
        ),
      flush: () => machine.terminals.forEach((t) => t.flush()),
      onDead: (reason) => this.crashed(machine, reason),
    });
    machine.health.start();
  }

  private crashed(machine: Machine, reason: string): void {
    if (machine !== this.machine || machine.closed || this.current === 'crashed') return;
    this.crashReason = reason;
    this.setStatus('crashed');
    this.emit({type: 'crashed', reason});
    const error = new VmUnavailableError(`the lab VM stopped: ${reason}. Reset the lab to get a fresh machine.`);
    // A start waiting for prompts that will never come ends now, not at its deadline.
    this.booting?.abort(error);
    machine.channel.close(error);
    void machine.emulator.stop().catch(() => undefined);
  }

  /** Throws the machine away; after it no emulator of this lab runs. */
  private async teardown(status: VmStatus): Promise<void> {
    const machine = this.machine;
    this.machine = undefined;
    if (machine) {
      machine.closed = true;
      machine.rootAbort.abort();
      machine.health?.stop();
      machine.terminals.forEach((t) => t.close());
      machine.channel.close(new VmUnavailableError('the lab VM was stopped'));
      // One that has not loaded yet is destroyed when it does (see create).
      if (machine.loaded) await machine.emulator.destroy().catch(() => undefined);
    }
    // A crashed machine thrown away during a failed start stays "crashed", announced once.
    if (!(status === 'crashed' && this.current === 'crashed')) this.setStatus(status);
  }

  /** Compressed bytes of root files fetched since the machine started (for the bench). */
  get rootBytesFetched(): number {
    return this.machine?.root?.bytesFetched ?? 0;
  }

  exec(command: string, options: ExecOptions = {}): Promise<ExecResult> {
    const machine = this.machine;
    if (!machine || this.current !== 'ready') {
      const why =
        this.current === 'crashed'
          ? `the lab VM stopped (${this.crashReason}). Reset the lab to get a fresh machine.`
          : `the lab VM is not running (status: ${this.current})`;
      return Promise.reject(new VmUnavailableError(why));
    }
    return machine.channel.exec(command, options);
  }

  writeTerminal(terminal: number, data: Uint8Array | string): void {
    const machine = this.machine;
    if (!machine?.loaded || machine.closed || terminal < 0 || terminal >= TERMINAL_COUNT) return;
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    machine.emulator.serial_send_bytes(terminal, bytes);
  }

  async resizeTerminal(terminal: number, cols: number, rows: number): Promise<void> {
    if (terminal < 0 || terminal >= TERMINAL_COUNT) return;
    const c = Math.max(10, Math.floor(cols));
    const r = Math.max(4, Math.floor(rows));
    await this.exec(`stty -F /dev/ttyS${terminal} cols ${c} rows ${r}`, {timeoutMs: 3000});
  }

  /** Save the running machine's state (used by the image build). */
  async saveState(): Promise<ArrayBuffer> {
    if (!this.machine?.loaded) throw new VmUnavailableError('the lab VM is not running');
    return this.machine.emulator.save_state();
  }

  /**
   * The running machine, for a later `start({resume})`. v86 copies its state
   * synchronously (a short pause of the page, a few hundred ms); the machine
   * runs on afterwards.
   */
  async saveMachine(): Promise<SavedMachine> {
    const machine = this.machine;
    if (!machine || this.current !== 'ready') throw new VmUnavailableError('the lab VM is not running');
    await machine.channel.betweenRequests(SAVE_WAIT_MS);
    if (machine !== this.machine || this.current !== 'ready')
      throw new VmUnavailableError('the lab VM stopped while it was being saved');
    // Read before the copy: no request can start between the two (both in this task).
    const nextRequestId = machine.channel.nextRequestId;
    return {state: await machine.emulator.save_state(), nextRequestId};
  }

  private setStatus(status: VmStatus): void {
    this.current = status;
    this.emit({type: 'status', status});
  }

  private emit(event: VmEvent): void {
    for (const l of this.listeners) l(event);
  }
}
