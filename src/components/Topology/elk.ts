/**
 * elkjs for the page, loaded only when the Topology tab first draws. The
 * layout runs in a Web Worker (elk-worker, bundled by webpack as its own
 * chunk, never fetched from a CDN) so a big layout does not stall the
 * emulator, which runs on the main thread. Where a worker cannot start, the
 * same engine runs in the page.
 */
import type {ELK} from 'elkjs/lib/elk-api';

type ElkCtor = new (args?: {workerFactory?: (url?: string) => Worker}) => ELK;

/** A CommonJS module's constructor, whichever way the bundler wrapped `exports.default`. */
function ctorOf(mod: unknown): ElkCtor {
  let m = mod;
  for (let i = 0; i < 3 && typeof m !== 'function'; i++) {
    m = m && typeof m === 'object' && 'default' in m ? (m as {default: unknown}).default : undefined;
  }
  if (typeof m !== 'function') throw new Error('The layout engine (elkjs) did not load.');
  return m as ElkCtor;
}

let elk: Promise<ELK> | null = null;

async function start(): Promise<ELK> {
  try {
    const Api = ctorOf(await import(/* webpackChunkName: "elk-api" */ 'elkjs/lib/elk-api.js'));
    const instance = new Api({
      workerFactory: () => new Worker(new URL('elkjs/lib/elk-worker.min.js', import.meta.url)),
    });
    // A worker that fails to load never answers: try a trivial layout now, with a deadline.
    const probe = instance.layout({id: 'probe', children: []});
    await Promise.race([probe, new Promise((_, reject) => setTimeout(() => reject(new Error('no worker')), 8_000))]);
    return instance;
  } catch {
    const Bundled = ctorOf(await import(/* webpackChunkName: "elk" */ 'elkjs/lib/elk.bundled.js'));
    return new Bundled();
  }
}

export function loadElk(): Promise<ELK> {
  elk ??= start().catch((e: unknown) => {
    elk = null; // A failed download may succeed on the next try (back online).
    throw e;
  });
  return elk;
}
