/**
 * What is stored with a saved machine, and whether it can still restore: a
 * v86 state restores only into the v86 build that saved it, and its guest
 * expects the root file system of the image it was saved from.
 */
// Relative, not @site/: the unit tests import this file outside the site's bundler.
import {VM_FILES} from '../../vm/config';

export interface SavedMeta {
  /** The lesson's path: one machine per lesson page. */
  key: string;
  /** The lesson's title when saved, for the progress page. */
  title: string;
  savedAt: number;
  /** The image's identity: its snapshot's sha256 from vm/manifest.json. */
  image: string;
  /** The v86 build that saved the state. */
  v86: string;
  nextRequestId: number;
  /** Size of the compressed state. */
  bytes: number;
}

export interface ImageIdentity {
  image: string;
  v86: string;
}

/** The identity of the image a vm/manifest.json describes: its snapshot's sha256. */
export function imageOf(manifest: unknown, v86: string): ImageIdentity | null {
  const artifacts = (manifest as {artifacts?: Record<string, {sha256?: unknown} | undefined>} | null)?.artifacts;
  const sha = artifacts?.[VM_FILES.state]?.sha256;
  return typeof sha === 'string' ? {image: sha, v86} : null;
}

/** Why `meta` cannot resume on `now`, in a line a learner understands; null if it can. */
export function staleReason(meta: SavedMeta, now: ImageIdentity): string | null {
  const when = new Date(meta.savedAt).toLocaleString();
  if (meta.v86 !== now.v86)
    return `Your machine saved on ${when} was made by another version of the emulator, so it was dropped; the lab starts fresh.`;
  if (meta.image !== now.image)
    return `Your machine saved on ${when} was made from an older image of the lab machine, so it was dropped; the lab starts fresh.`;
  return null;
}
