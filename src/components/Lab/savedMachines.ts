/**
 * Saved lab machines in IndexedDB, one per lesson: the v86 state, gzipped,
 * and a small description of it. A state only restores into the image and
 * the v86 build that saved it, so both are stored with it and checked before
 * a resume is offered.
 *
 * The description and the state are separate entries, written together in
 * one transaction, so the progress page can list and size the saves without
 * reading tens of megabytes. Compressing 40-50 MB takes seconds; a web worker
 * (saveWorker.ts) does it, and the write, off the page's main thread.
 */
import {delMany, get, getMany, keys} from 'idb-keyval';
import siteConfig from '@generated/docusaurus.config';
import {MACHINE, VM_FILES} from '@site/src/vm/config';
import type {SavedMachine} from '@site/src/vm/types';
import {machineStore, metaKey, stateKey, storeSaved, type SaveRequest} from './packMachine';
import {imageOf, type ImageIdentity, type SavedMeta} from './savedMeta';

export {staleReason, type ImageIdentity, type SavedMeta} from './savedMeta';

let image: Promise<ImageIdentity | null> | null = null;

/**
 * The image this site serves now. Read once per page: the manifest is small,
 * and the offline worker answers it from its cache when the network is gone.
 */
export function currentImage(): Promise<ImageIdentity | null> {
  image ??= fetch(`${siteConfig.baseUrl}vm/${VM_FILES.manifest}`, {cache: 'no-cache'})
    .then((r) => (r.ok ? (r.json() as Promise<unknown>) : null))
    .then((m: unknown) => imageOf(m, MACHINE.v86))
    .catch(() => null)
    .then((id) => {
      // Not cached when it failed: the next call (back online) tries again.
      if (!id) image = null;
      return id;
    });
  return image;
}

export async function savedMeta(key: string): Promise<SavedMeta | null> {
  const meta = await get<SavedMeta>(metaKey(key), machineStore());
  return meta ?? null;
}

export async function listSaved(): Promise<SavedMeta[]> {
  const all = await keys(machineStore());
  const metas = all.filter((k): k is string => typeof k === 'string' && k.startsWith(metaKey('')));
  const found = await getMany<SavedMeta | undefined>(metas, machineStore());
  return found.filter((m): m is SavedMeta => m !== undefined).sort((a, b) => b.savedAt - a.savedAt);
}

export async function dropSaved(key: string): Promise<void> {
  await delMany([metaKey(key), stateKey(key)], machineStore());
}

/** Clears every saved machine (the progress page's button). */
export async function dropAllSaved(): Promise<void> {
  const all = await keys(machineStore());
  await delMany(all, machineStore());
}

/** The machine saved for `key`, decompressed; throws if it is gone or damaged. */
export async function loadSaved(meta: SavedMeta): Promise<SavedMachine> {
  const blob = await get<Blob>(stateKey(meta.key), machineStore());
  if (!(blob instanceof Blob)) throw new Error('the saved machine is gone (storage cleared?)');
  const state = await new Response(blob.stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
  return {state, nextRequestId: meta.nextRequestId};
}

let worker: Worker | null = null;
let nextJob = 1;

/**
 * Compresses and stores a saved machine; resolves with its description once
 * written. The state's buffer is handed over to the worker (not copied).
 */
export function storeMachine(meta: Omit<SavedMeta, 'bytes'>, state: ArrayBuffer): Promise<SavedMeta> {
  const request: SaveRequest = {job: nextJob++, meta, state};
  if (typeof Worker === 'undefined') return storeSaved(request);
  worker ??= new Worker(new URL('./saveWorker.ts', import.meta.url));
  const w = worker;
  return new Promise<SavedMeta>((resolve, reject) => {
    const onMessage = (e: MessageEvent<{job: number; meta?: SavedMeta; error?: string}>): void => {
      if (e.data.job !== request.job) return;
      w.removeEventListener('message', onMessage);
      if (e.data.meta) resolve(e.data.meta);
      else reject(new Error(e.data.error ?? 'the machine could not be saved'));
    };
    w.addEventListener('message', onMessage);
    w.postMessage(request, [state]);
  });
}
