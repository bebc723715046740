/**
 * Saves the lesson's running machine so the learner can resume it later.
 *
 * When: a few seconds after the learner stops typing (at least once a
 * minute while they keep typing), when the tab is hidden, when they leave
 * the lesson inside the site, and on the Save button. A save when the page
 * is being closed or reloaded is tried too, but the browser may cut it
 * short: the saves before it are what make a reload safe.
 *
 * Cost: v86 copies the machine's state in one go (a pause of a few hundred
 * milliseconds, so saves wait for a pause in typing); the compression and the
 * write happen in a worker. Only a machine the learner typed into since the
 * last save is saved again.
 */
import {useEffect, useSyncExternalStore} from 'react';
import {MACHINE} from '@site/src/vm/config';
import type {LabVm} from '@site/src/vm/types';
import {labStore} from './labStore';
import {currentImage, dropSaved, storeMachine, trackSave} from './savedMachines';

export type SaveStatus =
  {kind: 'idle'} | {kind: 'saving'} | {kind: 'saved'; at: number} | {kind: 'failed'; why: string};

const QUIET_MS = 5_000;
const MAX_UNSAVED_MS = 60_000;

let status: SaveStatus = {kind: 'idle'};
const listeners = new Set<() => void>();
interface Lesson {
  key: string;
  title: string;
}
/** The lesson page open now (its Lab mounted last). */
let page: Lesson | null = null;
/**
 * The lesson the running machine belongs to: the page it was started on. The
 * machine stays on when the learner follows a link to another lab page, and
 * is still that first lesson's machine there.
 */
let owner: Lesson | null = null;
let generation = -1;
let dirtySince: number | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;
let saving: Promise<void> | null = null;
/** Settles once the save under way has its copy of the machine (the rest needs no machine). */
let capturing: Promise<void> = Promise.resolve();

function setStatus(next: SaveStatus): void {
  status = next;
  listeners.forEach((l) => l());
}

function describe(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  if (err instanceof DOMException && err.name === 'QuotaExceededError')
    return 'the browser has no room left for it; clear saved machines on the progress page';
  return text;
}

/** Saves `vm` as the machine of the current lesson; one save at a time. */
function save(vm: LabVm | null): Promise<void> {
  clearTimeout(timer);
  if (saving) return saving.then(() => (dirtySince !== null ? save(vm) : undefined));
  const target = owner;
  if (!vm || !target) return Promise.resolve();
  const since = dirtySince;
  dirtySince = null;
  setStatus({kind: 'saving'});
  let captured = (): void => undefined;
  capturing = new Promise<void>((resolve) => (captured = resolve));
  saving = (async () => {
    const image = await currentImage();
    if (!image) throw new Error("the lab machine's description (vm/manifest.json) could not be read");
    const machine = await vm.saveMachine().finally(captured);
    const meta = {
      key: target.key,
      title: target.title,
      savedAt: Date.now(),
      image: image.image,
      v86: MACHINE.v86,
      nextRequestId: machine.nextRequestId,
    };
    await storeMachine(meta, machine.state);
    setStatus({kind: 'saved', at: meta.savedAt});
  })()
    .catch((err: unknown) => {
      // Not saved: still unsaved work, tried again at the next occasion.
      dirtySince ??= since ?? Date.now();
      setStatus({kind: 'failed', why: describe(err)});
    })
    .finally(() => {
      captured();
      saving = null;
    });
  void trackSave(saving);
  return saving;
}

function saveIfChanged(): void {
  if (dirtySince !== null && labStore.getState().status === 'ready') void save(labStore.getVm());
}

function onInput(): void {
  const now = Date.now();
  dirtySince ??= now;
  clearTimeout(timer);
  const wait = Math.max(0, Math.min(QUIET_MS, dirtySince + MAX_UNSAVED_MS - now));
  timer = setTimeout(saveIfChanged, wait);
}

if (typeof document !== 'undefined') {
  labStore.subscribe(() => {
    // A start or a reset: the new machine is the current page's, with nothing unsaved yet.
    const {generation: g, status: now} = labStore.getState();
    if (g === generation) return;
    generation = g;
    // Letting go of the machine resets the lab's state too; beforeDispose (below) still has it to save.
    if (now === 'idle') return;
    owner = page && {...page, title: lessonTitle()};
    dirtySince = null;
    clearTimeout(timer);
  });
  labStore.setHooks({
    onInput,
    // What was saved is what the learner just chose to throw away.
    onReset: () => {
      if (owner) void dropSaved(owner.key).catch(() => undefined);
    },
    beforeDispose: async (vm) => {
      // A save under way may have copied the machine before the last input: let it finish first.
      if (saving) await saving;
      // Stopping waits for the copy only; compressing and writing it go on after.
      if (dirtySince !== null) {
        void save(vm);
        await capturing;
      }
      dirtySince = null;
      owner = null;
      setStatus({kind: 'idle'});
    },
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') saveIfChanged();
  });
  window.addEventListener('pagehide', saveIfChanged);
}

export const autosave = {
  /** The Save button: saves now, changed or not. */
  saveNow(): Promise<void> {
    return save(labStore.getVm());
  },
};

/** The open lesson's title, read when its machine starts (the page is that lesson then). */
function lessonTitle(): string {
  return document.querySelector('article h1')?.textContent?.trim() || document.title;
}

/** Makes `key` (the lesson's path) the page whose newly started machines are saved. */
export function useAutosave(key: string): void {
  useEffect(() => {
    page = {key, title: ''};
  }, [key]);
}

export function useSaveStatus(): SaveStatus {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => status,
    () => status,
  );
}
