/**
 * Watches for remote-access tools that start or appear: a cheap periodic re-check (a quick
 * inventory snapshot, no user-folder walk) compared with the previous one. The first check
 * only records what is already there (the startup scan reports that); later checks raise one
 * event per new thing. Uses the Clock port, so tests drive it with a fake clock.
 */
import type { Clock, TimerHandle } from '../ports/clock.js';
import type { InventorySource } from '../ports/inventory.js';
import type { Evidence, RemoteFinding } from '../../shared/remote.js';
import { RemoteMatcher } from './matcher.js';
import { scanRemoteTools } from './scan.js';

/** What changed. */
export type NewToolEventType = 'started' | 'appeared' | 'unattended' | 'incoming-session';

/** One change worth telling the user about. */
export interface NewToolEvent {
  readonly type: NewToolEventType;
  /** The tool's whole finding at the time of the check (risk, all evidence). */
  readonly finding: RemoteFinding;
  /** The new evidence that caused the event. */
  readonly evidence: Evidence;
  /** ISO 8601 time of the check. */
  readonly detectedAt: string;
}

/** Options of {@link watchForNewTools}. */
export interface NewToolWatchOptions {
  readonly source: InventorySource;
  readonly clock: Clock;
  readonly onEvent: (event: NewToolEvent) => void;
  /** A check failed as a whole (sources failing one by one are normal and ignored). */
  readonly onError?: (error: unknown) => void;
  /** Time between checks; default 30 s. */
  readonly intervalMs?: number;
  readonly matcher?: RemoteMatcher;
}

/** A running watch. */
export interface NewToolWatch {
  /** Runs one check now (also what the timer calls) and returns the events it raised. */
  checkNow(): Promise<NewToolEvent[]>;
  stop(): void;
}

function eventTypeOf(evidence: Evidence): NewToolEventType | undefined {
  switch (evidence.kind) {
    case 'running':
      return 'started';
    case 'installed':
    case 'service':
    case 'portable':
    case 'autostart':
      return 'appeared';
    case 'unattended':
      return 'unattended';
    case 'incoming-session':
      return 'incoming-session';
    case 'connected':
      return undefined; // connections come and go with every relay reconnect: too noisy
  }
}

/** A stable key of one piece of evidence (running: the pid; others: where it was found). */
function keyOf(toolId: string, e: Evidence): string {
  if (e.kind === 'running') return `${toolId}|running|${e.pid ?? e.path ?? ''}`;
  if (e.kind === 'incoming-session') return `${toolId}|session|${e.path ?? ''}|${e.at ?? e.detail}`;
  // Not the time: logs and settings files are rewritten all the time without anything new.
  return `${toolId}|${e.kind}|${e.path ?? e.detail}`;
}

/** Starts the periodic watch; the first check runs at once and sets the baseline. */
export function watchForNewTools(options: NewToolWatchOptions): NewToolWatch {
  const interval = options.intervalMs ?? 30_000;
  const matcher = options.matcher ?? new RemoteMatcher();
  let known: Set<string> | undefined;
  let timer: TimerHandle | undefined;
  let stopped = false;
  let running: Promise<NewToolEvent[]> | undefined;

  const check = async (): Promise<NewToolEvent[]> => {
    const report = await scanRemoteTools(options.source, { clock: options.clock, matcher, quick: true });
    const seen = new Set<string>();
    const events: NewToolEvent[] = [];
    for (const finding of report.findings) {
      for (const e of finding.evidence) {
        const key = keyOf(finding.toolId, e);
        seen.add(key);
        const type = eventTypeOf(e);
        if (known !== undefined && !known.has(key) && type !== undefined) events.push({ type, finding, evidence: e, detectedAt: report.scannedAt });
      }
    }
    // Forget what is gone, so a tool that stops and starts again is reported again.
    known = seen;
    for (const event of events) options.onEvent(event);
    return events;
  };

  const checkNow = (): Promise<NewToolEvent[]> => {
    // Never two checks at once: a slow inventory must not pile up.
    running ??= check().finally(() => {
      running = undefined;
    });
    return running;
  };

  const schedule = (): void => {
    if (stopped) return;
    timer = options.clock.setTimeout(() => {
      checkNow()
        .catch((error: unknown) => options.onError?.(error))
        .finally(schedule);
    }, interval);
  };

  checkNow()
    .catch((error: unknown) => options.onError?.(error))
    .finally(schedule);

  return {
    checkNow,
    stop(): void {
      stopped = true;
      if (timer !== undefined) options.clock.clearTimeout(timer);
    },
  };
}
