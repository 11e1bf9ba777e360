/**
 * Reading what can still be read out of a damaged database, table by table and row by row,
 * into a fresh one (the idea of sqlite3's `.recover`, done with plain queries). A damaged page
 * ends a scan; the scan then restarts past it, so rows after a bad page are kept too.
 */
import type { Database as Db } from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { openForReading, openReadOnlyCopy } from './read-only-copy.js';

/** Tables the runner owns; the fresh database has its own. */
const SKIPPED = new Set(['schema_migrations', 'sqlite_sequence']);
/** How many times a scan may jump past a damaged page before giving up on the table. */
const MAX_JUMPS = 24;

function tableNames(db: Db): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((row) => row.name);
}

function columnNames(db: Db, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((row) => row.name);
}

const quote = (name: string): string => `"${name.replace(/"/gu, '""')}"`;

/** Copies readable rows of one table; returns how many went in. */
function salvageTable(source: Db, target: Db, table: string): number {
  const wanted = columnNames(target, table);
  const present = new Set(columnNames(source, table));
  const columns = wanted.filter((name) => present.has(name));
  if (columns.length === 0) return 0;
  const list = columns.map(quote).join(', ');
  const read = source.prepare(`SELECT rowid AS "__rowid", ${list} FROM ${quote(table)} WHERE rowid > ? ORDER BY rowid`);
  const write = target.prepare(`INSERT OR IGNORE INTO ${quote(table)} (${list}) VALUES (${columns.map(() => '?').join(', ')})`);
  let copied = 0;
  let after = Number.MIN_SAFE_INTEGER;
  let jump = 1;
  for (let attempt = 0; attempt <= MAX_JUMPS; attempt += 1) {
    try {
      for (const row of read.raw().iterate(after) as Iterable<unknown[]>) {
        after = Number(row[0]);
        copied += write.run(...row.slice(1)).changes;
      }
      return copied;
    } catch {
      // A damaged page: skip ahead (further each time) and read on from there.
      if (after === Number.MIN_SAFE_INTEGER) after = 0;
      after += jump;
      jump *= 4;
    }
  }
  return copied;
}

/**
 * Copies every readable row of the damaged file at `damagedPath` into `target` (already
 * migrated). Returns rows copied by table; an empty object when nothing could be read.
 */
export function salvageInto(damagedPath: string, target: Db): Record<string, number> {
  let source: Db;
  try {
    // A memory copy leaves no -shm/-wal beside the damaged file; only a WAL with changes in it
    // is worth opening in place for.
    source = existsSync(`${damagedPath}-wal`) && statSync(`${damagedPath}-wal`).size > 0 ? openForReading(damagedPath, 0).db : openReadOnlyCopy(damagedPath);
  } catch {
    return {}; // not even the header can be read: nothing to save
  }
  const counts: Record<string, number> = {};
  try {
    let tables: string[];
    try {
      tables = tableNames(source);
    } catch {
      return counts; // the schema page itself is damaged
    }
    const wanted = new Set(tableNames(target));
    // Rows whose parent row was lost are still the user's record: keep them.
    target.pragma('foreign_keys = OFF');
    for (const table of tables) {
      if (SKIPPED.has(table) || !wanted.has(table)) continue;
      try {
        const copied = target.transaction(() => salvageTable(source, target, table))();
        if (copied > 0) counts[table] = copied;
      } catch {
        // the table's definition is unreadable: go on with the next one
      }
    }
  } finally {
    target.pragma('foreign_keys = ON');
    source.close();
  }
  return counts;
}
