/**
 * The save worker: compresses a saved machine (40-50 MB, seconds of work)
 * and writes it to IndexedDB, away from the page's main thread where the
 * emulator runs. One request at a time, answered by job number.
 */
import {storeSaved, type SaveRequest} from './packMachine';

// The DOM typings describe a window; this file runs in a dedicated worker.
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<SaveRequest>) => void) | null;
  postMessage(message: unknown): void;
};

let queue: Promise<unknown> = Promise.resolve();

scope.onmessage = (e) => {
  const request = e.data;
  queue = queue.then(() =>
    storeSaved(request).then(
      (meta) => scope.postMessage({job: request.job, meta}),
      (err: unknown) => scope.postMessage({job: request.job, error: err instanceof Error ? err.message : String(err)}),
    ),
  );
};
