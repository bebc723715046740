/**
 * A tiny external store over localStorage, read with useSyncExternalStore so
 * every component (sidebar badges, exercise cards, course map) stays in sync,
 * including across browser tabs via the `storage` event.
 */
import {useEffect, useSyncExternalStore} from 'react';
import {freshSeed} from '@site/src/drills/prng';
import {
  emptyExercise,
  emptyProgress,
  mergeProgress,
  parseStored,
  ProgressFile,
  STORAGE_KEY,
  type ExerciseProgress,
  type Progress,
  type Verdict,
} from './schema';

type Listener = () => void;
const listeners = new Set<Listener>();
const SERVER_SNAPSHOT = emptyProgress();
let cache: Progress | null = null;

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    // Some privacy modes throw on access; progress then lives for the session only.
    return null;
  }
}

function read(): Progress {
  if (cache) return cache;
  cache = parseStored(storage()?.getItem(STORAGE_KEY) ?? null) ?? emptyProgress();
  return cache;
}

function write(next: Progress): void {
  cache = next;
  try {
    storage()?.setItem(STORAGE_KEY, JSON.stringify(next));
  } catch {
    // Quota or privacy mode: keep the in-memory copy so the page still reflects it.
  }
  listeners.forEach((l) => l());
}

function onStorage(event: StorageEvent): void {
  if (event.key !== STORAGE_KEY && event.key !== null) return;
  cache = null;
  listeners.forEach((l) => l());
}

function subscribe(listener: Listener): () => void {
  if (listeners.size === 0 && typeof window !== 'undefined') {
    window.addEventListener('storage', onStorage);
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && typeof window !== 'undefined') {
      window.removeEventListener('storage', onStorage);
    }
  };
}

function update(id: string, change: (p: ExerciseProgress) => ExerciseProgress): void {
  const current = read();
  const before = current.exercises[id] ?? emptyExercise();
  write({...current, exercises: {...current.exercises, [id]: change(before)}});
}

export const progressStore = {
  get: read,

  recordCheck(id: string, verdict: Verdict, at: Date = new Date()): void {
    const iso = at.toISOString();
    update(id, (p) => ({
      ...p,
      attempts: p.attempts + 1,
      lastVerdict: verdict,
      lastCheckedAt: iso,
      solvedAt: p.solvedAt ?? (verdict === 'passed' ? iso : null),
    }));
  },

  /** The learner's seed, drawn and stored on first use (see schema.ts). */
  seed(): number {
    const current = read();
    if (current.seed !== undefined) return current.seed;
    const seed = freshSeed();
    write({...current, seed});
    return seed;
  },

  recordHints(id: string, shown: number): void {
    update(id, (p) => ({...p, hintsShown: Math.max(p.hintsShown, shown)}));
  },

  exportFile(at: Date = new Date()): ProgressFile {
    return {format: 'netlab-progress', exportedAt: at.toISOString(), progress: read()};
  },

  /** Merges an exported file; throws with a readable message if it is not one. */
  importFile(text: string): number {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new Error('That file is not JSON. Choose a file exported from “My progress”.');
    }
    const parsed = ProgressFile.safeParse(json);
    if (!parsed.success) {
      throw new Error('That file is not a netlab progress export (or it was edited by hand).');
    }
    write(mergeProgress(read(), parsed.data.progress));
    return Object.keys(parsed.data.progress.exercises).length;
  },

  clear(): void {
    write(emptyProgress());
  },
};

export function useProgress(): Progress {
  return useSyncExternalStore(subscribe, read, () => SERVER_SNAPSHOT);
}

/**
 * The learner's seed; null during the static render and the first client
 * render (the seed lives in localStorage), then drawn if there is none yet.
 */
export function useLearnerSeed(): number | null {
  const seed = useProgress().seed;
  useEffect(() => {
    if (seed === undefined) progressStore.seed();
  }, [seed]);
  return seed ?? null;
}

export function useExerciseProgress(id: string): ExerciseProgress {
  return useProgress().exercises[id] ?? EMPTY;
}
const EMPTY = emptyExercise();
