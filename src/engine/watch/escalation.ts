/**
 * Close escalation for a scam window: exit full screen → polite close → confirm "Leave site?"
 * → end the browser's process tree; every step is verified before the next, and a browser left
 * running without windows is ended too. After a forced end, the browser is told not to restore
 * the page on its next start.
 *
 * Never make things worse: the browser process is identified (pid + start time + image) when
 * the escalation starts and only that very process is ever ended (the adapter re-identifies
 * each member of its tree before every signal and spares what is not part of the browser); a
 * key is never typed for a window that is gone ("skipped: window gone", not "done").
 */
import type { CloseOutcome, CloseStepName, CloseStepReport } from '../../shared/watch-events.js';
import type { Clock } from '../ports/clock.js';
import type { ProcessIdentity } from '../ports/processes.js';
import type { ActionOutcome, ForegroundWatcher, TerminateOutcome, WindowActions, WindowInfo } from '../ports/windows.js';
import { describeSpared, isBrowserOfFamily, sameProcess } from './browser-tree.js';
import { pollUntil } from './clock-wait.js';
import { browserOf, isFullScreen } from './watched-window.js';

/** How long each verification waits (ms). Defaults fit a busy machine. */
export interface EscalationTiming {
  readonly fullscreenVerifyMs: number;
  readonly closeWaitMs: number;
  readonly terminateWaitMs: number;
  /** How long a browser may run with none of its windows left before it is ended. */
  readonly windowlessGraceMs: number;
  readonly pollMs: number;
}

export const DEFAULT_ESCALATION_TIMING: EscalationTiming = {
  fullscreenVerifyMs: 1_000,
  closeWaitMs: 2_500,
  terminateWaitMs: 6_000,
  windowlessGraceMs: 4_000,
  pollMs: 100,
};

/** What the escalation needs from the world. */
export interface EscalationDeps {
  readonly actions: WindowActions;
  readonly windows: Pick<ForegroundWatcher, 'listWindows'>;
  readonly clock: Clock;
}

/** Result of one escalation. */
export type CloseReport =
  | { readonly ok: true; readonly outcome: CloseOutcome; readonly steps: readonly CloseStepReport[]; readonly message: string }
  | { readonly ok: false; readonly steps: readonly CloseStepReport[]; readonly message: string };

async function safely<T extends ActionOutcome>(action: () => Promise<T>): Promise<T | ActionOutcome> {
  try {
    return await action();
  } catch (error) {
    return { status: 'failed', detail: error instanceof Error ? error.message : String(error) };
  }
}

async function safeList(deps: EscalationDeps): Promise<WindowInfo[] | undefined> {
  try {
    return await deps.windows.listWindows();
  } catch {
    return undefined; // verification falls back to isWindowOpen / the process identity
  }
}

/** Who runs as `pid` now; undefined when gone or unreadable (then nothing is ever signalled). */
async function identify(deps: EscalationDeps, pid: number | undefined): Promise<ProcessIdentity | undefined> {
  if (pid === undefined) return undefined;
  try {
    return await deps.actions.identifyProcess(pid);
  } catch {
    return undefined; // an unreadable process is never ended: it may not be the browser
  }
}

/** The spared processes of a terminate outcome, when there are any. */
function sparedOf(outcome: TerminateOutcome | ActionOutcome): TerminateOutcome['spared'] {
  return 'spared' in outcome && outcome.spared !== undefined && outcome.spared.length > 0 ? outcome.spared : undefined;
}

/**
 * Closes `target` (and `siblings`: other windows of the same browser in a popup burst).
 * Never acts on a window whose process is not a known browser, and never ends a process that is
 * not the judged browser (or a process of the same browser in its tree).
 */
export async function escalateClose(target: WindowInfo, siblings: readonly WindowInfo[], deps: EscalationDeps, timing: EscalationTiming = DEFAULT_ESCALATION_TIMING): Promise<CloseReport> {
  const { actions, clock } = deps;
  const steps: CloseStepReport[] = [];
  const family = browserOf(target);
  if (family === undefined) {
    return { ok: false, steps, message: 'Not closed: this window does not belong to a web browser.' };
  }
  const pid = target.pid;
  // Identify the browser now, before anything is closed: later its pid may be gone or reused.
  const identified = await identify(deps, pid);
  const browser = identified !== undefined && isBrowserOfFamily(identified, family) ? identified : undefined;
  const ids = [target.id, ...siblings.filter((w) => w.pid === pid && w.id !== target.id).map((w) => w.id)];
  const record = (step: CloseStepName, started: number, status: CloseStepReport['status'], detail?: string, extra: Partial<CloseStepReport> = {}): void => {
    steps.push({ step, status, ms: clock.now() - started, ...(detail !== undefined ? { detail } : {}), ...extra });
  };
  const openIds = async (): Promise<string[]> => {
    const open: string[] = [];
    for (const id of ids) if (await actions.isWindowOpen(id).catch(() => true)) open.push(id);
    return open;
  };
  /** The judged browser still runs (an unreadable answer counts as running: wait, never guess gone). */
  const browserRuns = async (): Promise<boolean> => {
    if (browser === undefined) return false;
    try {
      return sameProcess(browser, await actions.identifyProcess(browser.pid));
    } catch {
      return true;
    }
  };
  const allClosed = async (): Promise<boolean> => (await openIds()).length === 0;

  // 1. Full screen hides everything else (and the close button): leave it first.
  let started = clock.now();
  if (isFullScreen(target)) {
    const outcome = await safely(() => actions.exitFullScreen(target.id));
    const left = await pollUntil(
      clock,
      async () => {
        const list = await safeList(deps);
        const now = list?.find((w) => w.id === target.id);
        return now === undefined || !isFullScreen(now);
      },
      timing.fullscreenVerifyMs,
      timing.pollMs,
    );
    if (outcome.status === 'skipped') record('exit-fullscreen', started, 'skipped', outcome.detail);
    else record('exit-fullscreen', started, left ? 'done' : 'failed', left ? outcome.detail : `still full screen (${outcome.detail ?? outcome.status})`);
  } else {
    record('exit-fullscreen', started, 'not-needed');
  }

  // 2. Polite close, like clicking the X.
  started = clock.now();
  const closeDetails: string[] = [];
  for (const id of ids) {
    const outcome = await safely(() => actions.closeWindow(id));
    if (outcome.status === 'failed') closeDetails.push(outcome.detail);
  }
  let closed = await pollUntil(clock, allClosed, timing.closeWaitMs, timing.pollMs);
  record('polite-close', started, closed ? 'done' : 'failed', closed ? undefined : closeDetails[0] ?? 'the window stayed open (a "Leave site?" prompt or a page trap)');

  // 3. A beforeunload trap shows "Leave site?": confirm it, with a key for that window only.
  started = clock.now();
  if (!closed) {
    const outcomes: ActionOutcome[] = [];
    for (const id of await openIds()) outcomes.push(await safely(() => actions.confirmLeavePage(id)));
    const typed = outcomes.some((outcome) => outcome.status === 'done');
    closed = typed ? await pollUntil(clock, allClosed, timing.closeWaitMs, timing.pollMs) : await allClosed();
    const skip = outcomes.find((outcome) => outcome.status === 'skipped')?.detail ?? 'window gone';
    if (typed) record('confirm-leave', started, closed ? 'done' : 'failed', closed ? undefined : 'the window is still open');
    else record('confirm-leave', started, outcomes.some((outcome) => outcome.status === 'failed') && !closed ? 'failed' : 'skipped', closed ? 'window gone' : skip);
  } else {
    record('confirm-leave', started, 'not-needed');
  }

  // 4. End the browser when the window resists, or when it is left running without windows.
  started = clock.now();
  let terminated = false;
  let reason: string | undefined;
  if (!closed) reason = 'the window refused to close';
  else if (await browserRuns()) {
    // Closing a browser's last window normally ends it within a second or two; only a browser
    // that stays alive with no window at all is ended (it would hold the page in the background).
    const others = await safeList(deps);
    if (others !== undefined && !others.some((w) => w.pid === pid)) {
      const exited = await pollUntil(clock, async () => !(await browserRuns()), timing.windowlessGraceMs, timing.pollMs * 2);
      const list = exited ? undefined : await safeList(deps);
      if (list !== undefined && !list.some((w) => w.pid === pid)) reason = 'the browser kept running without any window';
    }
  }
  let spared: TerminateOutcome['spared'];
  if (reason === undefined) {
    record('terminate', started, 'not-needed');
  } else if (browser === undefined) {
    const now = identified === undefined ? 'is unknown or gone' : `is now ${identified.image}, not the browser`;
    record('terminate', started, 'failed', `${reason}, but its process ${now}; nothing was ended`);
  } else {
    const outcome = await safely(() => actions.terminateProcessTree(browser, family));
    spared = sparedOf(outcome);
    // A refusal (the pid now belongs to another program) is not an end, even though the judged browser no longer runs.
    const ending = outcome.status === 'done' || outcome.status === 'not-needed';
    terminated = ending && (await pollUntil(clock, async () => !(await browserRuns()), timing.terminateWaitMs, timing.pollMs));
    const kept = spared === undefined ? '' : `; left running: ${describeSpared(spared)}`;
    const detail = terminated ? `${reason}${kept}` : `${reason}; ending the browser failed: ${outcome.detail ?? outcome.status}${kept}`;
    record('terminate', started, terminated ? 'done' : 'failed', detail, spared === undefined ? {} : { spared });
    if (terminated) closed = true;
  }

  // 5. A forced end makes browsers offer "Restore pages?": that would bring the scam back.
  started = clock.now();
  if (terminated) {
    const outcome = await safely(() => actions.preventSessionRestore({ family, pid, ...(target.processPath !== undefined ? { processPath: target.processPath } : {}) }));
    record('prevent-restore', started, outcome.status, outcome.detail);
  } else {
    record('prevent-restore', started, 'not-needed');
  }

  const keptNote = spared === undefined ? '' : ` Other programs started from the browser were left open: ${describeSpared(spared)}.`;
  if (!closed) return { ok: false, steps, message: `The scary window could not be closed. Turn the computer off with its power button; ScareStop will help after the restart.${keptNote}` };
  if (terminated) {
    return {
      ok: true,
      outcome: 'terminated',
      steps,
      message: `The scary page is gone. The browser had to be ended, so all its tabs and windows were closed; it will not reopen the page.${keptNote}`,
    };
  }
  return { ok: true, outcome: 'closed', steps, message: 'The scary page is closed (its browser window was closed, with any other tabs in that window).' };
}
