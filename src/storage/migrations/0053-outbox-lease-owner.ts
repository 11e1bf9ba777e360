import type { Migration } from './types.js';

/**
 * Who holds an outbox lease (`{"pid":…,"started":…}`), so a lease ends with its process: when
 * the holder was killed, the next worker takes the item over at once instead of waiting.
 */
export const migration0053: Migration = {
  version: 53,
  name: 'outbox-lease-owner',
  up(db) {
    db.exec('ALTER TABLE family_outbox ADD COLUMN lease_owner TEXT');
  },
};
