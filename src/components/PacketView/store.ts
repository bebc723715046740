/**
 * Whether the Lab shows its packet panel, and which capture it should open.
 * A module-level store (like labStore) so a button in the lesson text
 * (<OpenCapture />) can open the panel of the Lab further down the page.
 */
import {useSyncExternalStore} from 'react';

export interface PacketPanelState {
  open: boolean;
  /** The path in the VM the panel's field shows. */
  path: string;
  /** Bumped by openCapture: the panel reads `path` again even if it did not change. */
  request: number;
}

export const DEFAULT_CAPTURE = '/root/capture.pcap';

let state: PacketPanelState = {open: false, path: DEFAULT_CAPTURE, request: 0};
const listeners = new Set<() => void>();
const set = (next: Partial<PacketPanelState>) => {
  state = {...state, ...next};
  listeners.forEach((l) => l());
};

export const packetPanel = {
  getState: (): PacketPanelState => state,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  toggle: (): void => set({open: !state.open}),
  close: (): void => set({open: false}),
  setPath: (path: string): void => set({path}),
  /** Opens the panel and (re)loads `path` from the VM. */
  openCapture: (path: string): void => set({open: true, path, request: state.request + 1}),
};

const INITIAL = state;
export function usePacketPanel(): PacketPanelState {
  return useSyncExternalStore(packetPanel.subscribe, packetPanel.getState, () => INITIAL);
}
