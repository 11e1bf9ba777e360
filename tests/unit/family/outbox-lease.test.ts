/**
 * Outbox leases end with their owner (fake clock, real database): a lease names its process,
 * is renewed while a slow send runs, and is taken over at once when its holder is gone.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutboxDelivery } from '../../../src/engine/family/delivery.js';
import { enqueueAlert } from '../../../src/engine/family/enqueue.js';
import type { FamilyContact } from '../../../src/engine/family/contacts.js';
import type { LeaseOwner, SendResult, WebhookMessage, WebhookSender } from '../../../src/engine/ports/notify.js';
import { SqliteOutboxStore } from '../../../src/storage/outbox-repo.js';
import { FakeClock } from './support/fake-clock.js';
import { tempDatabase } from './support/temp-db.js';

const aiko: FamilyContact = { id: 'c-1', name: 'Aiko', language: 'ja', webhook: { url: 'http://127.0.0.1:9/hook', mode: 'json' }, triggers: ['scam-page'] };
const event = { kind: 'scam-page', at: '2026-11-22T13:00:00.000Z', title: 'Virus alert' } as const;

/** A webhook server that answers each request `delayMs` after it arrived (on the fake clock). */
class SlowServer implements WebhookSender {
  readonly received: string[] = [];
  constructor(
    private readonly clock: FakeClock,
    private readonly delayMs: number,
  ) {}
  send(message: WebhookMessage): Promise<SendResult> {
    this.received.push(message.idempotencyKey);
    return new Promise((resolve) => this.clock.setTimeout(() => resolve({ ok: true }), this.delayMs));
  }
}

describe('outbox leases', () => {
  let temp: ReturnType<typeof tempDatabase>;
  let clock: FakeClock;
  const alive = new Set<number>();
  const store = (pid: number): SqliteOutboxStore => new SqliteOutboxStore(temp.db, { owner: { pid, started: `t${pid}` }, isAlive: (owner: LeaseOwner) => alive.has(owner.pid) });

  beforeEach(() => {
    temp = tempDatabase();
    clock = new FakeClock();
    alive.clear();
  });
  afterEach(() => temp.cleanup());

  it('a server that answers after 20–35 s gets the alert once, though the send outlives the first lease', async () => {
    alive.add(1).add(2);
    for (const delayMs of [20_000, 35_000]) {
      temp.db.exec('DELETE FROM family_outbox');
      const server = new SlowServer(clock, delayMs);
      const first = new OutboxDelivery({ outbox: store(1), webhook: server, clock, leaseMs: 15_000 });
      const second = new OutboxDelivery({ outbox: store(2), webhook: server, clock, leaseMs: 15_000 });
      enqueueAlert({ contacts: { list: () => [aiko] }, outbox: store(1), clock }, event, `alert-${delayMs}`);
      const sending = first.runOnce();
      // Another worker keeps trying while the first send is still waiting for the server.
      for (let waited = 4_000; waited < delayMs; waited += 4_000) {
        await clock.advance(4_000);
        expect({ waited, summary: await second.runOnce({ ignoreSchedule: true }) }).toMatchObject({ waited, summary: { busy: 1, attempted: 0 } });
      }
      await clock.advance(delayMs);
      expect(await sending).toMatchObject({ delivered: 1 });
      expect(server.received).toHaveLength(1);
      expect(store(2).list()[0]?.state).toBe('delivered');
    }
  });

  it('a lease whose holder died is taken over at once, not when it runs out; a live holder keeps it', () => {
    alive.add(1).add(2);
    enqueueAlert({ contacts: { list: () => [aiko] }, outbox: store(1), clock }, event, 'alert-dead');
    const id = store(1).list()[0]?.id ?? -1;
    expect(store(1).claim(id, clock.now(), clock.now() + 120_000)).toBe(true);
    expect(store(2).claim(id, clock.now(), clock.now() + 120_000)).toBe(false);
    expect(store(2).nextDueAt()).toBe(clock.now() + 120_000);
    alive.delete(1); // kill -9
    expect(store(2).nextDueAt()).toBeLessThanOrEqual(clock.now());
    expect(store(2).claim(id, clock.now(), clock.now() + 120_000)).toBe(true);
    // The dead holder's lease cannot be extended any more; the new holder's can.
    expect(store(1).extendLease(id, clock.now() + 240_000)).toBe(false);
    expect(store(2).extendLease(id, clock.now() + 240_000)).toBe(true);
  });

  it('a holder that died while sending: the next worker resends at once with the same idempotency key', async () => {
    alive.add(2);
    enqueueAlert({ contacts: { list: () => [aiko] }, outbox: store(1), clock }, event, 'alert-resend');
    const id = store(1).list()[0]?.id ?? -1;
    expect(store(1).claim(id, clock.now(), clock.now() + 120_000)).toBe(true); // pid 1 is not alive: it died mid-send
    const received: string[] = [];
    const webhook: WebhookSender = { send: async (message) => (received.push(message.idempotencyKey), { ok: true }) };
    const summary = await new OutboxDelivery({ outbox: store(2), webhook, clock }).runOnce({ ignoreSchedule: true });
    expect(summary).toMatchObject({ delivered: 1, busy: 0 });
    expect(received).toEqual([store(2).list()[0]?.idempotencyKey]);
    expect(received[0]).toContain('alert-resend');
  });
});
