/**
 * The one place a close report becomes a watch event (`action-taken` / `action-failed`), for
 * the watcher's own closes, the person's close key and the alert's Close button alike.
 */
import type { CloseDecidedBy, WatchEvent } from '../../shared/watch-events.js';
import type { WindowInfo } from '../ports/windows.js';
import type { CloseReport } from './escalation.js';
import { toWatchedWindow } from './watched-window.js';

/** The event for one finished escalation; `startedAt` and `at` are clock times (ms). */
export function closeEventOf(window: WindowInfo, report: CloseReport, decidedBy: CloseDecidedBy, startedAt: number, at: number): WatchEvent & { readonly type: 'action-taken' | 'action-failed' } {
  const base = { at, ms: at - startedAt, window: toWatchedWindow(window), decidedBy, steps: report.steps, message: report.message };
  return report.ok ? { ...base, type: 'action-taken', outcome: report.outcome, closedAllBrowserWindows: report.outcome === 'terminated' } : { ...base, type: 'action-failed' };
}

/** The event for an escalation that threw (a bug or a dead adapter): nothing was verified. */
export function closeFailedEventOf(window: WindowInfo, error: unknown, decidedBy: CloseDecidedBy, startedAt: number, at: number): WatchEvent & { readonly type: 'action-failed' } {
  return { type: 'action-failed', at, ms: at - startedAt, window: toWatchedWindow(window), decidedBy, steps: [], message: `Closing failed: ${String(error)}` };
}
