/**
 * Machine settings shared by cold boot and restore. A saved state only
 * restores into a machine built with the same settings and the same v86
 * version, so any change here means rebuilding the snapshot (npm run image).
 */
export const MEMORY_SIZE = 192 * 1024 * 1024;
export const VGA_MEMORY_SIZE = 2 * 1024 * 1024;

export const KERNEL_CMDLINE = [
  'console=ttyS0',
  'rdinit=/init',
  'tsc=reliable',
  'mitigations=off',
  'random.trust_cpu=on',
  // Freed pages are zeroed, and v86 stores only non-zero pages in a state.
  'init_on_free=1',
  'acpiphp.disable=1',
  'quiet',
  'loglevel=3',
].join(' ');

/** Terminal 0 is serial0 (ttyS0), terminal 1 is serial1 (ttyS1). */
export const TERMINAL_COUNT = 2;

export const DEFAULT_EXEC_TIMEOUT_MS = 10_000;

/**
 * The v86 release the saved state belongs to (a state restores only into the
 * release that saved it). A unit test keeps it equal to the installed package.
 */
export const V86_VERSION = '0.5.462+g5f9a90f';

/** Files the browser loads from the site's /vm/ folder, in load order. */
export const VM_FILES = {
  wasm: 'v86.wasm',
  bios: 'bios.bin',
  vgaBios: 'vgabios.bin',
  state: 'state.bin.zst',
  kernel: 'vmlinuz',
  initrd: 'initrd.img',
  /** Image description; its `machine` says what the state was saved with. */
  manifest: 'manifest.json',
  /** The 9p root's index, needed for a cold boot only. */
  rootIndex: 'fs.json',
  /** The 9p root's contents, one file per distinct content. */
  rootDir: 'fs/',
  /** Root files a restored lab reads in a typical lesson: cached for offline use once a lab runs. */
  offline: 'offline.json',
} as const;

/** What a saved state was made with; written into the manifest by the image build. */
export interface MachineSpec {
  v86: string;
  memorySize: number;
  vgaMemorySize: number;
}

export const MACHINE: MachineSpec = {v86: V86_VERSION, memorySize: MEMORY_SIZE, vgaMemorySize: VGA_MEMORY_SIZE};

/** Why a state saved with `saved` cannot run here, or null if it can. */
export function machineMismatch(saved: Partial<MachineSpec> | undefined): string | null {
  if (!saved || typeof saved.v86 !== 'string')
    return 'the image has no machine description (an image from before the 9p root)';
  const diffs: string[] = [];
  if (saved.v86 !== MACHINE.v86) diffs.push(`v86 ${saved.v86}, this driver uses ${MACHINE.v86}`);
  if (saved.memorySize !== MACHINE.memorySize)
    diffs.push(
      `${(saved.memorySize ?? 0) / 2 ** 20} MB of memory, this driver sets ${MACHINE.memorySize / 2 ** 20} MB`,
    );
  if (saved.vgaMemorySize !== MACHINE.vgaMemorySize)
    diffs.push(
      `${(saved.vgaMemorySize ?? 0) / 2 ** 20} MB of video memory, this driver sets ${MACHINE.vgaMemorySize / 2 ** 20} MB`,
    );
  return diffs.length > 0 ? `the saved state was made with ${diffs.join('; ')}` : null;
}

/** The terminal the kernel console prints on (see KERNEL_CMDLINE). */
export const CONSOLE_TERMINAL = 0;

export interface DriverTiming {
  /** A start that takes longer fails with a clear error (download included). */
  startDeadlineMs: number;
  /** How often the CPU is looked at for a halted or reset machine. */
  healthPollMs: number;
  /** How long the agent has to answer a no-op when the console hints at a crash. */
  livenessProbeMs: number;
}

export const DEFAULT_TIMING: DriverTiming = {
  // Generous: the first start downloads about 30 MB, maybe on a slow link.
  startDeadlineMs: 300_000,
  healthPollMs: 250,
  livenessProbeMs: 4_000,
};
