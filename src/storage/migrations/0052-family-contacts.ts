import type { Migration } from './types.js';

/**
 * Family contacts, family-alert settings (mail server, device name, time zone) and the guard's
 * running marker (one row) used to notice an unexpected stop at the next start.
 */
export const migration0052: Migration = {
  version: 52,
  name: 'family-contacts',
  up(db) {
    db.exec(`
      CREATE TABLE family_contacts (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        language TEXT NOT NULL CHECK (language IN ('ja', 'en')),
        email TEXT,
        webhook_url TEXT,
        webhook_mode TEXT CHECK (webhook_mode IN ('json', 'ntfy')),
        triggers TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE family_settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE TABLE guard_heartbeat (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        state TEXT NOT NULL CHECK (state IN ('running', 'stopped')),
        started_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL
      );
    `);
  },
};
