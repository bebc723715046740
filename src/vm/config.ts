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
