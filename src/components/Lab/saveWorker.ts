/**
 * The save worker: compresses a saved machine (40-50 MB, seconds of work)
 * and writes it to IndexedDB, away from the page's main thread where the
 * emulator runs. One request at a time, answered by job number.
 */
import type {SaveRequest} from './packMachine';

// The DOM typings describe a window; this file runs in a dedicated worker.
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<SaveRequest>) => void) | null;
  postMessage(message: unknown): void;
};

// Loaded on demand, not imported: a worker bundle with no chunk to load gets
// no webpack runtime, and Docusaurus adds a line to every chunk that needs one.
const packing = import('./packMachine');
let queue: Promise<unknown> = Promise.resolve();

scope.onmessage = (e) => {
  const request = e.data;
  queue = queue.then(() =>
    packing
      .then((m) => m.storeSaved(request))
      .then(
        (meta) => scope.postMessage({job: request.job, meta}),
        (err: unknown) =>
          scope.postMessage({job: request.job, error: err instanceof Error ? err.message : String(err)}),
      ),
  );
};
