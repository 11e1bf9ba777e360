/**
 * The network journal as a small JSON file in the data folder, written durably: a temp file is
 * written and fsynced, renamed over the old one, and the folder is fsynced, so after a crash or
 * power cut the file is either the old journal or the new one, never half of either.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { NetworkJournal, NetworkJournalStore } from '../engine/ports/network-journal.js';

/** File name of the journal inside the data folder. */
export const NETWORK_JOURNAL_FILE = 'network-journal.json';

/** Best effort: some systems (Windows) cannot open a folder to fsync it; the rename still holds. */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // EISDIR/EPERM on Windows: renames there are already journaled by NTFS
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function isJournal(value: unknown): value is NetworkJournal {
  const journal = value as Partial<NetworkJournal> | null;
  return journal?.version === 1 && typeof journal.snapshot === 'object' && journal.snapshot !== null && Array.isArray(journal.snapshot.interfaces);
}

/** {@link NetworkJournalStore} on `<dataHome>/network-journal.json` (owner-only, 0600). */
export class FileNetworkJournal implements NetworkJournalStore {
  readonly path: string;

  constructor(dataHome: string) {
    this.path = join(dataHome, NETWORK_JOURNAL_FILE);
  }

  read(): NetworkJournal | undefined {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ENOENT') return undefined;
      throw error;
    }
    const parsed: unknown = JSON.parse(text);
    if (!isJournal(parsed)) throw new Error(`${this.path} is not a network journal this version can read`);
    return parsed;
  }

  write(journal: NetworkJournal): void {
    const folder = dirname(this.path);
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const temp = `${this.path}.${process.pid}.tmp`;
    const fd = openSync(temp, 'w', 0o600);
    try {
      writeSync(fd, JSON.stringify(journal, null, 2));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, this.path);
    syncFolder(folder);
  }

  clear(): void {
    rmSync(this.path, { force: true });
    syncFolder(dirname(this.path));
  }
}
