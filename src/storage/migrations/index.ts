/**
 * Every schema migration, in order. To add one:
 *   1. create `src/storage/migrations/NNNN-what-it-does.ts` exporting a {@link Migration}
 *      whose `version` is NNNN (0001–0049: incident store; 0050+: family alerts — outbox and
 *      scam numbers; pick the next free number in your range);
 *   2. import it here and append it to {@link migrations}.
 * Never edit a migration that has shipped: add a new one. Each runs once, in its own
 * transaction, and is recorded in `schema_migrations` (see ../migrate.ts).
 */
import type { Migration } from './types.js';
import { migration0001 } from './0001-initial.js';
import { migration0050 } from './0050-family-outbox.js';
import { migration0051 } from './0051-scam-numbers.js';
import { migration0052 } from './0052-family-contacts.js';
import { migration0053 } from './0053-outbox-lease-owner.js';

export type { Migration } from './types.js';

/** Applied in ascending `version` order (the runner sorts and rejects duplicates). */
export const migrations: readonly Migration[] = [migration0001, migration0050, migration0051, migration0052, migration0053];
