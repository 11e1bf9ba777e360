/**
 * Where the kit evaluation keeps things, what the manifest says, and the one static server every
 * step uses. Kit pages are other people's code: they live only in the local cache (outside the
 * repository), never in a commit.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The local cache: copied kits, rendered text, screenshots. Outside the repository. */
export const CACHE_DIR = process.env['SCARESTOP_KIT_CACHE'] ?? '/work/kit-cache';
/** Where `fetch` left the public repositories' snapshots (`owner+name/repo` git directories). */
export const MIRRORS_DIR = process.env['SCARESTOP_KIT_MIRRORS'] ?? '/work/.mirror';
/** What render.ts saw of every page. */
export const RENDERS_FILE = join(CACHE_DIR, 'renders.json');
/** Where the list of misses goes for the detector's engineer (outside the repository). */
export const MISSES_FILE = process.env['SCARESTOP_KIT_MISSES'] ?? '/work/helpers/kit-misses.md';

const MANIFEST_FILE = fileURLToPath(new URL('./manifest.json', import.meta.url));

/** One scam kit page of a public repository, read at a fixed commit. */
export interface KitEntry {
  readonly id: string;
  readonly repo: string;
  readonly commit: string;
  /** The entry page inside the repository. */
  readonly path: string;
  /** Git blob id of the entry page: proves the cache holds exactly what was read. */
  readonly blob: string;
  readonly language: string;
  /** The system the page pretends to be: windows, mac, ios, android. */
  readonly disguise: string;
  readonly notes?: string;
}

export interface KitManifest {
  /** Query string the kits read their phone number from (the ad network fills it in real life). */
  readonly query: string;
  readonly queryJa: string;
  readonly kits: readonly KitEntry[];
}

export function loadManifest(): KitManifest {
  return JSON.parse(readFileSync(MANIFEST_FILE, 'utf8')) as KitManifest;
}

/** `owner+name`, the folder name `fetch` uses. */
export function repoFolder(repo: string): string {
  return repo.replace('/', '+');
}

/** Path of a kit's entry page below the server root. */
export function kitPagePath(kit: KitEntry): string {
  return `repos/${repoFolder(kit.repo)}/${kit.commit.slice(0, 12)}/${kit.path}`;
}

/** One page to render and judge: a kit or one of our honest look-alikes. */
export interface PageTarget {
  readonly id: string;
  readonly kind: 'kit' | 'honest';
  /** Path below the server root, with the query string. */
  readonly path: string;
  readonly language: string;
}

/** What render.ts saw of one page. */
export interface RenderedPage extends PageTarget {
  readonly title: string;
  /** document.body.innerText after the page settled and after one click. */
  readonly text: string;
  /** Text of alert()/confirm() dialogs the page raised. */
  readonly dialogs: readonly string[];
  readonly screenshot: string;
  readonly error?: string;
}

export function kitTargets(manifest: KitManifest): PageTarget[] {
  return manifest.kits.map((kit) => ({
    id: kit.id,
    kind: 'kit',
    path: `${kitPagePath(kit)}?${kit.language === 'ja' ? manifest.queryJa : manifest.query}`,
    language: kit.language,
  }));
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  // Kits are PHP templates: served as HTML, the browser hides the `<?php ?>` parts as it would
  // show a page whose server failed to run them.
  '.php': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
  '.mp4': 'video/mp4',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export interface CacheServer {
  readonly origin: string;
  url(path: string): string;
  close(): Promise<void>;
}

/** Serves the cache on 127.0.0.1 (the only address the rendered pages may reach). */
export async function serveCache(root: string = CACHE_DIR): Promise<CacheServer> {
  const base = normalize(root + '/');
  const server: Server = createServer((request, response) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    const file = normalize(join(base, pathname));
    if (!file.startsWith(base)) {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => response.writeHead(200, { 'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body),
      () => response.writeHead(404).end('not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the cache server has no port');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    url: (path) => `${origin}/${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Chromium flags that keep every page off the network: every host name resolves to nothing
 * except 127.0.0.1, where our own server runs.
 */
export const OFFLINE_FLAGS = ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1', '--proxy-server=http://127.0.0.1:9', '--proxy-bypass-list=127.0.0.1'];

/** Debian's copy of jQuery (package libjs-jquery), standing in for the public CDNs' copies. */
const JQUERY_STAND_IN = process.env['SCARESTOP_JQUERY'] ?? '/usr/share/javascript/jquery/jquery.min.js';
/** A jQuery build on a public CDN (cdnjs, code.jquery.com, Google's, jsDelivr's...): "jquery-3.6.0.min.js", "jquery/2.1.3/jquery.min.js". */
const JQUERY_URL = /^https?:\/\/[^/]+\/(?:[^?#]*\/)?jquery(?:[.-]\d+(?:\.\d+)*)?(?:\.min)?\.js(?:[?#]|$)/i;

/**
 * The local stand-in for a public library a kit loads from a CDN, or undefined. Offline, a kit
 * that draws its warning with jQuery from a CDN (k08: `$('.delayedPopupWindow').fadeIn()`) shows
 * only its decoy background, which no person on the real web would see: the yardstick serves
 * Debian's jQuery for such requests, and nothing else leaves the machine.
 */
export function publicLibraryStandIn(url: string): string | undefined {
  return JQUERY_URL.test(url) && existsSync(JQUERY_STAND_IN) ? JQUERY_STAND_IN : undefined;
}

export function readRenders(): RenderedPage[] {
  try {
    return JSON.parse(readFileSync(RENDERS_FILE, 'utf8')) as RenderedPage[];
  } catch (error) {
    throw new Error(`no rendered pages in ${RENDERS_FILE}: run \`npm run kits:cache\` and \`npm run kits:render\` first (${String(error)})`);
  }
}
