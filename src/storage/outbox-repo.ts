/**
 * The family-alert outbox on better-sqlite3 (table `family_outbox`, migration 0050). Each
 * method is a single statement committed before it returns (WAL, synchronous=FULL), so an alert
 * written here survives kill -9 and power loss. Also the query History uses for delivery status.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { LeaseOwner, NewOutboxItem, OutboxItem, OutboxState, OutboxStore, OutboxTarget, SendErrorCode } from '../engine/ports/notify.js';

interface OutboxRow {
  id: number;
  idempotency_key: string;
  alert_id: string;
  event: string;
  contact_id: string;
  contact_name: string;
  channel: string;
  target: string;
  language: string;
  subject: string;
  body: string;
  event_at: string;
  created_at: number;
  state: OutboxState;
  attempts: number;
  next_attempt_at: number;
  delivered_at: number | null;
  last_error_code: string | null;
  last_error_message: string | null;
  last_error_at: number | null;
}

/** One line of delivery status for History: no addresses, URLs or message bodies. */
export interface OutboxStatusView {
  readonly id: number;
  readonly alertId: string;
  readonly event: string;
  readonly contactName: string;
  readonly channel: OutboxTarget['channel'];
  readonly subject: string;
  readonly state: OutboxState;
  readonly attempts: number;
  readonly createdAt: number;
  readonly nextAttemptAt?: number;
  readonly deliveredAt?: number;
  readonly lastError?: { readonly code: SendErrorCode; readonly message: string; readonly at: number };
}

function toItem(row: OutboxRow): OutboxItem {
  const target = JSON.parse(row.target) as OutboxTarget;
  return {
    id: row.id,
    idempotencyKey: row.idempotency_key,
    alertId: row.alert_id,
    event: row.event,
    contactId: row.contact_id,
    contactName: row.contact_name,
    target,
    language: row.language,
    subject: row.subject,
    text: row.body,
    at: row.event_at,
    createdAt: row.created_at,
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    ...(row.delivered_at !== null ? { deliveredAt: row.delivered_at } : {}),
    ...(row.last_error_code !== null && row.last_error_at !== null
      ? { lastError: { code: row.last_error_code as SendErrorCode, message: row.last_error_message ?? '', at: row.last_error_at } }
      : {}),
  };
}

/** Strips what History must not show (address, URL, body). */
export function toStatusView(item: OutboxItem): OutboxStatusView {
  return {
    id: item.id,
    alertId: item.alertId,
    event: item.event,
    contactName: item.contactName,
    channel: item.target.channel,
    subject: item.subject,
    state: item.state,
    attempts: item.attempts,
    createdAt: item.createdAt,
    ...(item.state === 'pending' ? { nextAttemptAt: item.nextAttemptAt } : {}),
    ...(item.deliveredAt !== undefined ? { deliveredAt: item.deliveredAt } : {}),
    ...(item.lastError !== undefined ? { lastError: item.lastError } : {}),
  };
}

/** Who this store leases as, and how to tell whether another holder still runs. */
export interface LeaseIdentity {
  readonly owner: LeaseOwner;
  /** True while that process runs; the platform reads it from the OS (see process-lease.ts). */
  readonly isAlive: (owner: LeaseOwner) => boolean;
}

/** Without an identity, leases only end by running out (the behaviour tests of timing rely on). */
const ANONYMOUS: LeaseIdentity = { owner: { pid: 0, started: '' }, isAlive: () => true };

function parseOwner(text: string | null): LeaseOwner | undefined {
  if (text === null) return undefined;
  try {
    const value = JSON.parse(text) as { pid?: unknown; started?: unknown };
    return typeof value.pid === 'number' && typeof value.started === 'string' ? { pid: value.pid, started: value.started } : undefined;
  } catch {
    return undefined; // an unreadable owner is treated like no owner: the lease runs out as before
  }
}

/** {@link OutboxStore} on the incident database. */
export class SqliteOutboxStore implements OutboxStore {
  private readonly insert: Statement;
  private readonly selectDue: Statement;
  private readonly selectAllPending: Statement;
  private readonly delivered: Statement;
  private readonly failed: Statement;
  private readonly expired: Statement;

  private readonly ownerText: string;
  /** Lease statements use a column from migration 53; a read-only older file lacks it until they run. */
  private leaseStatements: { claim: Statement; extend: Statement; select: Statement } | undefined;

  constructor(
    private readonly db: Database,
    private readonly identity: LeaseIdentity = ANONYMOUS,
  ) {
    this.ownerText = JSON.stringify(identity.owner);
    this.insert = db.prepare(
      `INSERT OR IGNORE INTO family_outbox
        (idempotency_key, alert_id, event, contact_id, contact_name, channel, target, language, subject, body, event_at, created_at, next_attempt_at)
       VALUES (@key, @alertId, @event, @contactId, @contactName, @channel, @target, @language, @subject, @body, @at, @createdAt, @createdAt)`,
    );
    this.selectDue = db.prepare(
      `SELECT * FROM family_outbox WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?`,
    );
    this.selectAllPending = db.prepare(`SELECT * FROM family_outbox WHERE state = 'pending' ORDER BY next_attempt_at, id LIMIT ?`);

    this.delivered = db.prepare(
      `UPDATE family_outbox SET state = 'delivered', delivered_at = ?, lease_until = 0 WHERE id = ? AND state = 'pending'`,
    );
    this.failed = db.prepare(
      `UPDATE family_outbox SET next_attempt_at = @next, lease_until = 0,
         last_error_code = @code, last_error_message = @message, last_error_at = @at
       WHERE id = @id AND state = 'pending'`,
    );
    this.expired = db.prepare(
      `UPDATE family_outbox SET state = 'expired', lease_until = 0, last_error_at = COALESCE(last_error_at, ?) WHERE id = ? AND state = 'pending'`,
    );
  }

  enqueue(items: readonly NewOutboxItem[]): boolean[] {
    return this.db.transaction(() => items.map((item) => this.insertOne(item)))();
  }

  private insertOne(item: NewOutboxItem): boolean {
    const info = this.insert.run({
      key: item.idempotencyKey,
      alertId: item.alertId,
      event: item.event,
      contactId: item.contactId,
      contactName: item.contactName,
      channel: item.target.channel,
      target: JSON.stringify(item.target),
      language: item.language,
      subject: item.subject,
      body: item.text,
      at: item.at,
      createdAt: item.createdAt,
    });
    return info.changes === 1;
  }

  due(now: number, options: { readonly limit?: number; readonly ignoreSchedule?: boolean } = {}): OutboxItem[] {
    const limit = options.limit ?? 100;
    const rows = (options.ignoreSchedule === true ? this.selectAllPending.all(limit) : this.selectDue.all(now, limit)) as OutboxRow[];
    return rows.map(toItem);
  }

  private lease(): { claim: Statement; extend: Statement; select: Statement } {
    this.leaseStatements ??= {
      // Compare-and-swap: the lease is free (ran out), or still held by the dead owner we saw.
      claim: this.db.prepare(
        `UPDATE family_outbox SET lease_until = @until, lease_owner = @owner, attempts = attempts + 1
         WHERE id = @id AND state = 'pending' AND (lease_until <= @now OR (@deadOwner IS NOT NULL AND lease_owner = @deadOwner))`,
      ),
      extend: this.db.prepare(`UPDATE family_outbox SET lease_until = @until WHERE id = @id AND state = 'pending' AND lease_owner = @owner`),
      select: this.db.prepare('SELECT lease_until, lease_owner FROM family_outbox WHERE id = ?'),
    };
    return this.leaseStatements;
  }

  claim(id: number, now: number, until: number): boolean {
    const lease = this.lease().select.get(id) as { lease_until: number; lease_owner: string | null } | undefined;
    let deadOwner: string | null = null;
    if (lease !== undefined && lease.lease_until > now && lease.lease_owner !== null && lease.lease_owner !== this.ownerText) {
      const holder = parseOwner(lease.lease_owner);
      if (holder !== undefined && !this.identity.isAlive(holder)) deadOwner = lease.lease_owner;
    }
    return this.lease().claim.run({ id, now, until, owner: this.ownerText, deadOwner }).changes === 1;
  }

  extendLease(id: number, until: number): boolean {
    return this.lease().extend.run({ id, until, owner: this.ownerText }).changes === 1;
  }

  markDelivered(id: number, at: number): void {
    this.delivered.run(at, id);
  }

  markFailed(id: number, failure: { readonly at: number; readonly code: SendErrorCode; readonly message: string; readonly nextAttemptAt: number }): void {
    this.failed.run({ id, next: failure.nextAttemptAt, code: failure.code, message: failure.message.slice(0, 300), at: failure.at });
  }

  markExpired(id: number, at: number): void {
    this.expired.run(at, id);
  }

  nextDueAt(): number | undefined {
    const rows = this.db.prepare(`SELECT next_attempt_at, lease_until, lease_owner FROM family_outbox WHERE state = 'pending'`).all() as {
      next_attempt_at: number;
      lease_until: number;
      lease_owner: string | null;
    }[];
    let next: number | undefined;
    for (const row of rows) {
      // A lease held by a process that is gone does not delay the item.
      const holder = parseOwner(row.lease_owner);
      const leased = holder !== undefined && row.lease_owner !== this.ownerText && !this.identity.isAlive(holder) ? 0 : row.lease_until;
      const due = Math.max(row.next_attempt_at, leased);
      next = next === undefined ? due : Math.min(next, due);
    }
    return next;
  }

  list(options: { readonly limit?: number; readonly state?: OutboxState } = {}): OutboxItem[] {
    const limit = options.limit ?? 50;
    const rows = (
      options.state === undefined
        ? this.db.prepare('SELECT * FROM family_outbox ORDER BY created_at DESC, id DESC LIMIT ?').all(limit)
        : this.db.prepare('SELECT * FROM family_outbox WHERE state = ? ORDER BY created_at DESC, id DESC LIMIT ?').all(options.state, limit)
    ) as OutboxRow[];
    return rows.map(toItem);
  }

  /** Delivery status for History (newest first), without addresses, URLs or bodies. */
  statusForHistory(options: { readonly limit?: number; readonly since?: number } = {}): OutboxStatusView[] {
    const since = options.since ?? 0;
    const rows = this.db
      .prepare('SELECT * FROM family_outbox WHERE created_at >= ? ORDER BY created_at DESC, id DESC LIMIT ?')
      .all(since, options.limit ?? 50) as OutboxRow[];
    return rows.map((row) => toStatusView(toItem(row)));
  }

  /** Counts by state, for a one-line summary. */
  counts(): Record<OutboxState, number> {
    const result: Record<OutboxState, number> = { pending: 0, delivered: 0, expired: 0 };
    for (const row of this.db.prepare('SELECT state, COUNT(*) AS n FROM family_outbox GROUP BY state').all() as { state: OutboxState; n: number }[]) {
      result[row.state] = row.n;
    }
    return result;
  }
}
