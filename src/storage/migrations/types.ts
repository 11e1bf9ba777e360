import type { Database } from 'better-sqlite3';

/**
 * One schema change. `version` is the number in the file name (`0001-initial.ts` → 1); the runner
 * records each applied version in `schema_migrations`, so a version added later with a lower
 * number than one already applied still runs.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  /** Runs inside a transaction opened by the runner; throw to roll back. */
  up(db: Database): void;
}
