/**
 * Delivers the outbox. Runs beside detection, never in its path: callers `kick()` it and go on.
 * Each item is leased before sending (so the app and a CLI flush never send it twice at once);
 * the lease names this process, is renewed while a slow send runs, and is taken over at once by
 * another worker when this process dies. An item is marked delivered right after the server
 * accepted it, otherwise rescheduled with backoff.
 * A crash between "server accepted" and "marked delivered" can repeat one message; the
 * idempotency key travels with it (Message-ID / Idempotency-Key) so receivers can drop it.
 */
import { assertNever } from '../../shared/result.js';
import type { Clock, Logger, TimerHandle } from '../ports/clock.js';
import type { MailSender, OutboxItem, OutboxStore, SendResult, WebhookSender } from '../ports/notify.js';
import { DEFAULT_RETRY_POLICY, retryDelay, type RetryPolicy } from './backoff.js';

/** What delivery needs. `mail` is undefined when no mail server is set up. */
export interface DeliveryDeps {
  readonly outbox: OutboxStore;
  readonly mail?: MailSender;
  readonly webhook: WebhookSender;
  readonly clock: Clock;
  readonly logger?: Logger;
  readonly policy?: RetryPolicy;
  /** How long a claimed item stays leased (longer than any send's own timeout). */
  readonly leaseMs?: number;
  /** Longest sleep of the loop, so items queued by another process are noticed. */
  readonly pollMs?: number;
  readonly random?: () => number;
}

/** Counts from one pass over the due items. */
export interface DeliverySummary {
  readonly attempted: number;
  readonly delivered: number;
  readonly failed: number;
  readonly expired: number;
  /** Leased by another process right now. */
  readonly busy: number;
}

const EMPTY: DeliverySummary = { attempted: 0, delivered: 0, failed: 0, expired: 0, busy: 0 };

/** The delivery loop. */
export class OutboxDelivery {
  private readonly policy: RetryPolicy;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private timer: TimerHandle | undefined;
  private running: Promise<DeliverySummary> | undefined;
  private again = false;
  private started = false;
  private abort = new AbortController();

  constructor(private readonly deps: DeliveryDeps) {
    this.policy = deps.policy ?? DEFAULT_RETRY_POLICY;
    this.leaseMs = deps.leaseMs ?? 120_000;
    this.pollMs = deps.pollMs ?? 5 * 60_000;
  }

  /** Starts the loop: a pass now, then whenever the next item is due. */
  start(): void {
    if (this.started) return;
    this.started = true;
    if (this.abort.signal.aborted) this.abort = new AbortController();
    this.kick();
  }

  /** Stops the loop and aborts sends in flight (they stay pending and are retried later). */
  stop(): void {
    this.started = false;
    this.clearTimer();
    this.abort.abort();
  }

  /** Asks for a pass soon (e.g. right after enqueue). Returns at once; never throws. */
  kick(): void {
    this.clearTimer();
    this.timer = this.deps.clock.setTimeout(() => {
      this.timer = undefined;
      void this.runOnce();
    }, 0);
  }

  /**
   * One pass over due items (all pending ones with `ignoreSchedule`, as `family flush` does).
   * Concurrent calls share the pass in progress and then run one more.
   */
  async runOnce(options: { readonly ignoreSchedule?: boolean } = {}): Promise<DeliverySummary> {
    if (this.running !== undefined) {
      this.again = true;
      return this.running;
    }
    this.running = this.pass(options.ignoreSchedule === true).catch((error: unknown) => {
      // The store failing (disk full, locked) must not take the app down: log and retry later.
      this.deps.logger?.error('outbox pass failed', { error: error instanceof Error ? error.message : String(error) });
      return EMPTY;
    });
    try {
      return await this.running;
    } finally {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.kick();
      } else this.scheduleNext();
    }
  }

  private async pass(ignoreSchedule: boolean): Promise<DeliverySummary> {
    const counts = { attempted: 0, delivered: 0, failed: 0, expired: 0, busy: 0 };
    const { outbox, clock } = this.deps;
    for (const item of outbox.due(clock.now(), { ignoreSchedule })) {
      if (this.abort.signal.aborted) break;
      const now = clock.now();
      if (now - item.createdAt > this.policy.maxAgeMs) {
        outbox.markExpired(item.id, now);
        counts.expired += 1;
        continue;
      }
      if (!outbox.claim(item.id, now, now + this.leaseMs)) {
        counts.busy += 1;
        continue;
      }
      counts.attempted += 1;
      const stopRenewing = this.renewWhileSending(item.id);
      let result: SendResult;
      try {
        result = await this.send(item);
      } finally {
        stopRenewing();
      }
      const at = clock.now();
      if (result.ok) {
        outbox.markDelivered(item.id, at);
        counts.delivered += 1;
        this.deps.logger?.info('alert delivered', { id: item.id, channel: item.target.channel, event: item.event });
      } else {
        const delay = retryDelay(item.attempts + 1, result.retryable, this.policy, this.deps.random);
        outbox.markFailed(item.id, { at, code: result.code, message: result.message, nextAttemptAt: at + delay });
        counts.failed += 1;
        this.deps.logger?.warn('alert not delivered yet', { id: item.id, channel: item.target.channel, code: result.code, retryInMs: delay });
      }
    }
    return counts;
  }

  /**
   * Keeps the lease ahead of a slow send (a server that answers after half a minute), so no
   * other worker sends the same item meanwhile. Returns the function that stops renewing.
   */
  private renewWhileSending(id: number): () => void {
    const { clock, outbox } = this.deps;
    let timer: TimerHandle | undefined;
    const renew = (): void => {
      try {
        outbox.extendLease(id, clock.now() + this.leaseMs);
      } catch (error) {
        this.deps.logger?.warn('could not extend the lease', { id, error: error instanceof Error ? error.message : String(error) });
      }
      timer = clock.setTimeout(renew, this.leaseMs / 3);
    };
    timer = clock.setTimeout(renew, this.leaseMs / 3);
    return () => {
      if (timer !== undefined) clock.clearTimeout(timer);
    };
  }

  private async send(item: OutboxItem): Promise<SendResult> {
    const signal = this.abort.signal;
    try {
      switch (item.target.channel) {
        case 'email':
          if (this.deps.mail === undefined) {
            return { ok: false, code: 'bad-config', message: 'No mail server is set up for family alerts.', retryable: false };
          }
          return await this.deps.mail.send(
            { to: item.target.address, subject: item.subject, text: item.text, idempotencyKey: item.idempotencyKey, language: item.language },
            signal,
          );
        case 'webhook':
          return await this.deps.webhook.send(
            {
              url: item.target.url,
              mode: item.target.mode,
              title: item.subject,
              text: item.text,
              idempotencyKey: item.idempotencyKey,
              language: item.language,
              event: item.event,
              at: item.at,
            },
            signal,
          );
        default:
          return assertNever(item.target, 'outbox target');
      }
    } catch (error) {
      // Senders return values; a throw is a bug in one, and must still not lose the item.
      return { ok: false, code: 'unknown', message: error instanceof Error ? error.message : String(error), retryable: true };
    }
  }

  private scheduleNext(): void {
    if (!this.started) return;
    const now = this.deps.clock.now();
    let next: number | undefined;
    try {
      next = this.deps.outbox.nextDueAt();
    } catch (error) {
      this.deps.logger?.error('outbox unreadable', { error: error instanceof Error ? error.message : String(error) });
    }
    const wait = next === undefined ? this.pollMs : Math.min(this.pollMs, Math.max(1_000, next - now));
    this.clearTimer();
    this.timer = this.deps.clock.setTimeout(() => {
      this.timer = undefined;
      void this.runOnce();
    }, wait);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) this.deps.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
