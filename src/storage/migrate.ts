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

/**
 * Applies every migration not yet recorded in `schema_migrations`, lowest version first, each in
 * its own transaction. Throws (and leaves earlier ones applied) if one fails.
 */
export function migrate(db: Database, list: readonly Migration[], now: () => number = Date.now): MigrationOutcome {
  const sorted = [...list].sort((a, b) => a.version - b.version);
  for (let i = 1; i < sorted.length; i += 1) {
    const previous = sorted[i - 1];
    const current = sorted[i];
    if (previous !== undefined && current !== undefined && previous.version === current.version) {
      throw new Error(`Two migrations have version ${current.version}: ${previous.name}, ${current.name}`);
    }
  }
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
  const done = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((row) => row.version),
  );
  const from = done.size === 0 ? 0 : Math.max(...done);
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const applied: number[] = [];
  for (const migration of sorted) {
    if (done.has(migration.version)) continue;
    db.transaction(() => {
      migration.up(db);
      record.run(migration.version, migration.name, now());
    })();
    applied.push(migration.version);
  }
  const all = [...done, ...applied];
  return { from, to: all.length === 0 ? 0 : Math.max(...all), applied };
}
