/**
 * "Works offline": once a lab has started, the page asks the offline worker
 * (static/sw.js) to cache every VM file a restored lab reads in the pilot
 * chapters (vm/offline.json, traced by the image build). Without that, a file
 * the guest first opens later (stty on a resize, tcpdump) would be missing
 * when the network is gone, and the lab would stop. The worker reports
 * progress over a MessageChannel; the lab's toolbar shows it.
 */
import {useSyncExternalStore} from 'react';
import siteConfig from '@generated/docusaurus.config';
import {VM_FILES} from '@site/src/vm/config';
import {labStore} from './labStore';

export type OfflineState =
  | {kind: 'idle'}
  | {kind: 'saving'; done: number; total: number}
  | {kind: 'ready'}
  /** No service worker (dev server, private window) or the list could not be read. */
  | {kind: 'unavailable'; why: string};

let state: OfflineState = {kind: 'idle'};
let running: Promise<void> | null = null;
const listeners = new Set<() => void>();

function set(next: OfflineState): void {
  state = next;
  for (const l of listeners) l();
}

interface WorkerReply {
  type: 'progress' | 'done';
  done: number;
  total: number;
  failed?: number;
}

async function save(): Promise<void> {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator) || process.env.NODE_ENV !== 'production') {
    set({kind: 'unavailable', why: 'offline support is off here'});
    return;
  }
  const registration = await navigator.serviceWorker.getRegistration();
  // Not controlled yet on a first visit: the active worker still caches for the next one.
  const worker = navigator.serviceWorker.controller ?? registration?.active ?? null;
  if (!worker) {
    set({kind: 'unavailable', why: 'the offline worker is not running'});
    return;
  }
  // The lab's lazy chunks (Check's graders, the packet view, the file editor)
  // otherwise load on first use, which may come after the network is gone;
  // fetched now, they pass through the worker, which caches site assets as
  // they go by; Monaco's worker, font and grammars too, loaded by a warm-up,
  // and the search bar's index and worker: searching the course offline needs them.
  await Promise.all([
    import('../Exercise/grading'),
    import('../PacketView'),
    import('../FileEditor'),
    import('../FileEditor/monaco').then((m) => m.warmForOffline()),
    import('../Search/warm').then((m) => m.warmSearch()),
  ]).catch(() => undefined);
  // The Files tab's scripts and everyday commands (ls, cat...) start tools the
  // image's offline set lacks: run them once now, so their root files are
  // fetched (and cached) while online.
  const vm = labStore.getVm();
  if (vm) {
    await import('@site/src/vm/files').then((m) => m.warmFileTools(vm)).catch(() => undefined);
    await import('@site/src/vm/warmTools').then((m) => m.warmEverydayTools(vm)).catch(() => undefined);
  }
  const base = new URL(`${siteConfig.baseUrl}vm/`, window.location.href).href;
  const list = (await fetch(base + VM_FILES.offline)
    .then((r) => (r.ok ? r.json() : null))
    .catch(() => null)) as {files?: unknown} | null;
  const files = Array.isArray(list?.files) ? list.files.filter((f): f is string => typeof f === 'string') : null;
  if (!files) {
    set({kind: 'unavailable', why: `${VM_FILES.offline} could not be read`});
    return;
  }
  const vmFiles = [VM_FILES.manifest, VM_FILES.wasm, VM_FILES.bios, VM_FILES.vgaBios, VM_FILES.state, VM_FILES.offline];
  const urls = [...vmFiles.map((f) => base + f), ...files.map((f) => base + VM_FILES.rootDir + f)];
  set({kind: 'saving', done: 0, total: urls.length});
  const channel = new MessageChannel();
  const finished = new Promise<WorkerReply>((resolve) => {
    channel.port1.onmessage = (e: MessageEvent<WorkerReply>) => {
      if (e.data.type === 'progress') set({kind: 'saving', done: e.data.done, total: e.data.total});
      else resolve(e.data);
    };
  });
  worker.postMessage({type: 'netlab:precache', urls}, [channel.port2]);
  const reply = await finished;
  channel.port1.close();
  if (reply.failed) set({kind: 'unavailable', why: `${reply.failed} of ${reply.total} files could not be saved`});
  else set({kind: 'ready'});
}

/** Starts caching once per page; later calls (a reset) retry only after a failure. */
export function saveForOffline(): void {
  if (running || state.kind === 'ready') return;
  running = save()
    .catch((e: unknown) => set({kind: 'unavailable', why: e instanceof Error ? e.message : String(e)}))
    .finally(() => {
      running = null;
    });
}

export function useOfflineState(): OfflineState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
    () => state,
  );
}
