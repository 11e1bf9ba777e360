/**
 * Executables in the user's Downloads, Desktop, Documents and Temp folders, with their PE
 * version strings: a portable AnyDesk renamed to `invoice.exe` still says ProductName
 * "AnyDesk". The walk is bounded in depth and entries; each PE read touches only a few KB.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { UserFileEntry } from '../../engine/ports/inventory.js';
import { envLookup } from './artifact-paths.js';
import { readPeVersionInfo, type ByteSource, type PeVersionInfo } from './pe-version.js';

/** Extensions of things that run when double-clicked. */
const RUNNABLE = new Set(['.exe', '.msi', '.scr', '.com', '.bat', '.cmd', '.ps1', '.vbs']);
/** Files that have PE headers. */
const PE_FILES = new Set(['.exe', '.scr', '.com']);
const MAX_DEPTH = 3;
const MAX_ENTRIES_PER_FOLDER = 20_000;
const MAX_FILES = 2_000;

/** The folders scammers' downloads land in, from the user's environment. */
export function userFolders(env: Readonly<Record<string, string | undefined>>): string[] {
  const profile = envLookup(env, 'USERPROFILE');
  const temp = envLookup(env, 'TEMP') ?? envLookup(env, 'TMP');
  const folders = profile === undefined ? [] : ['Downloads', 'Desktop', 'Documents'].map((name) => join(profile, name));
  if (temp !== undefined) folders.push(temp);
  return folders;
}

/** A ByteSource over an open file (synchronous, bounded reads). */
function fileSource(fd: number): ByteSource {
  const size = fstatSync(fd).size;
  return {
    size,
    read(offset, length) {
      const bounded = Math.max(0, Math.min(length, size - offset, 1024 * 1024));
      const buffer = Buffer.alloc(bounded);
      const read = bounded > 0 ? readSync(fd, buffer, 0, bounded, offset) : 0;
      return buffer.subarray(0, read);
    },
  };
}

/** PE version strings of a file; undefined when unreadable or absent (never throws). */
export function peVersionOfFile(path: string): PeVersionInfo | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    return readPeVersionInfo(fileSource(fd));
  } catch {
    return undefined; // locked, vanished or unreadable: the file is still listed by name
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

async function walk(folder: string, depth: number, out: UserFileEntry[], budget: { entries: number }): Promise<void> {
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EPERM' || code === 'ENOTDIR') return;
    throw error;
  }
  for (const entry of entries) {
    if (budget.entries-- <= 0 || out.length >= MAX_FILES) return;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (depth < MAX_DEPTH) await walk(path, depth + 1, out, budget);
      continue;
    }
    const ext = extname(entry.name).toLowerCase();
    if (!entry.isFile() || !RUNNABLE.has(ext)) continue;
    const info = await stat(path).catch(() => undefined);
    const version = PE_FILES.has(ext) ? peVersionOfFile(path) : undefined;
    out.push({
      path,
      name: entry.name,
      ...(info !== undefined ? { size: info.size, modifiedAt: info.mtime.toISOString() } : {}),
      ...(version?.productName !== undefined ? { productName: version.productName } : {}),
      ...(version?.originalFilename !== undefined ? { originalFilename: version.originalFilename } : {}),
      ...(version?.companyName !== undefined ? { companyName: version.companyName } : {}),
      ...(version?.fileDescription !== undefined ? { fileDescription: version.fileDescription } : {}),
    });
  }
}

/** Runnable files in the given folders (bounded walk). */
export async function listWin32UserFiles(folders: readonly string[]): Promise<UserFileEntry[]> {
  const out: UserFileEntry[] = [];
  for (const folder of folders) await walk(folder, 0, out, { entries: MAX_ENTRIES_PER_FOLDER });
  return out;
}
