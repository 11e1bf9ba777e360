import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { StoreOpenReport, StoreReadOnlyReason } from '../engine/ports/store.js';
import { checkSchema, migrate } from './migrate.js';
import { migrations as defaultMigrations, type Migration } from './migrations/index.js';
import { classifyOpenError, DamagedDatabaseError, errorCode, StoreUnavailableError, type OpenTrouble } from './open-errors.js';
import { openForReading } from './read-only-copy.js';
import { salvageInto } from './salvage.js';

export { StoreUnavailableError } from './open-errors.js';

const SQLITE_HEADER = 'SQLite format 3\u0000';
/** The data folder and the files in it hold contacts and a mail password: owner only. */
const FOLDER_MODE = 0o700;
const FILE_MODE = 0o600;

/** An open, migrated database and what it took to get there. */
export interface OpenedDatabase {
  readonly db: Db;
  readonly report: StoreOpenReport;
}

/** Options for {@link openDatabase}. */
export interface OpenDatabaseOptions {
  readonly migrations?: readonly Migration[];
  readonly now?: () => number;
  /** How long to wait for another process's lock before giving up (default 5 s). */
  readonly busyTimeoutMs?: number;
}

/**
 * Opens (or creates) the database at `path` in WAL mode with `synchronous=FULL`, checks it and
 * migrates it under a write lock. What goes wrong is sorted first (see open-errors.ts):
 * - real damage (not SQLite, malformed, failed integrity check): what can be read is copied into
 *   a fresh file, the damaged one is kept as `<path>.corrupt-<UTC time>`, and the report says so;
 * - a full disk, a read-only folder, a lock held elsewhere, a newer or unknown schema: the file is
 *   opened for reading only and left exactly as it was (report `read-only`); when not even that
 *   works, {@link StoreUnavailableError} is thrown. These never rename anything.
 * A migration that fails for another reason (a bug, not damage) throws and leaves the file as it was.
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): OpenedDatabase {
  const now = options.now ?? Date.now;
  const list = options.migrations ?? defaultMigrations;
  const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
  const folder = dirname(path);
  prepareFolder(folder, path);
  const existed = existsSync(path) && statSync(path).size > 0;
  let db: Db;
  try {
    if (existed) assertSqliteHeader(path);
    db = openWritable(path, busyTimeoutMs);
  } catch (error) {
    const trouble = classifyOpenError(error, folder);
    if (trouble === 'corrupt') return recoverDamaged(path, error, { now, list, busyTimeoutMs });
    return openReadOnly(path, readOnlyReason(trouble), error, busyTimeoutMs);
  }
  if (db.readonly) {
    // SQLite quietly fell back to reading only (a read-only mount): say so rather than fail later.
    db.close();
    return openReadOnly(path, 'cannot-write', new Error('opened read-only by SQLite'), busyTimeoutMs);
  }
  protectFiles(path);
  const schema = checkSchema(db, list);
  if (schema.kind !== 'ok') {
    db.close();
    const detail = schema.kind === 'newer-version' ? `schema ${schema.found} > ${schema.known}` : 'schema_migrations missing';
    return openReadOnly(path, schema.kind, new Error(detail), busyTimeoutMs);
  }
  let report: StoreOpenReport = existed ? { kind: 'opened', path } : { kind: 'created', path };
  try {
    const outcome = migrate(db, list, now);
    if (report.kind === 'opened' && outcome.applied.length > 0) report = { ...report, migratedFrom: outcome.from, migratedTo: outcome.to };
  } catch (error) {
    db.close();
    // A full disk or a lock held too long: keep the file as it is and show it read-only. Any other
    // failure is a bug in this version, not damage: the error goes up and the file stays.
    const trouble = classifyOpenError(error, folder);
    if (trouble === 'busy' || trouble === 'no-space' || trouble === 'cannot-write') return openReadOnly(path, trouble, error, busyTimeoutMs);
    throw error;
  }
  return { db, report };
}

function readOnlyReason(trouble: Exclude<OpenTrouble, 'corrupt'>): StoreReadOnlyReason {
  return trouble === 'io-error' ? 'cannot-write' : trouble;
}

/** Opens with our pragmas and a quick integrity check; throws when the file is damaged or locked. */
function openWritable(path: string, busyTimeoutMs: number): Db {
  if (!existsSync(path)) closeSync(openSync(path, 'a', FILE_MODE)); // SQLite gives -wal/-shm the same mode
  const db = new Database(path, { timeout: busyTimeoutMs });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new DamagedDatabaseError(`integrity check failed: ${String(check)}`);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Shows the file without changing it; throws {@link StoreUnavailableError} when it cannot be read. */
function openReadOnly(path: string, reason: StoreReadOnlyReason, cause: unknown, busyTimeoutMs: number): OpenedDatabase {
  if (!existsSync(path) || statSync(path).size === 0) throw new StoreUnavailableError(reason, path, { cause });
  try {
    const { db, copy } = openForReading(path, busyTimeoutMs);
    const detail = errorCode(cause) || (cause instanceof Error ? cause.message : String(cause));
    return { db, report: { kind: 'read-only', path, reason, detail, copy } };
  } catch (error) {
    throw new StoreUnavailableError(reason, path, { cause: error });
  }
}

/**
 * Real damage: builds a fresh database beside the damaged one, copies every readable row into
 * it, then moves the damaged file aside (kept) and puts the fresh one in its place.
 */
function recoverDamaged(path: string, damage: unknown, options: { now: () => number; list: readonly Migration[]; busyTimeoutMs: number }): OpenedDatabase {
  const reason = damage instanceof Error ? damage.message : String(damage);
  const fresh = `${path}.salvage-${process.pid}`;
  removeWithSidecars(fresh);
  let salvaged: Record<string, number>;
  try {
    const target = openWritable(fresh, options.busyTimeoutMs);
    try {
      migrate(target, options.list, options.now);
      salvaged = salvageInto(path, target);
    } finally {
      target.close();
    }
  } catch (error) {
    removeWithSidecars(fresh);
    throw new StoreUnavailableError(classifyOpenError(error, dirname(path)), path, { cause: error });
  }
  const movedTo = moveAside(path, options.now());
  renameSync(fresh, path);
  const db = openWritable(path, options.busyTimeoutMs);
  protectFiles(path);
  return { db, report: { kind: 'recovered', path, movedTo, reason, salvaged } };
}

function removeWithSidecars(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
}

/** Makes the data folder (owner only). A folder that cannot be made is reported, not renamed. */
function prepareFolder(folder: string, path: string): void {
  try {
    mkdirSync(folder, { recursive: true, mode: FOLDER_MODE });
  } catch (error) {
    throw new StoreUnavailableError(classifyOpenError(error, folder), path, { cause: error });
  }
  tryChmod(folder, FOLDER_MODE);
}

/** Owner-only modes on the database files (earlier versions left them world-readable). */
function protectFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) tryChmod(path + suffix, FILE_MODE);
}

/** chmod that never fails the open: a read-only or foreign-owned file keeps its mode. */
function tryChmod(path: string, mode: number): boolean {
  try {
    if (existsSync(path) && (statSync(path).mode & 0o777) !== mode) chmodSync(path, mode);
    return true;
  } catch {
    return false; // EROFS/EPERM: the mode stays as it was; opening goes on
  }
}

function assertSqliteHeader(path: string): void {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(16);
    const read = readSync(fd, buffer, 0, 16, 0);
    if (read < 16 || buffer.toString('latin1') !== SQLITE_HEADER) throw new DamagedDatabaseError('not a SQLite database file');
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
