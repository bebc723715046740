/**
 * What a machine is built from: the files an environment loads (VmFiles), the
 * environment itself (VmPlatform: browser or Node), and the v86 settings,
 * kept in one place so a saved state and its restore always agree.
 */
import type {V86Options} from 'v86';
import {KERNEL_CMDLINE, MEMORY_SIZE, VGA_MEMORY_SIZE} from './config';
import type {EmulatorClass} from './emulator';
import type {RootFs} from './rootfs';
import {VmError} from './types';

export interface VmFiles {
  bios: ArrayBuffer;
  vgaBios: ArrayBuffer;
  state?: ArrayBuffer;
  kernel?: ArrayBuffer;
  initrd?: ArrayBuffer;
  /** The 9p root file system, fetched file by file (see rootfs.ts). */
  rootfs?: RootFs;
}

/** What an environment (browser or Node) must supply to build a machine. */
export interface VmPlatform {
  V86: EmulatorClass;
  wasmPath: string;
  /**
   * Must stop and reject with `signal.reason` once the signal aborts.
   * "resume" loads what "restore" does but the snapshot: the caller has its own state.
   */
  load(
    what: 'restore' | 'boot' | 'resume',
    onProgress: (phase: string, loaded: number, total: number) => void,
    signal: AbortSignal,
  ): Promise<VmFiles>;
}

/** The emulator's options for a cold boot (kernel + initrd) or a restore (saved state). */
export function machineSettings(wasmPath: string, files: VmFiles, cold: boolean): V86Options {
  return {
    wasm_path: wasmPath,
    memory_size: MEMORY_SIZE,
    vga_memory_size: VGA_MEMORY_SIZE,
    bios: {buffer: files.bios},
    vga_bios: {buffer: files.vgaBios},
    autostart: false,
    disable_keyboard: true,
    disable_mouse: true,
    disable_speaker: true,
    acpi: false,
    uart1: true,
    virtio_console: {type: 'none'},
    ...(files.rootfs ? {filesystem: {}} : {}),
    ...(cold
      ? {
          bzimage: {buffer: need(files.kernel, 'kernel')},
          initrd: {buffer: need(files.initrd, 'initrd')},
          cmdline: KERNEL_CMDLINE,
        }
      : {initial_state: {buffer: need(files.state, 'state')}}),
  };
}

function need(buffer: ArrayBuffer | undefined, what: string): ArrayBuffer {
  if (!buffer) throw new VmError(`missing VM file: ${what}`);
  return buffer;
}
