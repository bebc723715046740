import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { V86 } from "v86";
import { VM_FILES } from "./config";
import { V86Lab, type VmPlatform } from "./core";
import { VmError } from "./types";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export interface NodeVmOptions {
  /** Folder with the image build's output. Default: images/out, or $NETLAB_IMAGE_DIR. */
  imageDir?: string;
}

export function imageDir(options: NodeVmOptions = {}): string {
  return options.imageDir ?? process.env.NETLAB_IMAGE_DIR ?? join(repoRoot, "images", "out");
}

/** The lab VM in Node, for the CLI, the graders' recorder and the tests. */
export function createNodeVm(options: NodeVmOptions = {}): V86Lab {
  const dir = imageDir(options);
  const require = createRequire(import.meta.url);
  const file = async (name: string): Promise<ArrayBuffer> => {
    const path = join(dir, name);
    if (!existsSync(path)) throw new VmError(`${path} is missing: build the VM image with \`npm run image\``);
    const b = await readFile(path);
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  };
  const platform: VmPlatform = {
    V86,
    wasmPath: require.resolve("v86/build/v86.wasm"),
    async load(what, onProgress, signal) {
      const names = what === "restore" ? [VM_FILES.bios, VM_FILES.vgaBios, VM_FILES.state] : [VM_FILES.bios, VM_FILES.vgaBios, VM_FILES.kernel, VM_FILES.initrd];
      const buffers: ArrayBuffer[] = [];
      for (const [i, name] of names.entries()) {
        signal.throwIfAborted();
        onProgress(name, i, names.length);
        buffers.push(await file(name));
      }
      onProgress("loaded", names.length, names.length);
      const [bios, vgaBios, a, b] = buffers;
      return what === "restore" ? { bios, vgaBios, state: a } : { bios, vgaBios, kernel: a, initrd: b };
    },
  };
  return new V86Lab(platform);
}
