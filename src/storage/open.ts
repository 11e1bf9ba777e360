import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { StoreOpenReport } from '../engine/ports/store.js';
import { migrate } from './migrate.js';
import { migrations as defaultMigrations, type Migration } from './migrations/index.js';

const SQLITE_HEADER = 'SQLite format 3\u0000';

/** An open, migrated database and what it took to get there. */
export interface OpenedDatabase {
  readonly db: Db;
  readonly report: StoreOpenReport;
}

/** Options for {@link openDatabase}. */
export interface OpenDatabaseOptions {
  readonly migrations?: readonly Migration[];
  readonly now?: () => number;
}

/**
 * Opens (or creates) the database at `path` in WAL mode with `synchronous=FULL`, checks it and
 * migrates it. A file that is not SQLite, truncated, malformed or fails to migrate is moved aside
 * as `<path>.corrupt-<UTC time>` (kept for the record) and a fresh database is created, so the
 * app always starts; the report says what happened. A migration that fails (a bug, not damage)
 * throws and leaves the file untouched.
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): OpenedDatabase {
  const now = options.now ?? Date.now;
  const list = options.migrations ?? defaultMigrations;
  mkdirSync(dirname(path), { recursive: true });
  const existed = existsSync(path) && statSync(path).size > 0;
  let db: Db;
  let report: StoreOpenReport;
  try {
    if (existed) assertSqliteHeader(path);
    db = openVerified(path);
    report = existed ? { kind: 'opened', path } : { kind: 'created', path };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const movedTo = moveAside(path, now());
    db = openVerified(path);
    report = { kind: 'recovered', path, movedTo, reason };
  }
  // A failing migration is a bug in this version, not a damaged file: the file is left as it
  // was (each migration is its own transaction) and the error goes up, rather than moving the
  // user's record aside.
  try {
    const outcome = migrate(db, list, now);
    if (report.kind === 'opened' && outcome.applied.length > 0) {
      report = { ...report, migratedFrom: outcome.from, migratedTo: outcome.to };
    }
  } catch (error) {
    db.close();
    throw error;
  }
  return { db, report };
}

/** Opens with our pragmas and a quick integrity check; throws when the file is damaged. */
function openVerified(path: string): Db {
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`integrity check failed: ${String(check)}`);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function assertSqliteHeader(path: string): void {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(16);
    const read = readSync(fd, buffer, 0, 16, 0);
    if (read < 16 || buffer.toString('latin1') !== SQLITE_HEADER) throw new Error('not a SQLite database file');
  } finally {
    closeSync(fd);
  }
}

/** Moves the database and its WAL/SHM files aside; returns the new name of the main file. */
function moveAside(path: string, at: number): string {
  const stamp = new Date(at).toISOString().replace(/[:.]/gu, '-');
  let target = `${path}.corrupt-${stamp}`;
  for (let n = 2; existsSync(target); n += 1) target = `${path}.corrupt-${stamp}-${n}`;
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, target + suffix);
  }
  if (existsSync(path)) renameSync(path, target);
  return target;
}
