/**
 * The built site served the way any static host would, for tests and
 * benchmarks: sirv (MIME types, so wasm streams; byte ranges; clean URLs)
 * plus the site's 404 page for anything else.
 */
import {readFile} from 'node:fs/promises';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import path from 'node:path';
import sirv from 'sirv';

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export async function serveStatic(root: string, port = 0): Promise<StaticServer> {
  const absolute = path.resolve(root);
  // no-cache like a host that revalidates, so a rebuilt site is seen at once.
  const files = sirv(absolute, {
    dev: false,
    etag: true,
    extensions: ['html'],
    setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache'),
  });
  const server = http.createServer((req, res) => {
    files(req, res, () => {
      readFile(path.join(absolute, '404.html'))
        .then((page) => res.writeHead(404, {'Content-Type': 'text/html; charset=utf-8'}).end(page))
        .catch(() => res.writeHead(404).end('not found'));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const {port: actual} = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
