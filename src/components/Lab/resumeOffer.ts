/**
 * What the start panel offers on a lesson with a saved machine: "Resume
 * where you left off" or "Fresh machine". A machine saved by another image
 * or v86 build cannot restore here; it is dropped and the panel says so in
 * one line.
 */
import {useEffect, useSyncExternalStore} from 'react';
import {useLocation} from '@docusaurus/router';
import {StartCancelledError} from '@site/src/vm/types';
import {labStore} from './labStore';
import {currentImage, dropSaved, loadSaved, savedMeta, staleReason, type SavedMeta} from './savedMachines';

export type ResumeOffer =
  | {kind: 'none'}
  | {kind: 'offer'; meta: SavedMeta}
  /** The saved machine could not be used; `notice` says why, in one line. */
  | {kind: 'dropped'; notice: string};

const NONE: ResumeOffer = {kind: 'none'};
let offer: {key: string; value: ResumeOffer} | null = null;
const listeners = new Set<() => void>();

function set(key: string, value: ResumeOffer): void {
  offer = {key, value};
  listeners.forEach((l) => l());
}

/** The lab's key: the lesson's path, without a trailing slash. */
export function useLabKey(): string {
  const {pathname} = useLocation();
  return pathname.replace(/\/+$/, '') || '/';
}

async function check(key: string): Promise<void> {
  const meta = await savedMeta(key).catch(() => null);
  if (!meta) return set(key, NONE);
  const now = await currentImage();
  // Unknown (offline before the manifest was ever cached): the lab cannot start either; offer it.
  const why = now && staleReason(meta, now);
  if (!why) return set(key, {kind: 'offer', meta});
  await dropSaved(key).catch(() => undefined);
  set(key, {kind: 'dropped', notice: why});
}

/** The offer for this lesson; looked up whenever the start panel shows. */
export function useResumeOffer(key: string): ResumeOffer {
  useEffect(() => {
    void check(key);
  }, [key]);
  const current = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => offer,
    () => null,
  );
  return current?.key === key ? current.value : NONE;
}

export function resumeSaved(meta: SavedMeta): void {
  set(meta.key, NONE);
  labStore
    .start(() => loadSaved(meta))
    .catch((err: unknown) => {
      // The lab shows why and offers a reset; a save that cannot start is not offered again.
      if (!(err instanceof StartCancelledError)) void dropSaved(meta.key).catch(() => undefined);
    });
}

export function startFresh(key: string): void {
  set(key, NONE);
  void dropSaved(key).catch(() => undefined);
  labStore.start().catch(() => undefined);
}
