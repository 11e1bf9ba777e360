/**
 * "The guard stopped unexpectedly — next start says so." The app writes a running marker at
 * start, refreshes it every minute, and marks it stopped on a clean exit. If the next start
 * finds it still "running", the previous run was killed, crashed, or the PC lost power.
 */
import type { Clock, TimerHandle } from '../ports/clock.js';
import type { AlertEvent } from './alert-event.js';

/** The stored marker. */
export interface Heartbeat {
  readonly state: 'running' | 'stopped';
  readonly startedAt: number;
  readonly lastSeenAt: number;
}

/** Where the marker is kept (one row in the incident store); writes are durable. */
export interface HeartbeatStore {
  read(): Heartbeat | undefined;
  write(heartbeat: Heartbeat): void;
}

/** What the start found about the previous run. */
export type PreviousRun =
  | { readonly kind: 'first-run' }
  | { readonly kind: 'clean' }
  | { readonly kind: 'unexpected'; readonly lastSeenAt: number; readonly event: AlertEvent };

/** Writes the running marker and its heartbeat. */
export class GuardHeartbeat {
  private timer: TimerHandle | undefined;
  private startedAt = 0;

  constructor(
    private readonly store: HeartbeatStore,
    private readonly clock: Clock,
    private readonly intervalMs = 60_000,
    /** A failed heartbeat write (disk full, store closed) is reported here, never thrown from a timer. */
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /** Checks the previous run, writes "running" and starts the heartbeat. Call once at start. */
  begin(): PreviousRun {
    const previous = this.store.read();
    const now = this.clock.now();
    this.startedAt = now;
    this.store.write({ state: 'running', startedAt: now, lastSeenAt: now });
    this.schedule();
    if (previous === undefined) return { kind: 'first-run' };
    if (previous.state === 'stopped') return { kind: 'clean' };
    return {
      kind: 'unexpected',
      lastSeenAt: previous.lastSeenAt,
      event: { kind: 'guard-stopped', at: new Date(now).toISOString(), lastSeenAt: new Date(previous.lastSeenAt).toISOString() },
    };
  }

  /** Clean stop: the next start will not report anything. */
  end(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    const now = this.clock.now();
    this.store.write({ state: 'stopped', startedAt: this.startedAt, lastSeenAt: now });
  }

  private schedule(): void {
    this.timer = this.clock.setTimeout(() => {
      try {
        this.store.write({ state: 'running', startedAt: this.startedAt, lastSeenAt: this.clock.now() });
      } catch (error) {
        this.onError(error);
      }
      this.schedule();
    }, this.intervalMs);
  }
}
