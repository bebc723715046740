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
let warmed = false;

/**
 * After the first Check, fetch the tab's code and start elkjs's worker in the
 * background, so opening the tab then only lays out: the learner who checks is
 * the one who may look. Off the main thread but for the small glue chunk.
 */
function warmUp(): void {
  if (warmed) return;
  warmed = true;
  setTimeout(() => {
    void import(/* webpackChunkName: "topology-elk" */ './elk').then((m) => m.loadElk()).catch(() => undefined);
    void import(/* webpackChunkName: "topology" */ './index').catch(() => undefined);
  }, 1_000);
}

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
    if (source.kind === 'check') warmUp();
  },
};

export function useCollectedState(): CollectedState | null {
  return useSyncExternalStore(topologyStore.subscribe, topologyStore.get, () => null);
}
