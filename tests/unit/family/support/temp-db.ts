import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { openDatabase } from '../../../../src/storage/open.js';

/** A real migrated database file in a temp folder; `reopen` simulates a restart. */
export function tempDatabase(): { readonly path: string; db: Database; reopen(): Database; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'scarestop-family-'));
  const path = join(dir, 'scarestop.db');
  const handle = {
    path,
    db: openDatabase(path).db,
    reopen(): Database {
      handle.db.close();
      handle.db = openDatabase(path).db;
      return handle.db;
    },
    cleanup(): void {
      if (handle.db.open) handle.db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return handle;
}
