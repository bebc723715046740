/*
 * netlab offline support. Hashed site assets and the VM files are cache-first
 * (they never change under the same URL, except the VM files, which are
 * purged whenever vm/manifest.json changes); pages are network-first with the
 * cache as the offline fallback.
 */
const CACHE = 'netlab-v2';
const scope = new URL(self.registration.scope);
const base = scope.pathname; // ends with '/'

self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

// Pages loaded before this worker took control tell it what they fetched, and
// a started lab asks for the VM files it needs offline (src/components/Lab/
// offline.ts); that one passes a port and hears progress and the outcome.
self.addEventListener('message', (event) => {
  const urls = event.data && event.data.type === 'netlab:precache' ? event.data.urls : null;
  if (!Array.isArray(urls)) return;
  const port = event.ports && event.ports[0];
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      let done = 0;
      let failed = 0;
      for (const url of urls) {
        if (typeof url === 'string' && new URL(url).origin === scope.origin && !(await cache.match(url))) {
          try {
            const res = await fetch(url, {credentials: 'same-origin'});
            if (res.ok && res.status === 200) await cache.put(url, res);
            else failed++;
          } catch {
            failed++; // Offline already: what is cached is all there is.
          }
        }
        done++;
        if (port) port.postMessage({type: 'progress', done, total: urls.length});
      }
      if (port) port.postMessage({type: 'done', done, total: urls.length, failed});
    })(),
  );
});

function kind(url, request) {
  if (request.mode === 'navigate') return 'page';
  const path = url.pathname;
  if (path === `${base}vm/manifest.json`) return 'manifest';
  if (path.startsWith(`${base}vm/`)) return 'vm';
  if (path.startsWith(`${base}assets/`)) return 'asset';
  return 'other';
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request, {ignoreVary: true});
  if (hit) return hit;
  const res = await fetch(request);
  if (res.ok && res.status === 200) await cache.put(request, res.clone());
  return res;
}

async function networkFirst(request, onFresh) {
  const cache = await caches.open(CACHE);
  try {
    const res = await fetch(request);
    if (res.ok && res.status === 200) {
      if (onFresh) await onFresh(cache, res.clone());
      await cache.put(request, res.clone());
    }
    return res;
  } catch (err) {
    const hit = await cache.match(request, {ignoreSearch: request.mode === 'navigate'});
    if (hit) return hit;
    throw err;
  }
}

// A new VM image keeps the state's file names, so a changed manifest
// invalidates them; the root's files under vm/fs/ are named by their content
// and stay valid across images.
async function purgeVmIfChanged(cache, fresh) {
  const old = await cache.match(`${base}vm/manifest.json`);
  if (!old || (await old.text()) === (await fresh.text())) return;
  for (const req of await cache.keys()) {
    const path = new URL(req.url).pathname;
    if (path.startsWith(`${base}vm/`) && !path.startsWith(`${base}vm/fs/`)) await cache.delete(req);
  }
}

// The Cache API cannot store 206 responses, so ranges are cut from the full file.
async function rangeFromCache(request) {
  const hit = await (await caches.open(CACHE)).match(request.url);
  if (!hit) return fetch(request);
  const m = /bytes=(\d+)-(\d*)/.exec(request.headers.get('range') || '');
  if (!m) return fetch(request);
  const body = await hit.arrayBuffer();
  const start = Number(m[1]);
  const end = m[2] ? Math.min(Number(m[2]), body.byteLength - 1) : body.byteLength - 1;
  return new Response(body.slice(start, end + 1), {
    status: 206,
    headers: {
      'Content-Type': hit.headers.get('Content-Type') || 'application/octet-stream',
      'Content-Range': `bytes ${start}-${end}/${body.byteLength}`,
      'Content-Length': String(end - start + 1),
    },
  });
}

self.addEventListener('fetch', (event) => {
  const {request} = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin || !url.pathname.startsWith(base)) return;
  if (url.pathname === `${base}sw.js`) return;
  const k = kind(url, request);
  if (request.headers.has('range')) {
    if (k === 'vm') event.respondWith(rangeFromCache(request));
    return;
  }
  if (k === 'vm' || k === 'asset') event.respondWith(cacheFirst(request));
  else if (k === 'manifest') event.respondWith(networkFirst(request, purgeVmIfChanged));
  else event.respondWith(networkFirst(request));
});
