/**
 * What the Files tab should open, and the "Edit in lab" action. A module
 * store like PacketView/store.ts, so a code block in the lesson text can
 * drive the editor inside the Lab further down the page.
 */
import {useSyncExternalStore} from 'react';
import {labStore} from '@site/src/components/Lab/labStore';
import {FILES_TAB} from '@site/src/components/Lab/Tabs';

export interface FileRequest {
  path: string;
  /** The lesson's version of the file, offered for insertion (null: none). */
  offer: string | null;
  /** Bumped per request: the editor opens the path again even if it did not change. */
  request: number;
}

export const DEFAULT_FILE = '/etc/hosts';

let state: FileRequest = {path: DEFAULT_FILE, offer: null, request: 0};
const listeners = new Set<() => void>();

export const fileEditor = {
  getState: (): FileRequest => state,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** Opens `path` in the Files tab, offering `offer` as the lesson's text. */
  open(path: string, offer: string | null = null): void {
    state = {path, offer, request: state.request + 1};
    listeners.forEach((l) => l());
  },
};

/**
 * "Edit in lab": starts the lab if needed, brings the Files tab to the front
 * and opens the file from the VM; the block's text is offered, not forced on
 * the file (see src/components/README.md).
 */
export function editInLab(path: string, offer: string): void {
  fileEditor.open(path, offer);
  labStore.setActiveTerminal(FILES_TAB);
  document.querySelector('section[aria-label="Lab"]')?.scrollIntoView({behavior: 'smooth', block: 'start'});
  labStore.start().catch(() => {
    // The lab shows why it could not start.
  });
}

const INITIAL = state;
export function useFileRequest(): FileRequest {
  return useSyncExternalStore(fileEditor.subscribe, fileEditor.getState, () => INITIAL);
}
