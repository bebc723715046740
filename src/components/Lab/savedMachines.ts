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

/**
 * Saves under way in this page, from the copy of the machine to the write.
 * The progress page reads it: a learner who follows a link there from a lab
 * sees that lab's save finish instead of an older size.
 */
let savesUnderWay = 0;
const saveListeners = new Set<() => void>();

export function trackSave<T>(work: Promise<T>): Promise<T> {
  const changed = (by: number): void => {
    savesUnderWay += by;
    saveListeners.forEach((l) => l());
  };
  changed(1);
  return work.finally(() => changed(-1));
}

export function countSavesUnderWay(): number {
  return savesUnderWay;
}

export function onSavesUnderWay(listener: () => void): () => void {
  saveListeners.add(listener);
  return () => saveListeners.delete(listener);
}

let worker: Worker | null = null;
/** The worker failed to start once (an old browser, a blocked script): save in the page from then on. */
let workerBroken = false;
let nextJob = 1;
type Reply = {job: number; meta?: SavedMeta; error?: string};
const pending = new Map<number, {resolve(meta: SavedMeta): void; reject(err: Error): void}>();

function saveWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./saveWorker.ts', import.meta.url));
  w.onmessage = (e: MessageEvent<Reply>) => {
    const job = pending.get(e.data.job);
    pending.delete(e.data.job);
    if (e.data.meta) job?.resolve(e.data.meta);
    else job?.reject(new Error(e.data.error ?? 'the machine could not be saved'));
  };
  // A worker that cannot run answers nothing: fail its saves instead of waiting for ever.
  w.onerror = (e) => {
    e.preventDefault();
    workerBroken = true;
    worker = null;
    w.terminate();
    for (const job of pending.values())
      job.reject(new Error(`the save worker failed (${e.message || 'no reason given'})`));
    pending.clear();
  };
  worker = w;
  return w;
}

/**
 * Compresses and stores a saved machine; resolves with its description once
 * written. The state's buffer is handed over to the worker (not copied).
 */
export function storeMachine(meta: Omit<SavedMeta, 'bytes'>, state: ArrayBuffer): Promise<SavedMeta> {
  const request: SaveRequest = {job: nextJob++, meta, state};
  if (typeof Worker === 'undefined' || workerBroken) return storeSaved(request);
  const w = saveWorker();
  return new Promise<SavedMeta>((resolve, reject) => {
    pending.set(request.job, {resolve, reject});
    w.postMessage(request, [state]);
  });
}
