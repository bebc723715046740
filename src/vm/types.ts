/**
 * The one narrow interface every part of the course uses to talk to the lab VM.
 * The browser Lab, the Node CLI, the graders and the tests all depend on this
 * file only; `browser.ts` and `node.ts` provide the two implementations.
 */

export interface ExecOptions {
  /** Run inside this named network namespace (`ip netns exec`). */
  netns?: string;
  /** Reject with ExecTimeoutError after this long. Default 10 000 ms. */
  timeoutMs?: number;
}

export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** Raw stdout bytes, for binary-safe callers such as the graders' collector. */
  stdoutBytes: Uint8Array;
}

export type VmStatus = 'idle' | 'loading' | 'ready' | 'crashed' | 'stopped';

export type VmEvent =
  | {type: 'progress'; phase: string; loaded: number; total: number}
  | {type: 'ready'; restoredFromSnapshot: boolean}
  | {type: 'output'; terminal: number; data: Uint8Array}
  | {type: 'crashed'; reason: string}
  | {type: 'status'; status: VmStatus};

export type VmListener = (event: VmEvent) => void;

export interface StartOptions {
  /** Boot the kernel from scratch instead of restoring the saved snapshot. */
  coldBoot?: boolean;
  /** Restore this machine (saved by `saveMachine`) instead of the image's snapshot. */
  resume?: SavedMachine;
}

/**
 * A running machine, saved: the emulator's state, and the next control
 * request id, so a resumed machine never mistakes a late reply to a request
 * from before the save for one of its own.
 */
export interface SavedMachine {
  state: ArrayBuffer;
  nextRequestId: number;
}

export interface LabVm {
  readonly status: VmStatus;
  /** Number of independent learner terminals (each a login shell). */
  readonly terminalCount: number;
  /**
   * Resolves once every terminal shows a shell prompt. start, stop and reset
   * run one at a time; a stop or reset cancels a start still under way, which
   * then rejects with StartCancelledError.
   */
  start(options?: StartOptions): Promise<void>;
  stop(): Promise<void>;
  /** Throw the machine away (running, crashed or still starting) and restore the snapshot again. */
  reset(): Promise<void>;
  /** The running machine's state, taken between two requests on the control channel. */
  saveMachine(): Promise<SavedMachine>;
  /** Run a command through the control channel, never through a learner terminal. */
  exec(command: string, options?: ExecOptions): Promise<ExecResult>;
  /** Send raw bytes (keystrokes) to a learner terminal. */
  writeTerminal(terminal: number, data: Uint8Array | string): void;
  /** Subscribe to events; returns the unsubscribe function. */
  on(listener: VmListener): () => void;
}

/** The subset of the VM the graders' collector needs. */
export type ExecVm = Pick<LabVm, 'exec'>;

export class VmError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The command ran longer than its timeout; the control channel stays usable. */
export class ExecTimeoutError extends VmError {}

/** The VM is not running (never started, stopped, powered off or crashed). */
export class VmUnavailableError extends VmError {}

/** A stop or reset came before this start finished; nothing is left running. */
export class StartCancelledError extends VmError {}
