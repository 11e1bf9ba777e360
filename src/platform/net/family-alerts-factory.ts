/**
 * Family alerts over the incident database, with the real SMTP/webhook senders: what the tray
 * app and `scarestop watch` / `scarestop family` all use.
 */
import type { Database } from 'better-sqlite3';
import { FamilyAlerts } from '../../engine/family/family-alerts.js';
import type { Clock, Logger } from '../../engine/ports.js';
import type { SecretSealer } from '../../engine/ports/secrets.js';
import { SqliteContactStore, SqliteFamilySettings, SqliteHeartbeatStore } from '../../storage/contacts-repo.js';
import { SqliteOutboxStore } from '../../storage/outbox-repo.js';
import { currentLeaseOwner, leaseOwnerAlive } from '../process-lease.js';
import { secretSealer } from '../index.js';
import { createFamilySenders, type FamilySenderOptions } from './family-senders.js';

/** Options: the guard marker is on for the long-running app, off for one-shot commands. */
export interface FamilyAlertsOptions {
  readonly clock: Clock;
  readonly logger?: Logger;
  readonly senders?: FamilySenderOptions;
  /** Write the running marker and report an unexpected stop of the previous run. */
  readonly guard?: boolean;
  /** How the password and webhook URLs are kept; default: this OS's way ({@link secretSealer}). */
  readonly secrets?: SecretSealer;
}

/** Builds {@link FamilyAlerts} on the open incident database. */
export function createFamilyAlerts(database: Database, options: FamilyAlertsOptions): FamilyAlerts {
  const secrets = options.secrets ?? secretSealer();
  return new FamilyAlerts({
    contacts: new SqliteContactStore(database, secrets),
    outbox: new SqliteOutboxStore(database, { owner: currentLeaseOwner(), isAlive: (owner) => leaseOwnerAlive(owner) }),
    settings: new SqliteFamilySettings(database, secrets),
    ...(options.guard === true ? { heartbeat: new SqliteHeartbeatStore(database) } : {}),
    clock: options.clock,
    ...(options.logger !== undefined ? { logger: options.logger } : {}),
    senders: (settings) => createFamilySenders(settings, options.senders),
  });
}
