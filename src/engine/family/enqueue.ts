/**
 * Turns one event into outbox items: one per contact that wants this trigger, per channel,
 * each composed in the contact's language and written durably before any sending starts.
 */
import type { Clock } from '../ports/clock.js';
import type { NewOutboxItem, OutboxStore, OutboxTarget } from '../ports/notify.js';
import { triggerOf, type AlertEvent } from './alert-event.js';
import type { ContactStore, FamilyContact } from './contacts.js';
import { composeAlert, type ComposeContext } from './messages.js';

/** What enqueueing needs. */
export interface EnqueueDeps {
  readonly contacts: Pick<ContactStore, 'list'>;
  readonly outbox: Pick<OutboxStore, 'enqueue'>;
  readonly clock: Pick<Clock, 'now'>;
  readonly context?: ComposeContext;
}

/** How many items were written; `duplicates` were already in the outbox (same idempotency key). */
export interface EnqueueSummary {
  readonly alertId: string;
  readonly queued: number;
  readonly duplicates: number;
}

/**
 * A stable id for an event, so the same event reported twice (e.g. re-processed after a crash)
 * does not alert twice. Callers with their own event id (the incident store's) should pass it.
 */
export function defaultAlertId(event: AlertEvent): string {
  const parts: string[] = [event.kind, event.at];
  switch (event.kind) {
    case 'scam-page':
      parts.push(event.title ?? '', event.phone?.e164 ?? event.phone?.display ?? '');
      break;
    case 'remote-tool':
      parts.push(event.tool, event.action, event.session?.startedAt ?? '', event.session?.remoteId ?? '');
      break;
    case 'wizard-started':
    case 'guard-stopped':
      break;
  }
  // The time is kept readable so a hash collision could only merge events of the same kind in the
  // same second, never silently drop a different alert.
  const stamp = event.at.replace(/[^0-9]/g, '').slice(0, 14);
  return `${event.kind}-${stamp}-${fnv1a(parts.join('\u0000'))}`;
}

/** Writes the alert for every interested contact; returns once everything is durable. */
export function enqueueAlert(deps: EnqueueDeps, event: AlertEvent, alertId: string = defaultAlertId(event)): EnqueueSummary {
  const trigger = triggerOf(event);
  const items: NewOutboxItem[] = [];
  for (const contact of deps.contacts.list()) {
    if (!contact.triggers.includes(trigger)) continue;
    const composed = composeAlert(event, contact.language, deps.context);
    for (const target of targetsOf(contact)) {
      const item: NewOutboxItem = {
        idempotencyKey: `${alertId}/${contact.id}/${target.channel}`,
        alertId,
        event: event.kind,
        contactId: contact.id,
        contactName: contact.name,
        target,
        language: contact.language,
        subject: composed.subject,
        text: composed.text,
        at: event.at,
        createdAt: deps.clock.now(),
      };
      items.push(item);
    }
  }
  if (items.length === 0) return { alertId, queued: 0, duplicates: 0 };
  const added = deps.outbox.enqueue(items);
  const queued = added.filter(Boolean).length;
  return { alertId, queued, duplicates: added.length - queued };
}

/** The channels a contact has, as outbox targets. */
export function targetsOf(contact: FamilyContact): OutboxTarget[] {
  const targets: OutboxTarget[] = [];
  if (contact.email !== undefined) targets.push({ channel: 'email', address: contact.email });
  if (contact.webhook !== undefined) targets.push({ channel: 'webhook', url: contact.webhook.url, mode: contact.webhook.mode });
  return targets;
}

// 32-bit FNV-1a, hex: short, stable, no crypto needed for a dedupe key.
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    hash ^= code & 0xff;
    hash = Math.imul(hash, 0x01000193) >>> 0;
    hash ^= code >>> 8;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
