/**
 * The guard's contract: the ports it is built from, its options, its event stream and what it
 * offers the two front doors (the tray app's services and `scarestop watch`).
 *
 * Later work plugs in here rather than in a front door:
 * - a remote-session watch that pauses tools (issue 16) is a {@link GuardPlugin}: it gets the
 *   clock, the store, the family notifier and the event stream, and is started and stopped with
 *   the guard;
 * - the page address and audio (issue 18): their ports (`PageAddressReader`, `BrowserAudio` in
 *   engine/ports/browser-page.ts) become optional fields of {@link GuardPorts}, passed on to the
 *   watcher; a read address is what the allow list's `site` entries match (`AllowSubject.url`
 *   in engine/watch/allow-list.ts). Never a second composition in a front door.
 */
import type { DetectOptions } from '../detect/index.js';
import type { AlertEvent } from '../family/alert-event.js';
import type { Clock, Logger } from '../ports/clock.js';
import type { ForegroundWatcher, Unsubscribe, WindowActions, WindowInfo } from '../ports/windows.js';
import type { PageTextReader } from '../ports/page-text.js';
import type { InventorySource } from '../ports/inventory.js';
import type { IncidentStore } from '../ports/store.js';
import type { NewToolEvent } from '../remote/new-tool-watch.js';
import type { CloseNowResult } from '../watch/close-now.js';
import type { CloseReport, EscalationTiming } from '../watch/escalation.js';
import type { WatcherDeps } from '../watch/watcher-api.js';
import type { CloseDecidedBy, CloseMode, WatchEvent } from '../../shared/watch-events.js';
import type { ToolFacts } from '../family/events-from.js';

/** Family alerts as the guard uses them (FamilyAlerts): queue without waiting; start/stop delivery. */
export interface FamilyAlertsPort {
  notify(event: AlertEvent): unknown;
  start(): unknown;
  stop(): void;
}

/** What the guard is built from. Only the window ports and the clock are required. */
export interface GuardPorts {
  readonly windows: ForegroundWatcher;
  readonly actions: WindowActions;
  readonly clock: Clock;
  readonly logger?: Logger;
  /** The content check (capture + OCR); without it suspicious pages are only reported. */
  readonly pageText?: PageTextReader;
  /** Incident record (History, report) and the settings holding the allow list and close mode. */
  readonly store?: IncidentStore;
  /** The known scam-number table, for the detector. */
  readonly isKnownScamNumber?: DetectOptions['isKnownScamNumber'];
  readonly family?: FamilyAlertsPort;
  /** Re-checked for remote-access tools that start or appear (the new-tool watch). */
  readonly inventory?: InventorySource;
  /** Close mode `ask`: ask the person (the app's alert, the terminal); resolve true to close. */
  readonly confirmClose?: WatcherDeps['confirmClose'];
}

/** Tunables; every field has a default. */
export interface GuardOptions {
  /** Overrides the stored close mode (`scarestop watch --close=...`). Default: stored, else `ask`. */
  readonly closeMode?: CloseMode;
  readonly escalation?: EscalationTiming;
  /** Time between new-tool checks (default 60 s). */
  readonly newToolIntervalMs?: number;
  readonly plugins?: readonly GuardPlugin[];
}

/** Everything the guard reports, in order. Front doors print or show these; nothing else. */
export type GuardEvent =
  | { readonly kind: 'watch'; readonly event: WatchEvent }
  | { readonly kind: 'new-tool'; readonly event: NewToolEvent }
  | { readonly kind: 'paused'; readonly until: number }
  | { readonly kind: 'resumed' }
  | { readonly kind: 'allow-list'; readonly values: readonly string[] };

/** What a plugin gets when the guard starts. */
export interface GuardPluginContext {
  readonly clock: Clock;
  readonly logger?: Logger;
  readonly store?: IncidentStore;
  /** Queues a family alert (never waits for the network). */
  notifyFamily(event: AlertEvent): void;
  subscribe(listener: (event: GuardEvent) => void): Unsubscribe;
}

/** A watch started and stopped with the guard (e.g. issue 16's remote-session watch). */
export interface GuardPlugin {
  readonly name: string;
  start(context: GuardPluginContext): { stop(): void };
}

/** The running guard. */
export interface Guard {
  /** Starts watching, the new-tool watch, family delivery and the plugins (idempotent). */
  start(): void;
  /** Stops them all (idempotent). The store is the caller's to close. */
  stop(): void;
  subscribe(listener: (event: GuardEvent) => void): Unsubscribe;
  setCloseMode(mode: CloseMode): void;
  /** Stops watching for `minutes`, then resumes by itself. */
  pause(minutes: number): void;
  resume(): void;
  /** When a pause ends (ms since epoch), or null when not paused. */
  pausedUntil(): number | null;
  /**
   * The person's close key: closes the browser window in front whatever the verdict, with the
   * verified escalation, recorded as the person's decision. Never touches another program.
   */
  closeNow(): Promise<CloseNowResult>;
  /** Closes one known window (an alert's Close after its question is gone), recorded as `decidedBy`. */
  closeWindow(window: WindowInfo, decidedBy: CloseDecidedBy): Promise<CloseReport>;
  /** The stored allow list (exact cleaned titles). */
  allowList(): readonly string[];
  /** "This page is fine": allows exactly this title from now on. */
  allowTitle(title: string): void;
  removeAllowed(value: string): void;
  /** A scan finished: findings worth it are told to the family (the one rule, family-rule.ts). */
  noteScanFindings(findings: readonly ToolFacts[]): void;
  /** The recovery wizard started: the family hears about it. */
  noteWizardStarted(): void;
}
