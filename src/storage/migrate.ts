import type { Database } from 'better-sqlite3';
import type { Migration } from './migrations/index.js';

/** What the runner did. */
export interface MigrationOutcome {
  /** Highest version applied before this run (0 for a new database). */
  readonly from: number;
  /** Highest version applied after this run. */
  readonly to: number;
  readonly applied: readonly number[];
}

/** Whether this version may write to the database, judged before any migration runs. */
export type SchemaCheck =
  | { readonly kind: 'ok' }
  /** A newer ScareStop wrote it: writing could damage what that version expects. */
  | { readonly kind: 'newer-version'; readonly found: number; readonly known: number }
  /** Tables exist but the list of applied migrations is gone: which changes ran is unknown. */
  | { readonly kind: 'no-version-table' };

function sortedChecked(list: readonly Migration[]): Migration[] {
  const sorted = [...list].sort((a, b) => a.version - b.version);
  for (let i = 1; i < sorted.length; i += 1) {
    const previous = sorted[i - 1];
    const current = sorted[i];
    if (previous !== undefined && current !== undefined && previous.version === current.version) {
      throw new Error(`Two migrations have version ${current.version}: ${previous.name}, ${current.name}`);
    }
  }
  return sorted;
}

function hasTable(db: Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

function appliedVersions(db: Database): Set<number> {
  return new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((row) => row.version));
}

/** Reads (never writes) whether the schema is one this version may migrate and write. */
export function checkSchema(db: Database, list: readonly Migration[]): SchemaCheck {
  const known = Math.max(0, ...list.map((migration) => migration.version));
  if (!hasTable(db, 'schema_migrations')) {
    const userTables = db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").get() as { n: number };
    return userTables.n > 0 ? { kind: 'no-version-table' } : { kind: 'ok' };
  }
  const found = Math.max(0, ...appliedVersions(db));
  return found > known ? { kind: 'newer-version', found, known } : { kind: 'ok' };
}

/**
 * Applies every migration not yet recorded in `schema_migrations`, lowest version first, each in
 * its own `BEGIN IMMEDIATE` transaction that first re-reads what is applied: several processes
 * starting at once on a new file wait for each other (busy_timeout) instead of each creating the
 * same tables. Throws (and leaves earlier ones applied) if one fails.
 */
export function migrate(db: Database, list: readonly Migration[], now: () => number = Date.now): MigrationOutcome {
  const sorted = sortedChecked(list);
  const before = db
    .transaction(() => {
      db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
      return appliedVersions(db);
    })
    .immediate();
  const from = before.size === 0 ? 0 : Math.max(...before);
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const applied: number[] = [];
  for (const migration of sorted) {
    if (before.has(migration.version)) continue;
    const ran = db
      .transaction(() => {
        // Another process may have applied it while this one waited for the lock.
        if (db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(migration.version) !== undefined) return false;
        migration.up(db);
        record.run(migration.version, migration.name, now());
        return true;
      })
      .immediate();
    if (ran) applied.push(migration.version);
  }
  const all = appliedVersions(db);
  return { from, to: all.size === 0 ? 0 : Math.max(...all), applied };
}
