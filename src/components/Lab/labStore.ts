/**
 * One VM per page, shared by the page's <Lab> and <Exercise> blocks. A module
 * singleton (not React context) because MDX siblings have no common parent we
 * control; components read it with useSyncExternalStore.
 */
import {useSyncExternalStore} from 'react';
import {StartCancelledError, type LabVm, type SavedMachine, type VmEvent, type VmStatus} from '@site/src/vm/types';
import {loadVm} from './loadVm';

export interface LabProgress {
  phase: string;
  loaded: number;
  total: number;
}

export interface LabState {
  status: VmStatus;
  progress: LabProgress | null;
  /** Why the lab is unusable (failed download, crash), as a sentence for the status line. */
  problem: string | null;
  /** Bumped on every (re)start so terminals know to clear their screens. */
  generation: number;
  /** The terminal tab in front; "Run in terminal" buttons type into it. */
  activeTerminal: number;
}

type OutputListener = (data: Uint8Array) => void;

/** What saving and resuming (autosave.ts) needs to hear from the lab. */
export interface LabHooks {
  /** The learner typed into a terminal: the machine has changed. */
  onInput?(): void;
  /** The page lets go of a running machine (the learner left the lesson): last chance to save it. */
  beforeDispose?(vm: LabVm): Promise<void>;
  /** The learner threw the machine away for a fresh one. */
  onReset?(): void;
}

const INITIAL: LabState = {status: 'idle', progress: null, problem: null, generation: 0, activeTerminal: 0};
const RESIZE_DELAY_MS = 250;
const PROGRESS_INTERVAL_MS = 100;
let lastProgressAt = 0;
// Terminals mounted after output arrived (the second tab) replay this backlog.
const BACKLOG_LIMIT = 512 * 1024;

let state: LabState = INITIAL;
let vm: LabVm | null = null;
let unsubscribeVm: (() => void) | null = null;
/** The boot or reset under way; Start and Start exercise wait for it. */
let starting: Promise<LabVm> | null = null;
/** The reset under way, which a start it cancelled hands its callers over to. */
let resetting: Promise<LabVm> | null = null;
/** Bumped when the page lets go of the lab, so a boot still loading knows to give up. */
let session = 0;
let holders = 0;
const listeners = new Set<() => void>();
let hooks: LabHooks = {};
const outputListeners = new Map<number, Set<OutputListener>>();
const backlog = new Map<number, {chunks: Uint8Array[]; size: number}>();
const sizes = new Map<number, {cols: number; rows: number}>();
let resizeTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * The guest's shells run on serial lines, which have no idea how big the
 * browser's terminal is. Setting the line's size with stty makes the kernel
 * send SIGWINCH, so bash and full-screen programs (less, vim, top) redraw to
 * fit. Terminal N is the guest's /dev/ttySN (see src/vm/config.ts).
 */
function pushSizes(): void {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    const machine = vm;
    if (!machine || state.status !== 'ready' || sizes.size === 0) return;
    const cmd = [...sizes].map(([t, s]) => `stty -F /dev/ttyS${t} cols ${s.cols} rows ${s.rows}`).join('; ');
    machine.exec(cmd, {timeoutMs: 5_000}).catch(() => {
      // A busy VM misses one resize; the next resize or restart sends it again.
    });
  }, RESIZE_DELAY_MS);
}

function setState(patch: Partial<LabState>): void {
  state = {...state, ...patch};
  listeners.forEach((l) => l());
}

function remember(terminal: number, data: Uint8Array): void {
  const log = backlog.get(terminal) ?? {chunks: [], size: 0};
  log.chunks.push(data);
  log.size += data.byteLength;
  while (log.size > BACKLOG_LIMIT && log.chunks.length > 1) {
    log.size -= log.chunks.shift()?.byteLength ?? 0;
  }
  backlog.set(terminal, log);
}

function onVmEvent(event: VmEvent): void {
  switch (event.type) {
    case 'progress': {
      // Downloads report every chunk; re-rendering the lab for each one would
      // slow the very download it reports, so updates are spaced out.
      const now = performance.now();
      const final = event.total > 0 && event.loaded >= event.total;
      if (!final && event.phase === state.progress?.phase && now - lastProgressAt < PROGRESS_INTERVAL_MS) break;
      lastProgressAt = now;
      setState({progress: {phase: event.phase, loaded: event.loaded, total: event.total}});
      break;
    }
    case 'ready':
      // The driver reports ready once every shell shows its prompt.
      setState({status: 'ready', progress: null, problem: null});
      pushSizes();
      break;
    case 'output':
      remember(event.terminal, event.data);
      outputListeners.get(event.terminal)?.forEach((l) => l(event.data));
      break;
    case 'crashed':
      setState({status: 'crashed', problem: `The machine stopped working (${event.reason}).`});
      break;
    case 'status':
      setState({status: event.status, ...(event.status === 'ready' ? {problem: null} : {})});
      break;
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Keeps `starting` pointing at the latest boot or reset until it settles. */
function track(work: Promise<LabVm>): Promise<LabVm> {
  const tracked = work.finally(() => {
    if (starting === tracked) starting = null;
  });
  starting = tracked;
  return tracked;
}

/** `resume` reads a saved machine (while the emulator downloads); without it the image's snapshot starts. */
async function boot(resume?: () => Promise<SavedMachine>): Promise<LabVm> {
  const mine = session;
  // A crashed or stopped machine is thrown away, never left running beside a new one.
  const old = vm;
  unsubscribeVm?.();
  unsubscribeVm = null;
  vm = null;
  await old?.stop().catch(() => undefined);
  backlog.clear();
  setState({status: 'loading', progress: null, problem: null, generation: state.generation + 1});
  let machine: LabVm | null = null;
  try {
    const [loaded, saved] = await Promise.all([loadVm(), resume?.()]);
    machine = loaded;
    if (mine !== session) throw new StartCancelledError('the page let go of the lab while it loaded');
    vm = machine;
    unsubscribeVm = machine.on(onVmEvent);
    await machine.start(saved ? {resume: saved} : {});
    if (state.status === 'loading') setState({status: machine.status, progress: null});
    return machine;
  } catch (err) {
    // Cancelled by a Reset: that reset brings the machine up; wait for it.
    if (err instanceof StartCancelledError && machine && vm === machine && resetting) return resetting;
    // Cancelled because the page let go: nothing to report to anyone.
    if (mine !== session || vm !== machine) throw err;
    setState({status: 'crashed', progress: null, problem: `The lab could not start: ${describe(err)}`});
    throw err;
  }
}

export const labStore = {
  getState: (): LabState => state,
  getVm: (): LabVm | null => vm,

  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },

  /**
   * Idempotent: concurrent callers (Start lab, Start exercise) share one boot.
   * With `resume`, a machine saved earlier starts instead of a fresh one.
   */
  start(resume?: () => Promise<SavedMachine>): Promise<LabVm> {
    if (vm && state.status === 'ready') return Promise.resolve(vm);
    return starting ?? track(boot(resume));
  },

  setHooks(next: LabHooks): void {
    hooks = next;
  },

  /** A fresh machine; also cancels a start still downloading (the driver runs one machine at a time). */
  async reset(): Promise<void> {
    hooks.onReset?.();
    const machine = vm;
    if (!machine) {
      await labStore.start().catch(() => undefined);
      return;
    }
    backlog.clear();
    setState({status: 'loading', progress: null, problem: null, generation: state.generation + 1});
    const work = track(machine.reset().then(() => machine));
    resetting = work;
    try {
      await work;
      if (vm === machine && state.status === 'loading') setState({status: machine.status});
    } catch (err) {
      // Replaced by a later reset, or the page let go: theirs to report.
      if (err instanceof StartCancelledError || vm !== machine) return;
      setState({status: 'crashed', problem: `Reset failed: ${describe(err)}`});
    } finally {
      if (resetting === work) resetting = null;
    }
  },

  /**
   * Each mounted <Lab> holds the VM; when the last one unmounts (the learner
   * left the page) the VM is stopped. The deferral lets React's dev-mode
   * double mount, or a quick remount, keep the running machine.
   */
  retain(): () => void {
    holders += 1;
    return () => {
      holders -= 1;
      setTimeout(() => {
        if (holders === 0) void labStore.dispose();
      }, 0);
    };
  },

  async dispose(): Promise<void> {
    const machine = vm;
    const running = state.status === 'ready';
    unsubscribeVm?.();
    unsubscribeVm = null;
    vm = null;
    starting = null;
    resetting = null;
    session += 1;
    backlog.clear();
    sizes.clear();
    clearTimeout(resizeTimer);
    state = INITIAL;
    listeners.forEach((l) => l());
    if (machine && running) await hooks.beforeDispose?.(machine).catch(() => undefined);
    await machine?.stop().catch(() => undefined);
  },

  sendInput(terminal: number, data: string): void {
    vm?.writeTerminal(terminal, data);
    hooks.onInput?.();
  },

  setActiveTerminal(terminal: number): void {
    if (terminal !== state.activeTerminal) setState({activeTerminal: terminal});
  },

  /** Records a terminal's size in characters and tells the guest (debounced). */
  resizeTerminal(terminal: number, cols: number, rows: number): void {
    const old = sizes.get(terminal);
    if (old && old.cols === cols && old.rows === rows) return;
    sizes.set(terminal, {cols, rows});
    pushSizes();
  },

  /** Streams a terminal's output, replaying what it printed before the caller attached. */
  onOutput(terminal: number, listener: OutputListener): () => void {
    backlog.get(terminal)?.chunks.forEach((c) => listener(c));
    const set = outputListeners.get(terminal) ?? new Set<OutputListener>();
    set.add(listener);
    outputListeners.set(terminal, set);
    return () => set.delete(listener);
  },
};

export function useLabState(): LabState {
  return useSyncExternalStore(labStore.subscribe, labStore.getState, () => INITIAL);
}
