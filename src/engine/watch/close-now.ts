/**
 * The person's close key (tray item, hotkey, home button, `scarestop close-now`): close the
 * browser window in front NOW, whatever the detector thinks of it. The person is in charge; the
 * app must never disagree at the worst moment. The same verified escalation as the watcher runs.
 * Only browsers are closed: another program in front is left alone and the person is told why.
 */
import type { WatchEvent, WatchedWindow } from '../../shared/watch-events.js';
import type { Clock } from '../ports/clock.js';
import type { ForegroundWatcher, WindowActions } from '../ports/windows.js';
import { closeEventOf, closeFailedEventOf } from './close-event.js';
import { DEFAULT_ESCALATION_TIMING, escalateClose, type CloseReport, type EscalationTiming } from './escalation.js';
import { browserOf, toWatchedWindow } from './watched-window.js';

/** Why close-now did nothing. */
export type CloseNowRefusal = 'no-foreground' | 'not-a-browser';

/** Outcome of close-now. */
export type CloseNowResult =
  | { readonly status: 'closed'; readonly window: WatchedWindow; readonly report: CloseReport & { readonly ok: true } }
  | { readonly status: 'failed'; readonly window: WatchedWindow; readonly report: CloseReport }
  | { readonly status: 'refused'; readonly reason: CloseNowRefusal; readonly message: string; readonly window?: WatchedWindow };

/** What close-now needs. */
export interface CloseNowDeps {
  readonly windows: ForegroundWatcher;
  readonly actions: WindowActions;
  readonly clock: Clock;
}

/** Plain English for a refusal (the UI has its own ja/en words for the same reasons). */
export const REFUSAL_MESSAGES: Readonly<Record<CloseNowRefusal, string>> = {
  'no-foreground': 'No window is in front right now, so nothing was closed.',
  'not-a-browser': 'The window in front is not a web browser, so ScareStop left it alone. ScareStop closes only web pages.',
};

/** Closes the browser window in front as the person's decision; `emit` receives the close event. */
export async function closeForeground(deps: CloseNowDeps, options: { readonly escalation?: EscalationTiming } = {}, emit: (event: WatchEvent) => void = () => undefined): Promise<CloseNowResult> {
  const window = await deps.windows.foreground();
  if (window === null) return { status: 'refused', reason: 'no-foreground', message: REFUSAL_MESSAGES['no-foreground'] };
  const watched = toWatchedWindow(window);
  if (browserOf(window) === undefined) return { status: 'refused', reason: 'not-a-browser', message: REFUSAL_MESSAGES['not-a-browser'], window: watched };
  const startedAt = deps.clock.now();
  let report: CloseReport;
  try {
    report = await escalateClose(window, [], { actions: deps.actions, windows: deps.windows, clock: deps.clock }, options.escalation ?? DEFAULT_ESCALATION_TIMING);
  } catch (error) {
    const event = closeFailedEventOf(window, error, 'person', startedAt, deps.clock.now());
    emit(event);
    return { status: 'failed', window: watched, report: { ok: false, steps: [], message: event.message } };
  }
  emit(closeEventOf(window, report, 'person', startedAt, deps.clock.now()));
  return report.ok ? { status: 'closed', window: watched, report } : { status: 'failed', window: watched, report };
}
