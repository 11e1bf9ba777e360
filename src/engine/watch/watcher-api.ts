/** The watcher's public contract: what it needs, its options, and what it offers. */
import type { CloseMode, WatchEvent } from '../../shared/watch-events.js';
import type { Verdict } from '../../shared/verdict.js';
import type { ForegroundWatcher, Unsubscribe, WindowActions, WindowInfo } from '../ports/windows.js';
import type { Clock, Logger } from '../ports/clock.js';
import type { PageTextReader } from '../ports/page-text.js';
import type { DetectOptions } from '../detect/index.js';
import type { AllowEntry } from './allow-list.js';
import type { EscalationTiming } from './escalation.js';
import type { ClassifyFn } from './judge.js';
import type { BurstRule } from './popup-burst.js';

/** What the watcher needs from the world. */
export interface WatcherDeps {
  readonly windows: ForegroundWatcher;
  readonly actions: WindowActions;
  readonly clock: Clock;
  /** Defaults to the engine's detector. */
  readonly classify?: ClassifyFn;
  readonly detectOptions?: DetectOptions;
  /** Second stage (capture + OCR); without it suspicious windows are only reported. */
  readonly pageText?: PageTextReader;
  /** `ask` mode: ask the person; resolve true to close. Without it `ask` only reports. */
  readonly confirmClose?: (request: { readonly window: WindowInfo; readonly verdict: Verdict }) => Promise<boolean>;
  readonly logger?: Logger;
}

/** Tunables; every field has a sensible default. */
export interface WatcherOptions {
  readonly closeMode?: CloseMode;
  readonly allowList?: readonly AllowEntry[];
  /** No second alert for the same window within this time (ms). */
  readonly alertRepeatMs?: number;
  readonly burst?: BurstRule;
  readonly escalation?: EscalationTiming;
  /** Backoff when the window source fails to start: first and maximum delay (ms). */
  readonly retryMinMs?: number;
  readonly retryMaxMs?: number;
}

/** A running watcher. */
export interface Watcher {
  /** Starts watching (idempotent). */
  start(): void;
  /** Stops watching and aborts content checks (idempotent). */
  stop(): void;
  /** Receives every event; returns the unsubscribe function. */
  subscribe(listener: (event: WatchEvent) => void): Unsubscribe;
  setCloseMode(mode: CloseMode): void;
  /** Replaces the allow list (the person added or removed an entry); no rebuild, no restart. */
  setAllowList(entries: readonly AllowEntry[]): void;
}
