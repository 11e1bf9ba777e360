/**
 * `SessionLogTail`: the session-log port for both OSes. Catalog paths are expanded (the OS's
 * own expansion, passed in) at most every few seconds; each known file is checked by size and
 * modification time, and only what was appended is read. A file found on the first look at
 * its path is history; a file that appears later, and text appended later, are news.
 */
import { open, stat } from 'node:fs/promises';
import type { LogChange, SessionLogPort } from '../engine/ports/remote-live.js';
import { decodeArtifactText } from './win32/artifact-paths.js';

/** Bound of one read (a log that jumped by megabytes is read from its last part). */
const MAX_READ_BYTES = 256 * 1024;

interface Tracked {
  size: number;
  mtimeMs: number;
}

/** Options of {@link SessionLogTail}. */
export interface SessionLogTailOptions {
  /** The files a catalog path points at now (Linux: `~`, `*`; Windows: `%VAR%`, `*`). */
  readonly expand: (path: string) => Promise<readonly string[]>;
  /** How often each path is expanded again (new files matching a wildcard). */
  readonly reexpandMs?: number;
  readonly now?: () => number;
}

async function readRange(path: string, from: number, to: number): Promise<string> {
  const start = Math.max(from, to - MAX_READ_BYTES);
  const handle = await open(path, 'r');
  try {
    const bytes = Buffer.alloc(to - start);
    const { bytesRead } = await handle.read(bytes, 0, bytes.length, start);
    return decodeArtifactText(bytes.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/** Tails the tools' session logs. */
export class SessionLogTail implements SessionLogPort {
  private readonly files = new Map<string, Tracked>();
  private readonly expansions = new Map<string, { paths: readonly string[]; at: number }>();
  private readonly reexpandMs: number;
  private readonly now: () => number;

  constructor(private readonly options: SessionLogTailOptions) {
    this.reexpandMs = options.reexpandMs ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  async poll(patterns: readonly string[]): Promise<readonly LogChange[]> {
    const changes: LogChange[] = [];
    const done = new Set<string>();
    for (const pattern of patterns) {
      const firstLook = !this.expansions.has(pattern);
      for (const path of await this.expand(pattern)) {
        if (done.has(path)) continue;
        done.add(path);
        const change = await this.check(path, firstLook).catch(() => undefined); // unreadable now: try next poll
        if (change !== undefined) changes.push(change);
      }
    }
    return changes;
  }

  private async expand(pattern: string): Promise<readonly string[]> {
    const cached = this.expansions.get(pattern);
    if (cached !== undefined && this.now() - cached.at < this.reexpandMs) return cached.paths;
    const paths = await this.options.expand(pattern).catch(() => [] as string[]);
    this.expansions.set(pattern, { paths, at: this.now() });
    return paths;
  }

  private async check(path: string, firstLook: boolean): Promise<LogChange | undefined> {
    const info = await stat(path).catch(() => undefined);
    const known = this.files.get(path);
    if (info === undefined || !info.isFile()) {
      // Missing or gone: when it appears, everything in it is news.
      this.files.set(path, { size: -1, mtimeMs: 0 });
      return undefined;
    }
    if (known !== undefined && known.size === info.size && known.mtimeMs === info.mtimeMs) return undefined;
    this.files.set(path, { size: info.size, mtimeMs: info.mtimeMs });
    if (known === undefined) return { path, text: await readRange(path, 0, info.size), fromStart: true, history: firstLook };
    if (known.size < 0 || info.size < known.size) return { path, text: await readRange(path, 0, info.size), fromStart: true, history: false };
    if (info.size === known.size) return undefined; // touched, nothing appended
    return { path, text: await readRange(path, known.size, info.size), fromStart: false, history: false };
  }
}
