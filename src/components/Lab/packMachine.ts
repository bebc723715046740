/**
 * The part of saving a machine that runs in the save worker (saveWorker.ts),
 * or in the page where there are no workers: gzip the state and write it,
 * with its description, to IndexedDB in one transaction. Kept free of site
 * code so the worker's bundle is only this and idb-keyval.
 */
import {createStore, setMany, type UseStore} from 'idb-keyval';
import type {SavedMeta} from './savedMeta';

export interface SaveRequest {
  job: number;
  meta: Omit<SavedMeta, 'bytes'>;
  state: ArrayBuffer;
}

export const DB_NAME = 'netlab-saved-machines';
export const STORE_NAME = 'machines';

export const metaKey = (key: string): string => `meta:${key}`;
export const stateKey = (key: string): string => `state:${key}`;

let db: UseStore | null = null;
/** Opened on first use: a lesson page without a saved machine never opens it. */
export function machineStore(): UseStore {
  db ??= createStore(DB_NAME, STORE_NAME);
  return db;
}

export async function storeSaved({meta, state}: SaveRequest): Promise<SavedMeta> {
  const packed = await new Response(new Blob([state]).stream().pipeThrough(new CompressionStream('gzip'))).blob();
  const full: SavedMeta = {...meta, bytes: packed.size};
  // The description is written with the state, never without it.
  await setMany(
    [
      [stateKey(meta.key), packed],
      [metaKey(meta.key), full],
    ],
    machineStore(),
  );
  return full;
}
