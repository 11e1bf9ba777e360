import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutboxDelivery } from '../../../src/engine/family/delivery.js';
import { enqueueAlert } from '../../../src/engine/family/enqueue.js';
import { DEFAULT_RETRY_POLICY, retryDelay } from '../../../src/engine/family/backoff.js';
import type { FamilyContact } from '../../../src/engine/family/contacts.js';
import type { MailMessage, MailSender, SendResult, WebhookMessage, WebhookSender } from '../../../src/engine/ports/notify.js';
import { SqliteOutboxStore } from '../../../src/storage/outbox-repo.js';
import { FakeClock } from './support/fake-clock.js';
import { tempDatabase } from './support/temp-db.js';

const hanako: FamilyContact = { id: 'c-1', name: '花子', language: 'ja', email: 'hanako@example.jp', webhook: { url: 'http://127.0.0.1:9/hook', mode: 'json' }, triggers: ['scam-page', 'remote-tool'] };
const ken: FamilyContact = { id: 'c-2', name: 'Ken', language: 'en', email: 'ken@example.com', triggers: ['wizard-started'] };

/** A sender whose answers the test scripts; records what it was given. */
class ScriptedSender implements MailSender, WebhookSender {
  readonly sent: (MailMessage | WebhookMessage)[] = [];
  answers: SendResult[] = [];
  fallback: SendResult = { ok: true };
  async send(message: MailMessage | WebhookMessage): Promise<SendResult> {
    this.sent.push(message);
    return this.answers.shift() ?? this.fallback;
  }
}

const offline: SendResult = { ok: false, code: 'unreachable', message: 'offline', retryable: true };
const noRandom = (): number => 0.5;

describe('outbox delivery', () => {
  let temp: ReturnType<typeof tempDatabase>;
  let clock: FakeClock;
  let outbox: SqliteOutboxStore;
  let mail: ScriptedSender;
  let webhook: ScriptedSender;
  const contacts = { list: (): FamilyContact[] => [hanako, ken] };

  beforeEach(() => {
    temp = tempDatabase();
    clock = new FakeClock();
    outbox = new SqliteOutboxStore(temp.db);
    mail = new ScriptedSender();
    webhook = new ScriptedSender();
  });
  afterEach(() => temp.cleanup());

  const delivery = (): OutboxDelivery => new OutboxDelivery({ outbox, mail, webhook, clock, random: noRandom });
  const scamEvent = { kind: 'scam-page', at: '2026-11-22T13:00:00.000Z', title: 'Virus alert', phone: { display: '050-6881-5063', known: true } } as const;

  it('writes one item per interested contact and channel, in the contact language, before sending', () => {
    const summary = enqueueAlert({ contacts, outbox, clock }, scamEvent);
    expect(summary.queued).toBe(2);
    const items = outbox.list();
    expect(items.map((i) => i.target.channel).sort()).toEqual(['email', 'webhook']);
    expect(items.every((i) => i.contactId === 'c-1' && i.language === 'ja' && i.state === 'pending')).toBe(true);
    expect(items[0]?.subject).toBe('[ScareStop] 偽の警告画面を検出しました');
    expect(mail.sent).toHaveLength(0);
  });

  it('does not queue the same alert twice (idempotency key)', () => {
    enqueueAlert({ contacts, outbox, clock }, scamEvent);
    const again = enqueueAlert({ contacts, outbox, clock }, scamEvent);
    expect(again).toMatchObject({ queued: 0, duplicates: 2 });
    expect(outbox.list()).toHaveLength(2);
  });

  it('delivers once and never again', async () => {
    enqueueAlert({ contacts, outbox, clock }, scamEvent, 'alert-1');
    const loop = delivery();
    expect(await loop.runOnce()).toMatchObject({ attempted: 2, delivered: 2 });
    expect(await loop.runOnce({ ignoreSchedule: true })).toMatchObject({ attempted: 0 });
    expect(mail.sent).toHaveLength(1);
    expect(webhook.sent).toHaveLength(1);
    expect((mail.sent[0] as MailMessage).idempotencyKey).toBe('alert-1/c-1/email');
    expect(outbox.list().every((i) => i.state === 'delivered' && i.deliveredAt === clock.now())).toBe(true);
  });

  it('retries with exponential backoff on the clock while offline, then delivers', async () => {
    enqueueAlert({ contacts: { list: () => [ken] }, outbox, clock }, { kind: 'wizard-started', at: '2026-11-22T13:00:00.000Z' });
    mail.fallback = offline;
    const loop = delivery();
    loop.start();
    await clock.advance(0);
    expect(mail.sent).toHaveLength(1);
    const [item] = outbox.list();
    expect(item?.lastError).toMatchObject({ code: 'unreachable' });
    expect(item?.nextAttemptAt).toBe(clock.now() + 30_000);
    await clock.advance(29_000);
    expect(mail.sent).toHaveLength(1);
    await clock.advance(1_000);
    expect(mail.sent).toHaveLength(2);
    await clock.advance(60_000);
    expect(mail.sent).toHaveLength(3);
    await clock.advance(119_000);
    expect(mail.sent).toHaveLength(3);
    mail.fallback = { ok: true };
    await clock.advance(1_000);
    expect(mail.sent).toHaveLength(4);
    expect(outbox.list()[0]).toMatchObject({ state: 'delivered', attempts: 4 });
    await clock.advance(24 * 60 * 60_000);
    expect(mail.sent).toHaveLength(4);
    loop.stop();
  });

  it('waits the longest interval after a failure that needs a settings change', async () => {
    enqueueAlert({ contacts: { list: () => [ken] }, outbox, clock }, { kind: 'wizard-started', at: '2026-11-22T13:00:00.000Z' });
    mail.answers = [{ ok: false, code: 'auth-failed', message: 'The mail server refused the login.', retryable: false }];
    await delivery().runOnce();
    const [item] = outbox.list();
    expect(item?.nextAttemptAt).toBe(clock.now() + DEFAULT_RETRY_POLICY.maxMs);
    expect(item?.lastError?.message).toBe('The mail server refused the login.');
  });

  it('reports a missing mail server as a settings problem, and still sends the webhook', async () => {
    enqueueAlert({ contacts, outbox, clock }, scamEvent);
    const loop = new OutboxDelivery({ outbox, webhook, clock, random: noRandom });
    expect(await loop.runOnce()).toMatchObject({ delivered: 1, failed: 1 });
    const email = outbox.list().find((i) => i.target.channel === 'email');
    expect(email?.lastError?.code).toBe('bad-config');
  });

  it('gives up after the maximum age and marks the item expired', async () => {
    enqueueAlert({ contacts: { list: () => [ken] }, outbox, clock }, { kind: 'wizard-started', at: '2026-11-22T13:00:00.000Z' });
    await clock.advance(DEFAULT_RETRY_POLICY.maxAgeMs + 1);
    expect(await delivery().runOnce()).toMatchObject({ expired: 1, attempted: 0 });
    expect(outbox.list()[0]?.state).toBe('expired');
  });

  it('never sends an item leased by another process', async () => {
    enqueueAlert({ contacts: { list: () => [ken] }, outbox, clock }, { kind: 'wizard-started', at: '2026-11-22T13:00:00.000Z' });
    const [item] = outbox.list();
    expect(outbox.claim(item?.id ?? -1, clock.now(), clock.now() + 60_000)).toBe(true);
    expect(await delivery().runOnce({ ignoreSchedule: true })).toMatchObject({ busy: 1, attempted: 0 });
    expect(mail.sent).toHaveLength(0);
    await clock.advance(60_000);
    expect(await delivery().runOnce()).toMatchObject({ delivered: 1 });
  });

  it('keeps queued items across a restart (reopened database)', async () => {
    enqueueAlert({ contacts, outbox, clock }, scamEvent);
    mail.fallback = offline;
    webhook.fallback = offline;
    await delivery().runOnce();
    outbox = new SqliteOutboxStore(temp.reopen());
    mail.fallback = { ok: true };
    webhook.fallback = { ok: true };
    expect(await delivery().runOnce({ ignoreSchedule: true })).toMatchObject({ delivered: 2 });
    expect(mail.sent).toHaveLength(2);
    expect(outbox.list().map((i) => i.attempts)).toEqual([2, 2]);
  });

  it('a sender that throws does not lose the item', async () => {
    enqueueAlert({ contacts: { list: () => [ken] }, outbox, clock }, { kind: 'wizard-started', at: '2026-11-22T13:00:00.000Z' });
    const throwing: MailSender = { send: () => Promise.reject(new Error('bug')) };
    await new OutboxDelivery({ outbox, mail: throwing, webhook, clock, random: noRandom }).runOnce();
    expect(outbox.list()[0]).toMatchObject({ state: 'pending', lastError: { code: 'unknown' } });
  });

  it('kick() returns at once: the caller never waits for the network', async () => {
    enqueueAlert({ contacts: { list: () => [ken] }, outbox, clock }, { kind: 'wizard-started', at: '2026-11-22T13:00:00.000Z' });
    let release: (r: SendResult) => void = () => undefined;
    const slow: MailSender = { send: () => new Promise((resolve) => (release = resolve)) };
    const loop = new OutboxDelivery({ outbox, mail: slow, webhook, clock, random: noRandom });
    const result = loop.kick();
    expect(result).toBeUndefined();
    await clock.advance(0);
    expect(outbox.list()[0]?.state).toBe('pending');
    release({ ok: true });
    await clock.advance(0);
    expect(outbox.list()[0]?.state).toBe('delivered');
  });
});

describe('retryDelay', () => {
  it('doubles from 30 s up to 1 h, with bounded jitter', () => {
    const policy = DEFAULT_RETRY_POLICY;
    expect([1, 2, 3, 4].map((n) => retryDelay(n, true, policy, noRandom))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelay(20, true, policy, noRandom)).toBe(policy.maxMs);
    expect(retryDelay(1, true, policy, () => 0)).toBe(27_000);
    expect(retryDelay(1, true, policy, () => 1)).toBe(33_000);
  });
});

describe('defaultAlertId', () => {
  it('is stable for the same event and differs for different ones', async () => {
    const { defaultAlertId } = await import('../../../src/engine/family/enqueue.js');
    const a = { kind: 'remote-tool', at: '2026-11-22T13:00:00.000Z', tool: 'AnyDesk', action: 'started' } as const;
    expect(defaultAlertId(a)).toBe(defaultAlertId({ ...a }));
    expect(defaultAlertId(a)).toMatch(/^remote-tool-20261122130000\d*-[0-9a-f]{8}$/);
    expect(defaultAlertId({ ...a, action: 'connected' })).not.toBe(defaultAlertId(a));
    expect(defaultAlertId({ ...a, at: '2026-11-22T13:00:01.000Z' })).not.toBe(defaultAlertId(a));
  });
});
