/**
 * The one object main (and the CLI) use for family alerts: `notify(event)` writes the alert
 * durably and wakes delivery without waiting for the network; `start()` runs the delivery loop
 * and the guard heartbeat (reporting an unexpected stop of the previous run).
 */
import type { Clock, Logger } from '../ports/clock.js';
import type { MailSender, OutboxStore, WebhookSender } from '../ports/notify.js';
import { err, ok, type AppError, type Result } from '../../shared/result.js';
import type { AlertEvent } from './alert-event.js';
import type { RetryPolicy } from './backoff.js';
import type { ContactStore } from './contacts.js';
import { OutboxDelivery, type DeliverySummary } from './delivery.js';
import { enqueueAlert, type EnqueueSummary } from './enqueue.js';
import { GuardHeartbeat, type HeartbeatStore, type PreviousRun } from './guard-heartbeat.js';
import type { FamilySettings, FamilySettingsStore } from './settings.js';

/** Builds the senders for the current settings (src/platform/net: `createFamilySenders`). */
export type SenderFactory = (settings: FamilySettings) => { readonly mail?: MailSender; readonly webhook: WebhookSender };

/** What {@link FamilyAlerts} is made of. */
export interface FamilyAlertsDeps {
  readonly contacts: ContactStore;
  readonly outbox: OutboxStore;
  readonly settings: FamilySettingsStore;
  readonly senders: SenderFactory;
  readonly clock: Clock;
  readonly logger?: Logger;
  readonly policy?: RetryPolicy;
  /** When given, `start()` checks and writes the guard's running marker. */
  readonly heartbeat?: HeartbeatStore;
}

/** Family alerts: durable enqueue plus background delivery. */
export class FamilyAlerts {
  private delivery: OutboxDelivery;
  private guard: GuardHeartbeat | undefined;
  private started = false;

  constructor(private readonly deps: FamilyAlertsDeps) {
    this.delivery = this.buildDelivery();
  }

  /**
   * Queues the alert for every contact who wants it (durable when this returns), then wakes
   * delivery in the background. Never throws and never waits for the network, so it is safe
   * on the detection and wizard paths.
   */
  notify(event: AlertEvent, alertId?: string): Result<EnqueueSummary, AppError> {
    try {
      const settings = this.deps.settings.get();
      const context = {
        ...(settings.deviceName !== undefined ? { deviceName: settings.deviceName } : {}),
        ...(settings.timeZone !== undefined ? { timeZone: settings.timeZone } : {}),
      };
      const summary = enqueueAlert({ contacts: this.deps.contacts, outbox: this.deps.outbox, clock: this.deps.clock, context }, event, alertId);
      if (summary.queued > 0) this.delivery.kick();
      return ok(summary);
    } catch (cause) {
      this.deps.logger?.error('family alert could not be queued', { error: cause instanceof Error ? cause.message : String(cause) });
      return err({ code: 'outbox-write-failed', message: 'The family alert could not be saved.', cause });
    }
  }

  /** Starts delivery and the heartbeat; reports (and alerts about) an unexpected previous stop. */
  start(): PreviousRun | undefined {
    if (this.started) return undefined;
    this.started = true;
    let previous: PreviousRun | undefined;
    if (this.deps.heartbeat !== undefined) {
      this.guard = new GuardHeartbeat(this.deps.heartbeat, this.deps.clock, 60_000, (error) =>
        this.deps.logger?.warn('heartbeat not written', { error: error instanceof Error ? error.message : String(error) }),
      );
      try {
        previous = this.guard.begin();
        if (previous.kind === 'unexpected') this.notify(previous.event);
      } catch (error) {
        this.deps.logger?.error('guard marker unreadable', { error: error instanceof Error ? error.message : String(error) });
      }
    }
    this.delivery.start();
    return previous;
  }

  /** Clean stop: delivery stops (pending items stay queued) and the marker says "stopped". */
  stop(): void {
    this.started = false;
    this.delivery.stop();
    try {
      this.guard?.end();
    } catch (error) {
      this.deps.logger?.warn('guard marker not written at stop', { error: error instanceof Error ? error.message : String(error) });
    }
  }

  /** Tries every pending item now, ignoring backoff (after settings change or reconnecting). */
  flush(): Promise<DeliverySummary> {
    return this.delivery.runOnce({ ignoreSchedule: true });
  }

  /** Rebuilds the senders after the mail settings changed. */
  settingsChanged(): void {
    const wasStarted = this.started;
    this.delivery.stop();
    this.delivery = this.buildDelivery();
    if (wasStarted) this.delivery.start();
  }

  private buildDelivery(): OutboxDelivery {
    const senders = this.deps.senders(this.deps.settings.get());
    return new OutboxDelivery({
      outbox: this.deps.outbox,
      webhook: senders.webhook,
      clock: this.deps.clock,
      ...(senders.mail !== undefined ? { mail: senders.mail } : {}),
      ...(this.deps.logger !== undefined ? { logger: this.deps.logger } : {}),
      ...(this.deps.policy !== undefined ? { policy: this.deps.policy } : {}),
    });
  }
}
