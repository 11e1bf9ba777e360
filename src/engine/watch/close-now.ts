/**
 * The big button / hotkey path: close the foreground window now, if (and only if) it is a
 * browser window showing a scam, or a suspicious one when the person insists (`force`).
 */
import type { Verdict } from '../../shared/verdict.js';
import type { WatchEvent, WatchedWindow } from '../../shared/watch-events.js';
import type { DetectOptions } from '../detect/index.js';
import type { Clock } from '../ports/clock.js';
import type { ForegroundWatcher, WindowActions } from '../ports/windows.js';
import type { AllowEntry } from './allow-list.js';
import { DEFAULT_ESCALATION_TIMING, escalateClose, type CloseReport, type EscalationTiming } from './escalation.js';
import { judgeWindow, type ClassifyFn } from './judge.js';
import { browserOf, toWatchedWindow } from './watched-window.js';

/** Why close-now did nothing. */
export type CloseNowRefusal = 'no-foreground' | 'not-a-browser' | 'not-scary' | 'suspicious-needs-force' | 'allow-listed';

/** Outcome of close-now. */
export type CloseNowResult =
  | { readonly status: 'closed'; readonly window: WatchedWindow; readonly verdict: Verdict; readonly report: CloseReport & { readonly ok: true } }
  | { readonly status: 'failed'; readonly window: WatchedWindow; readonly verdict: Verdict; readonly report: CloseReport & { readonly ok: false } }
  | { readonly status: 'refused'; readonly reason: CloseNowRefusal; readonly message: string; readonly window?: WatchedWindow; readonly verdict?: Verdict };

/** What close-now needs. */
export interface CloseNowDeps {
  readonly windows: ForegroundWatcher;
  readonly actions: WindowActions;
  readonly clock: Clock;
  readonly classify: ClassifyFn;
  readonly detectOptions?: DetectOptions;
}

/** Closes the foreground window when it is scary; `emit` receives the same events as the watcher. */
export async function closeForeground(
  deps: CloseNowDeps,
  options: { readonly force: boolean; readonly allowList?: readonly AllowEntry[]; readonly escalation?: EscalationTiming },
  emit: (event: WatchEvent) => void = () => undefined,
): Promise<CloseNowResult> {
  const window = await deps.windows.foreground();
  if (window === null) return { status: 'refused', reason: 'no-foreground', message: 'No window is in front right now.' };
  const watched = toWatchedWindow(window);
  if (browserOf(window) === undefined) {
    return { status: 'refused', reason: 'not-a-browser', message: 'The window in front is not a web browser; ScareStop closes only browser windows.', window: watched };
  }
  const startedAt = deps.clock.now();
  const { verdict, allowListed } = judgeWindow(window, {
    classify: deps.classify,
    allowList: options.allowList ?? [],
    inBurst: false,
    at: startedAt,
    ...(deps.detectOptions !== undefined ? { detectOptions: deps.detectOptions } : {}),
  });
  if (allowListed) return { status: 'refused', reason: 'allow-listed', message: 'You marked this page as safe earlier, so it stays open.', window: watched, verdict };
  if (verdict.verdict === 'clean') {
    return { status: 'refused', reason: 'not-scary', message: 'The window in front does not look like a fake warning, so it stays open.', window: watched, verdict };
  }
  if (verdict.verdict === 'suspicious' && !options.force) {
    return { status: 'refused', reason: 'suspicious-needs-force', message: 'The window in front might be a fake warning but ScareStop is not sure. Use --force to close it anyway.', window: watched, verdict };
  }
  const report = await escalateClose(window, [], { actions: deps.actions, windows: deps.windows, clock: deps.clock }, options.escalation ?? DEFAULT_ESCALATION_TIMING);
  const base = { at: deps.clock.now(), ms: deps.clock.now() - startedAt, window: watched, steps: report.steps, message: report.message };
  if (report.ok) {
    emit({ ...base, type: 'action-taken', outcome: report.outcome, closedAllBrowserWindows: report.outcome === 'terminated' });
    return { status: 'closed', window: watched, verdict, report };
  }
  emit({ ...base, type: 'action-failed' });
  return { status: 'failed', window: watched, verdict, report };
}
