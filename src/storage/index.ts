/**
 * The incident store on disk. Main and the CLI call {@link openIncidentStore} once at start,
 * show `store.openReport` when it is `recovered`, and `close()` on exit.
 */
import { join } from 'node:path';
import { openDatabase } from './open.js';
import { SqliteIncidentStore } from './incident-store.js';
import type { Migration } from './migrations/index.js';

export { SqliteIncidentStore, newIncidentId } from './incident-store.js';
export { openDatabase } from './open.js';
export { defaultSettings, validateSetting } from './settings.js';

/** File name of the database inside the data folder. */
export const DATABASE_FILE = 'scarestop.db';

/** Options for {@link openIncidentStore}. */
export interface OpenIncidentStoreOptions {
  /** The data folder (`dataHome()` from src/platform). */
  readonly dataHome: string;
  readonly now?: () => number;
  /** Tests pass a shorter list to create an older schema. */
  readonly migrations?: readonly Migration[];
}

/**
 * Opens `<dataHome>/scarestop.db`, migrating it, or moving an unreadable one aside and starting
 * fresh. Never throws for a corrupt file; throws only when the folder itself cannot be written.
 */
export function openIncidentStore(options: OpenIncidentStoreOptions): SqliteIncidentStore {
  const opened = openDatabase(join(options.dataHome, DATABASE_FILE), {
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.migrations === undefined ? {} : { migrations: options.migrations }),
  });
  return new SqliteIncidentStore(opened.db, opened.report);
}
