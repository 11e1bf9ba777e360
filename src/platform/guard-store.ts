/**
 * The store side of the guard's ports, opened the same way for both front doors (the tray app's
 * services and `scarestop watch` / `close-now`): the incident store, the known scam-number
 * lookup and, when asked for, family alerts over the same database.
 */
import type { GuardPorts } from '../engine/guard/index.js';
import type { Clock, Logger } from '../engine/ports.js';
import { openIncidentStore, type SqliteIncidentStore } from '../storage/index.js';
import { loadKnownNumberLookup } from '../storage/numbers-repo.js';
import { createFamilyAlerts, type FamilyAlertsOptions } from './net/family-alerts-factory.js';

/** Where and how to open the store. */
export interface GuardStoreOptions {
  readonly dataHome: string;
  readonly clock: Clock;
  readonly logger?: Logger;
  /** Family alerts over the store (the app: with the guard marker); left out: none. */
  readonly family?: Omit<FamilyAlertsOptions, 'clock' | 'logger'>;
}

/** The open store and the guard's ports on it; `close()` when the guard has stopped. */
export interface GuardStore {
  readonly store: SqliteIncidentStore;
  readonly ports: Pick<GuardPorts, 'store' | 'isKnownScamNumber' | 'family'>;
  close(): void;
}

/** Opens the incident store in `dataHome` (throws when it cannot be opened at all). */
export function openGuardStore(options: GuardStoreOptions): GuardStore {
  const { clock, logger } = options;
  const store = openIncidentStore({ dataHome: options.dataHome, now: () => clock.now() });
  if (store.openReport.kind === 'recovered') {
    logger?.warn('the incident database was unreadable; it was moved aside and a fresh one was started', { movedTo: store.openReport.movedTo, reason: store.openReport.reason });
  }
  let isKnownScamNumber: GuardPorts['isKnownScamNumber'];
  try {
    // A number from the public scam-number table on the page is a strong signal ("do not call").
    isKnownScamNumber = loadKnownNumberLookup(store.database);
  } catch (error) {
    logger?.warn('scam-number table unavailable', { error: String(error) });
  }
  const family = options.family === undefined ? undefined : createFamilyAlerts(store.database, { ...options.family, clock, ...(logger !== undefined ? { logger } : {}) });
  return {
    store,
    ports: { store, ...(isKnownScamNumber !== undefined ? { isKnownScamNumber } : {}), ...(family !== undefined ? { family } : {}) },
    close: () => store.close(),
  };
}
