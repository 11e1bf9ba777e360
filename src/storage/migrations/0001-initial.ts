import type { Migration } from './types.js';

/** Incidents, their timeline, settings and the wizard's saved state. */
export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE incidents (
        id TEXT PRIMARY KEY,
        opened_at INTEGER NOT NULL,
        closed_at INTEGER,
        title TEXT NOT NULL
      );
      CREATE INDEX incidents_opened ON incidents (opened_at);

      -- id is chosen by the writer, so a write retried after a crash is ignored, not duplicated.
      CREATE TABLE events (
        id TEXT PRIMARY KEY,
        incident_id TEXT NOT NULL REFERENCES incidents (id),
        at INTEGER NOT NULL,
        kind TEXT NOT NULL,
        data TEXT NOT NULL,
        seq INTEGER NOT NULL
      );
      CREATE INDEX events_incident ON events (incident_id, seq);
      CREATE INDEX events_at ON events (at, kind);

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      );

      CREATE TABLE wizard_state (
        incident_id TEXT PRIMARY KEY REFERENCES incidents (id),
        seq INTEGER NOT NULL,
        state TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      );
    `);
  },
};
