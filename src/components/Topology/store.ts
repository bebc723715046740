/**
 * The last network state collected in the lab, by a Check or by the Topology
 * tab's own refresh. Check publishes here (Exercise/grading.ts) so the tab
 * redraws after every Check without a second collection. Type-only imports:
 * this module rides along in the graders chunk and must stay small.
 */
import {useSyncExternalStore} from 'react';
import type {NetState} from '@site/graders/model';
import {labStore} from '../Lab/labStore';

export interface CollectedState {
  state: NetState;
  /** What collected it: a Check of that exercise, or the tab's refresh button. */
  source: {kind: 'check'; exercise: string} | {kind: 'refresh'};
  /** Bumped on every publish, so the same-looking state after a second Check still redraws. */
  serial: number;
  at: number;
  /** The lab's machine it came from (labStore's generation): a reset machine's old state is not drawn. */
  generation: number;
}

let current: CollectedState | null = null;
const listeners = new Set<() => void>();

export const topologyStore = {
  get: (): CollectedState | null => current,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  publish(state: NetState, source: CollectedState['source']): void {
    const generation = labStore.getState().generation;
    current = {state, source, serial: (current?.serial ?? 0) + 1, at: Date.now(), generation};
    listeners.forEach((l) => l());
  },
};

export function useCollectedState(): CollectedState | null {
  return useSyncExternalStore(topologyStore.subscribe, topologyStore.get, () => null);
}
