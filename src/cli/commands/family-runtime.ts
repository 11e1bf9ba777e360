/**
 * Opens what the family and number commands need: the incident store and the family tables.
 * The Electron main process wires the same pieces (see the family-alerts report).
 */
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { FamilyAlerts } from '../../engine/family/family-alerts.js';
import type { DataFolderAccess } from '../../engine/family/secret-keeping.js';
import type { SecretSealer } from '../../engine/ports/secrets.js';
import { systemClock } from '../../engine/watch/system-clock.js';
import { createFamilyAlerts } from '../../platform/net/family-alerts-factory.js';
import type { FamilySenderOptions } from '../../platform/net/family-senders.js';
import { dataHome, secretSealer } from '../../platform/index.js';
import { currentLeaseOwner, leaseOwnerAlive } from '../../platform/process-lease.js';
import { SqliteContactStore, SqliteFamilySettings, SqliteHeartbeatStore } from '../../storage/contacts-repo.js';
import { storeNotice } from '../../engine/incident/store-notice.js';
import { openIncidentStore } from '../../storage/index.js';
import { SqliteOutboxStore } from '../../storage/outbox-repo.js';
import { writeLine, type CliIo } from '../io.js';

/** The open store and the family pieces on it. Call `close()` when done. */
export interface FamilyRuntime {
  readonly contacts: SqliteContactStore;
  readonly outbox: SqliteOutboxStore;
  readonly settings: SqliteFamilySettings;
  readonly heartbeat: SqliteHeartbeatStore;
  readonly alerts: FamilyAlerts;
  readonly database: ReturnType<typeof openIncidentStore>['database'];
  /** How the password and webhook addresses are kept on this OS. */
  readonly secrets: SecretSealer;
  close(): void;
}

/** Whether other users can read the data folder or the database file (group/other bits). */
export function dataFolderAccess(databaseFile: string): DataFolderAccess {
  const folder = dirname(databaseFile);
  const othersCanRead = [folder, databaseFile].some((path) => (statSync(path).mode & 0o077) !== 0);
  return { folder, ownerOnly: !othersCanRead };
}

/** Sender timeouts from the environment (tests shorten them); defaults otherwise. */
export function senderOptions(env: NodeJS.ProcessEnv): FamilySenderOptions {
  const ms = Number(env['SCARESTOP_NET_TIMEOUT_MS']);
  if (!Number.isFinite(ms) || ms <= 0) return {};
  return { webhookTimeoutMs: ms, smtp: { connectionTimeoutMs: ms, greetingTimeoutMs: ms, socketTimeoutMs: ms, totalTimeoutMs: ms * 3 } };
}

/** Opens the store in the data folder; says so on stderr if a damaged one was moved aside. */
export function openFamilyRuntime(io: CliIo, command: string): FamilyRuntime {
  const store = openIncidentStore({ dataHome: dataHome(io.env) });
  const notice = storeNotice(store.openReport, 'en');
  if (notice !== undefined) writeLine(io.stderr, `scarestop ${command}: ${notice}`);
  const db = store.database;
  const secrets = secretSealer();
  const contacts = new SqliteContactStore(db, secrets);
  const outbox = new SqliteOutboxStore(db, { owner: currentLeaseOwner(), isAlive: (owner) => leaseOwnerAlive(owner) });
  const settings = new SqliteFamilySettings(db, secrets);
  const heartbeat = new SqliteHeartbeatStore(db);
  const alerts = createFamilyAlerts(db, { clock: systemClock, senders: senderOptions(io.env), secrets });
  return { contacts, outbox, settings, heartbeat, alerts, database: db, secrets, close: () => store.close() };
}
