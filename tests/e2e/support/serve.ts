/**
 * A tiny static file server on 127.0.0.1 for the watcher's test pages (tests/e2e/pages), so the
 * browser loads them like a real site (http origin: user activation, popups, beforeunload).
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PAGES_DIR = fileURLToPath(new URL('../pages/', import.meta.url));

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css' };

export interface StaticServer {
  /** Full URL of a file in the pages folder, e.g. `url('defender-fullscreen.html')`. */
  url(path: string): string;
  close(): Promise<void>;
}

/** Serves `root` (default: tests/e2e/pages) on a free port of 127.0.0.1. */
export async function serveStatic(root: string = PAGES_DIR): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const file = normalize(join(root, pathname));
    if (!file.startsWith(normalize(root))) {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body),
      () => response.writeHead(404).end('not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    url: (path) => `http://127.0.0.1:${address.port}/${path}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
