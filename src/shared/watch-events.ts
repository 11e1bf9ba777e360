/**
 * What the watcher tells its front doors (tray app, `scarestop watch`, `close-now`). One
 * discriminated union on `type`; every consumer switches on it with `assertNever`.
 * Titles here came from web pages: hostile text, bounded in size, never rendered as HTML.
 */
import type { Rect } from './geometry.js';
import type { Verdict } from './verdict.js';

/** What to do with a scam window: ask the person, close it at once, or only report it. */
export type CloseMode = 'ask' | 'auto' | 'never';

/** The close modes, for argument parsing and settings validation. */
export const CLOSE_MODES: readonly CloseMode[] = ['ask', 'auto', 'never'];

/** The window an event is about (title bounded to a few hundred characters). */
export interface WatchedWindow {
  readonly windowId: string;
  readonly title: string;
  readonly pid?: number;
  /** Executable path or name of the owning browser. */
  readonly process?: string;
  readonly bounds?: Rect;
  readonly screen?: Rect;
  readonly fullscreen: boolean;
}

/** Which look produced a verdict: the title alone, or title plus page text read from pixels. */
export type DetectionStage = 'title' | 'content';

/** Why a browser window is worth a closer look although its title alone is not a scam. */
export type SuspicionCause = 'detector' | 'fullscreen' | 'popup-burst';

/** One step of the close escalation, in order. */
export type CloseStepName = 'exit-fullscreen' | 'polite-close' | 'confirm-leave' | 'terminate' | 'prevent-restore';

/** Outcome of one step, verified by the watcher before it moved on. */
export interface CloseStepReport {
  readonly step: CloseStepName;
  readonly status: 'done' | 'not-needed' | 'failed' | 'skipped';
  readonly detail?: string;
  readonly ms: number;
}

/** How the scary window went away. */
export type CloseOutcome = 'closed' | 'terminated';

/**
 * Whose decision a close was: the person's (close key, tray item, home or alert button, a
 * "yes" to the watcher's question, `scarestop close-now`) or the guard's own (close mode auto).
 */
export type CloseDecidedBy = 'person' | 'guard';

/** Events, discriminated by `type`. `at` is ms since epoch; `ms` is described per event. */
export type WatchEvent =
  | {
      /** A browser window is a scam (title, or title + page text). `ms`: observation → verdict. */
      readonly type: 'detected';
      readonly at: number;
      readonly ms: number;
      readonly window: WatchedWindow;
      readonly verdict: Verdict;
      readonly stage: DetectionStage;
      /** What the watcher will do next under the current close mode. */
      readonly next: 'close' | 'ask' | 'report-only' | 'allow-listed';
    }
  | {
      /** Worth a closer look (full-screen bland page, popup burst); never closed on this alone. */
      readonly type: 'suspicious';
      readonly at: number;
      readonly ms: number;
      readonly window: WatchedWindow;
      readonly verdict: Verdict;
      readonly cause: SuspicionCause;
      /** True when the content check (page text) will run next. */
      readonly contentCheck: boolean;
    }
  | {
      /** The content check finished without finding a scam (a scam result is a `detected`). */
      readonly type: 'content-checked';
      readonly at: number;
      /** Capture + OCR + classify time. */
      readonly ms: number;
      readonly window: WatchedWindow;
      readonly verdict: Verdict;
      readonly textChars: number;
    }
  | {
      /** The scary window is gone. `ms`: whole escalation. */
      readonly type: 'action-taken';
      readonly at: number;
      readonly ms: number;
      readonly window: WatchedWindow;
      readonly outcome: CloseOutcome;
      /** True when the browser was ended: every tab and window of that browser closed. */
      readonly closedAllBrowserWindows: boolean;
      readonly decidedBy: CloseDecidedBy;
      readonly steps: readonly CloseStepReport[];
      /** Plain words for the person. */
      readonly message: string;
    }
  | {
      /** Closing failed or was refused; the window may still be there. */
      readonly type: 'action-failed';
      readonly at: number;
      readonly ms: number;
      readonly window: WatchedWindow;
      readonly decidedBy: CloseDecidedBy;
      readonly steps: readonly CloseStepReport[];
      readonly message: string;
    }
  | {
      /** Something went wrong watching (display lost, native module missing); the watcher retries. */
      readonly type: 'error';
      readonly at: number;
      readonly code: string;
      readonly message: string;
      /** When the watcher will try again, if it will. */
      readonly retryInMs?: number;
    }
  | {
      /** Watching state for a status indicator. */
      readonly type: 'status';
      readonly at: number;
      readonly state: 'watching' | 'retrying' | 'stopped';
    };

/** The `type` names, e.g. for filters. */
export type WatchEventType = WatchEvent['type'];
