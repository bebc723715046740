import {readFile} from 'node:fs/promises';
import {existsSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {V86} from 'v86';
import {machineMismatch, VM_FILES, type DriverTiming, type MachineSpec} from './config';
import {V86Lab, type VmPlatform} from './core';
import type {RootFsSource} from './rootfs';
import {VmError} from './types';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const REBUILD = 'rebuild the VM image with `npm run image`';

export interface NodeVmOptions {
  /** Folder with the image build's output. Default: images/out, or $NETLAB_IMAGE_DIR. */
  imageDir?: string;
  /** Start deadline and health polling, for callers that retry (the image build). */
  timing?: Partial<DriverTiming>;
  /** Called for every root file the guest fetches (the image build lists what a lab needs offline). */
  onRootFetch?: (name: string, bytes: number) => void;
}

export function imageDir(options: NodeVmOptions = {}): string {
  return options.imageDir ?? process.env.NETLAB_IMAGE_DIR ?? join(repoRoot, 'images', 'out');
}

async function readBuffer(path: string): Promise<ArrayBuffer> {
  if (!existsSync(path)) throw new VmError(`${path} is missing: ${REBUILD}`);
  const b = await readFile(path);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

/** A state restores only into the machine it was saved from; say so before v86 fails obscurely. */
async function checkMachine(dir: string): Promise<void> {
  const path = join(dir, VM_FILES.manifest);
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) throw new VmError(`${path} is missing: ${REBUILD}`);
  const why = machineMismatch((JSON.parse(text) as {machine?: Partial<MachineSpec>}).machine);
  if (why) throw new VmError(`${dir} does not fit this driver: ${why}; ${REBUILD}`);
}

/** The lab VM in Node, for the CLI, the graders' recorder and the tests. */
export function createNodeVm(options: NodeVmOptions = {}): V86Lab {
  const dir = imageDir(options);
  const require = createRequire(import.meta.url);
  const source: RootFsSource = {
    async fetch(name) {
      const b = await readFile(join(dir, VM_FILES.rootDir, name));
      // NETLAB_FS_TRACE=1 lists what the guest fetches: how to find what makes a start slow.
      if (process.env.NETLAB_FS_TRACE === '1') console.error(`[9p] ${name} ${b.byteLength}`);
      options.onRootFetch?.(name, b.byteLength);
      return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    },
    describe: (name) => `${join(dir, VM_FILES.rootDir, name)} is missing or unreadable: ${REBUILD}`,
  };
  const platform: VmPlatform = {
    V86,
    wasmPath: require.resolve('v86/build/v86.wasm'),
    async load(what, onProgress, signal) {
      const restore = what !== 'boot';
      if (restore) await checkMachine(dir);
      // A resumed machine brings its own state.
      const names =
        what === 'resume'
          ? [VM_FILES.bios, VM_FILES.vgaBios]
          : restore
            ? [VM_FILES.bios, VM_FILES.vgaBios, VM_FILES.state]
            : [VM_FILES.bios, VM_FILES.vgaBios, VM_FILES.kernel, VM_FILES.initrd];
      const buffers: ArrayBuffer[] = [];
      for (const [i, name] of names.entries()) {
        signal.throwIfAborted();
        onProgress(name, i, names.length);
        buffers.push(await readBuffer(join(dir, name)));
      }
      onProgress('loaded', names.length, names.length);
      const [bios, vgaBios, a, b] = buffers;
      if (restore) return {bios, vgaBios, state: a, rootfs: {source}};
      const index: unknown = JSON.parse(new TextDecoder().decode(await readBuffer(join(dir, VM_FILES.rootIndex))));
      return {bios, vgaBios, kernel: a, initrd: b, rootfs: {source, index}};
    },
  };
  return new V86Lab(platform, options.timing);
}
