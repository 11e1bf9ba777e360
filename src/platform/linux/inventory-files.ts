/**
 * File-based parts of the Linux inventory: program files in the user's folders (a bounded walk
 * of Downloads, Desktop, Documents and the temp folder), autostart `.desktop` entries, and the
 * catalog's evidence files (`~/.anydesk/service.conf` ...), read with a size bound.
 */
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ARTIFACT_MAX_BYTES, type ArtifactFile, type AutostartEntry, type UserFileEntry } from '../../engine/ports/inventory.js';
import { parseDesktopEntry } from './inventory-parse.js';

/** Bounds of the user-folder walk: the scan must stay fast on a cluttered Downloads folder. */
export const WALK_LIMITS = { maxDepth: 3, maxEntries: 60_000, maxFiles: 5_000 };
const PROGRAM_EXTENSIONS = /\.(appimage|exe|msi|run|sh|bin|deb|rpm|jar)$/i;
const SKIP_DIRS = new Set(['node_modules', '__pycache__', 'site-packages']);
const MAX_GLOB_MATCHES = 50;

/** Program files (executable bit or a program extension) under `roots`. */
export async function listUserFiles(roots: readonly string[]): Promise<UserFileEntry[]> {
  const out: UserFileEntry[] = [];
  let visited = 0;
  const walk = async (dir: string, depth: number): Promise<void> => {
    // Unreadable folders (other users' in /tmp) are skipped: they are not ours to judge.
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (++visited > WALK_LIMITS.maxEntries || out.length >= WALK_LIMITS.maxFiles) return;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (depth < WALK_LIMITS.maxDepth && !entry.name.startsWith('.') && !SKIP_DIRS.has(entry.name)) await walk(path, depth + 1);
        continue;
      }
      if (!entry.isFile()) continue;
      const info = await stat(path).catch(() => undefined);
      if (info === undefined) continue;
      if ((info.mode & 0o111) === 0 && !PROGRAM_EXTENSIONS.test(entry.name)) continue;
      out.push({ path, name: entry.name, size: info.size, modifiedAt: info.mtime.toISOString() });
    }
  };
  for (const root of [...new Set(roots)]) await walk(root, 0);
  return out;
}

/** Autostart entries from `.desktop` files in the given folders. */
export async function listAutostart(dirs: readonly string[]): Promise<AutostartEntry[]> {
  const out: AutostartEntry[] = [];
  for (const dir of dirs) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.endsWith('.desktop')).sort()) {
      const text = await readFile(join(dir, name), 'utf8').catch(() => undefined);
      const entry = text === undefined ? undefined : parseDesktopEntry(text.slice(0, 64 * 1024), join(dir, name));
      if (entry !== undefined) out.push(entry);
    }
  }
  return out;
}

/** Expands one catalog path on Linux (`~`, `*` segments); Windows paths give nothing. */
export async function expandPath(pattern: string, home: string): Promise<string[]> {
  if (pattern.includes('%') || pattern.includes('\\') || /^[a-z]:/i.test(pattern)) return [];
  const absolute = pattern.startsWith('~/') ? join(home, pattern.slice(2)) : pattern;
  if (!absolute.startsWith('/')) return [];
  let paths = ['/'];
  for (const segment of absolute.split('/').filter((s) => s !== '')) {
    if (!segment.includes('*')) {
      paths = paths.map((p) => join(p, segment));
      continue;
    }
    const regex = new RegExp(`^${segment.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
    const next: string[] = [];
    for (const p of paths) {
      const names = await readdir(p).catch(() => [] as string[]);
      for (const n of names) if (regex.test(n) && next.length < MAX_GLOB_MATCHES) next.push(join(p, n));
    }
    paths = next;
  }
  return paths;
}

/** Reads one evidence file: at most ARTIFACT_MAX_BYTES, the end of a larger file (logs grow there). */
export async function readArtifact(path: string): Promise<ArtifactFile | undefined> {
  const info = await stat(path).catch(() => undefined);
  if (info === undefined || !info.isFile()) return undefined;
  const handle = await open(path, 'r').catch(() => undefined);
  if (handle === undefined) return { path, size: info.size, modifiedAt: info.mtime.toISOString() }; // exists, unreadable
  try {
    const length = Math.min(info.size, ARTIFACT_MAX_BYTES);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, info.size - length);
    return { path, content: buffer.toString('utf8'), size: info.size, modifiedAt: info.mtime.toISOString(), ...(info.size > length ? { truncated: true } : {}) };
  } finally {
    await handle.close();
  }
}

/** All evidence files that exist for the catalog's paths. */
export async function readArtifacts(patterns: readonly string[], home: string): Promise<ArtifactFile[]> {
  const seen = new Set<string>();
  const out: ArtifactFile[] = [];
  for (const pattern of patterns) {
    for (const path of await expandPath(pattern, home)) {
      if (seen.has(path)) continue;
      seen.add(path);
      const file = await readArtifact(path);
      if (file !== undefined) out.push(file);
    }
  }
  return out;
}

