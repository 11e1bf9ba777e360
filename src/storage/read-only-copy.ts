/**
 * Opening a database without touching it: in place read-only, or (when even that needs a write,
 * as WAL's shared-memory file does on a read-only or full disk) as a copy held in memory.
 */
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { readFileSync } from 'node:fs';

/** Opens `path` for reading only; throws when the file cannot be opened. */
export function openReadOnlyInPlace(path: string, busyTimeoutMs: number): Db {
  const db = new Database(path, { readonly: true, fileMustExist: true, timeout: busyTimeoutMs });
  try {
    // Opening is lazy: the first read is what needs the lock and the WAL's shared memory.
    db.prepare('SELECT COUNT(*) FROM sqlite_master').get();
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Reads the file into memory and opens that copy read-only. Bytes 18–19 of the header say
 * "WAL"; a memory copy cannot use a WAL, so they are set to the rollback-journal value (1) in
 * the copy only. Changes still waiting in a `-wal` file are not in the copy.
 */
export function openReadOnlyCopy(path: string): Db {
  const bytes = readFileSync(path);
  if (bytes.length >= 20) {
    bytes[18] = 1;
    bytes[19] = 1;
  }
  return new Database(bytes, { readonly: true });
}

/** Opens for reading in place, else as a memory copy; says which. Throws when neither works. */
export function openForReading(path: string, busyTimeoutMs: number): { readonly db: Db; readonly copy: boolean } {
  try {
    return { db: openReadOnlyInPlace(path, busyTimeoutMs), copy: false };
  } catch (inPlace) {
    try {
      return { db: openReadOnlyCopy(path), copy: true };
    } catch {
      throw inPlace;
    }
  }
}
