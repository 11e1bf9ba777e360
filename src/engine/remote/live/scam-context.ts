/**
 * Scam context decides what happens when a remote-access tool starts or connects: while a scam
 * page was seen in the last hours, an incident is open, or the person said a caller asked them
 * to install it, the tool is paused at once; otherwise the person is told and it is recorded
 * (unless they chose "always ask before anyone connects"). Pure: time comes in as `now`.
 */
import type { PauseReason, RemoteDecision } from '../../../shared/remote-live.js';
import type { WatchEvent } from '../../../shared/watch-events.js';

/** How long a scam page or "I am on the phone" keeps the guard up: the call usually follows at once. */
export const SCAM_CONTEXT_MS = 4 * 60 * 60 * 1000;

/**
 * Built-in tools that only connect OUT (the Remote Desktop client, mstsc): the person is the one
 * reaching another PC, so they are reported, never paused.
 */
const OUTGOING_ONLY_TOOLS: ReadonlySet<string> = new Set(['windows-remote-desktop']);

/** Everything the decision depends on, as of one moment. */
export interface ScamContext {
  /** Last time a scam page was detected (ms since epoch). */
  readonly lastScamPageAt?: number;
  /** An incident is open (the recovery is not finished). */
  readonly incidentOpen: boolean;
  /** When the person said "I am on the phone with someone who asked me to install this". */
  readonly onThePhoneAt?: number;
  /** Settings: "always ask before anyone connects". */
  readonly alwaysAsk: boolean;
  /** Tool ids the person confirmed as their helpers ("This is someone I know"). */
  readonly knownHelpers: readonly string[];
}

/** The decision for one tool, with why it is paused. */
export interface ToolDecision {
  readonly decision: RemoteDecision;
  readonly reason?: PauseReason;
}

const recent = (at: number | undefined, now: number): boolean => at !== undefined && now - at >= 0 && now - at <= SCAM_CONTEXT_MS;

/** Until when "I am on the phone" said at `at` keeps the guard up, or undefined when it is over (or never said: 0). */
export function onThePhoneUntil(at: number | undefined, now: number): number | undefined {
  if (at === undefined || at <= 0 || !recent(at, now)) return undefined;
  return at + SCAM_CONTEXT_MS;
}

/** The scam context's reason to pause now, if any (strongest first). */
export function scamReason(context: ScamContext, now: number): PauseReason | undefined {
  if (recent(context.onThePhoneAt, now)) return 'on-the-phone';
  if (recent(context.lastScamPageAt, now)) return 'scam-page';
  if (context.incidentOpen) return 'open-incident';
  return undefined;
}

/** Pause, notify, or leave a known helper alone. */
export function decideForTool(toolId: string, context: ScamContext, now: number): ToolDecision {
  if (OUTGOING_ONLY_TOOLS.has(toolId)) return { decision: 'notify' };
  const reason = scamReason(context, now);
  // "A caller asked me to install this" outranks an earlier "someone I know": the caller may
  // have talked the person into that answer.
  if (reason === 'on-the-phone') return { decision: 'pause', reason };
  if (context.knownHelpers.includes(toolId)) return { decision: 'known-helper' };
  if (reason !== undefined) return { decision: 'pause', reason };
  if (context.alwaysAsk) return { decision: 'pause', reason: 'always-ask' };
  return { decision: 'notify' };
}

/** The last scam page the watcher detected (not one the person allowed), from its events. */
export function scamPageSeenAt(event: WatchEvent): number | undefined {
  if (event.type === 'detected' && event.verdict.verdict === 'scam' && event.next !== 'allow-listed') return event.at;
  return undefined;
}
