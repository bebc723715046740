/**
 * Machine settings shared by cold boot and restore. A saved state only
 * restores into a machine built with the same settings and the same v86
 * version, so any change here means rebuilding the snapshot (npm run image).
 */
export const MEMORY_SIZE = 192 * 1024 * 1024;
export const VGA_MEMORY_SIZE = 2 * 1024 * 1024;

export const KERNEL_CMDLINE = [
  "console=ttyS0",
  "rdinit=/init",
  "tsc=reliable",
  "mitigations=off",
  "random.trust_cpu=on",
  // Freed pages are zeroed, and v86 stores only non-zero pages in a state.
  "init_on_free=1",
  "acpiphp.disable=1",
  "quiet",
  "loglevel=3",
].join(" ");

/** Terminal 0 is serial0 (ttyS0), terminal 1 is serial1 (ttyS1). */
export const TERMINAL_COUNT = 2;

export const DEFAULT_EXEC_TIMEOUT_MS = 10_000;

/** Files the browser loads from the site's /vm/ folder, in load order. */
export const VM_FILES = {
  wasm: "v86.wasm",
  bios: "bios.bin",
  vgaBios: "vgabios.bin",
  state: "state.bin.zst",
  kernel: "vmlinuz",
  initrd: "initrd.img",
} as const;

/** The terminal the kernel console prints on (see KERNEL_CMDLINE). */
export const CONSOLE_TERMINAL = 0;

/**
 * The driver reads a few v86 internals (see emulator.ts); they are checked at
 * every start, and this is the version they were written against. It must
 * match the exact version pinned in package.json.
 */
export const V86_VERSION = "0.5.462";

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
