import type { Migration } from './types.js';

/**
 * Known scam phone numbers, normalised to E.164. One row per number and source, so a number
 * reported by two warnings keeps both; `first_reported` is the source's date (YYYY-MM-DD).
 */
export const migration0051: Migration = {
  version: 51,
  name: 'scam-numbers',
  up(db) {
    db.exec(`
      CREATE TABLE scam_numbers (
        e164 TEXT NOT NULL,
        source TEXT NOT NULL,
        display TEXT NOT NULL,
        first_reported TEXT,
        note TEXT,
        origin TEXT NOT NULL,
        added_at INTEGER NOT NULL,
        PRIMARY KEY (e164, source)
      );
    `);
  },
};
