import type { Migration } from './types.js';

/**
 * The family-alert outbox: one row per alert, contact and channel, written before any send.
 * `idempotency_key` is unique so the same alert is never queued twice; `lease_until` lets one
 * process at a time send a row; `target` is a JSON snapshot of the address or webhook.
 */
export const migration0050: Migration = {
  version: 50,
  name: 'family-outbox',
  up(db) {
    db.exec(`
      CREATE TABLE family_outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        idempotency_key TEXT NOT NULL UNIQUE,
        alert_id TEXT NOT NULL,
        event TEXT NOT NULL,
        contact_id TEXT NOT NULL,
        contact_name TEXT NOT NULL,
        channel TEXT NOT NULL CHECK (channel IN ('email', 'webhook')),
        target TEXT NOT NULL,
        language TEXT NOT NULL,
        subject TEXT NOT NULL,
        body TEXT NOT NULL,
        event_at TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'expired')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        lease_until INTEGER NOT NULL DEFAULT 0,
        delivered_at INTEGER,
        last_error_code TEXT,
        last_error_message TEXT,
        last_error_at INTEGER
      );
      CREATE INDEX family_outbox_due ON family_outbox (state, next_attempt_at);
      CREATE INDEX family_outbox_created ON family_outbox (created_at);
    `);
  },
};
