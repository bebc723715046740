import {V86} from 'v86';
import {machineMismatch, VM_FILES, type MachineSpec} from './config';
import {V86Lab, type VmPlatform} from './core';
import type {RootFsSource} from './rootfs';
import {VmError} from './types';

export interface BrowserVmOptions {
  /** URL of the folder holding the VM files, e.g. "/vm/" (site baseUrl + "vm/"). */
  baseUrl: string;
}

/** Fetch with byte progress, so the Lab can show a real download bar. */
async function fetchWithProgress(
  url: string,
  onBytes: (loaded: number, total: number) => void,
  signal: AbortSignal,
): Promise<ArrayBuffer> {
  let response: Response;
  try {
    response = await fetch(url, {signal});
  } catch (e) {
    if (signal.aborted) throw signal.reason;
    throw new VmError(
      `could not download ${url}: ${e instanceof Error ? e.message : String(e)} (offline and not cached yet?)`,
    );
  }
  if (!response.ok) throw new VmError(`could not download ${url}: HTTP ${response.status}`);
  const total = Number(response.headers.get('content-length') ?? 0);
  if (!response.body) return response.arrayBuffer();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    // An aborted fetch errors its body stream, so this read ends too.
    const {done, value} = await reader.read().catch((e: unknown) => {
      throw signal.aborted ? signal.reason : e;
    });
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    onBytes(loaded, total || loaded);
  }
  const out = new Uint8Array(loaded);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out.buffer;
}

/** The lab VM in the page. Only the snapshot path is offered to learners. */
export function createBrowserVm(options: BrowserVmOptions = {baseUrl: '/vm/'}): V86Lab {
  const base = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
  const rootBase = base + VM_FILES.rootDir;
  const source: RootFsSource = {
    async fetch(name, signal) {
      const response = await fetch(rootBase + name, {signal});
      if (!response.ok) throw new Error(`${rootBase}${name}: HTTP ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    },
    describe: () =>
      typeof navigator !== 'undefined' && !navigator.onLine
        ? 'The network is gone and this file was not saved for offline use yet (the lab saves it a few seconds after its first start): connect again, then reset the lab.'
        : "The site's VM files are incomplete or from another image build: reload the page; if that does not help, the site needs `npm run build` again.",
  };
  const platform: VmPlatform = {
    V86,
    wasmPath: base + VM_FILES.wasm,
    async load(what, onProgress, signal) {
      if (what === 'boot') throw new VmError('the browser lab only restores a saved state');
      // The offline worker serves the manifest network-first, so this is the
      // newest one reachable; a state from another machine is refused here.
      const manifest = (await fetch(base + VM_FILES.manifest, {cache: 'no-cache'})
        .then((r) => (r.ok ? r.json() : undefined))
        .catch(() => undefined)) as {machine?: Partial<MachineSpec>} | undefined;
      if (!manifest) throw new VmError(`could not read ${base}${VM_FILES.manifest} (offline and not cached yet?)`);
      const why = machineMismatch(manifest.machine);
      if (why)
        throw new VmError(
          `the site's VM image does not fit this page: ${why}. The site needs \`npm run build\` again.`,
        );
      // A resumed machine brings its own state: the image's snapshot is not needed.
      const names =
        what === 'resume' ? [VM_FILES.bios, VM_FILES.vgaBios] : [VM_FILES.bios, VM_FILES.vgaBios, VM_FILES.state];
      const done = new Map<string, [number, number]>();
      const report = (): void => {
        let loaded = 0;
        let total = 0;
        for (const [l, t] of done.values()) {
          loaded += l;
          total += t;
        }
        onProgress('downloading', loaded, total);
      };
      // The wasm is fetched by v86 itself; warm the cache alongside the rest.
      void fetch(base + VM_FILES.wasm, {signal}).catch(() => undefined);
      const buffers = await Promise.all(
        names.map((n) =>
          fetchWithProgress(
            base + n,
            (l, t) => {
              done.set(n, [l, t]);
              report();
            },
            signal,
          ),
        ),
      );
      const [bios, vgaBios, state] = buffers;
      return {bios, vgaBios, state, rootfs: {source}};
    },
  };
  return new V86Lab(platform);
}
