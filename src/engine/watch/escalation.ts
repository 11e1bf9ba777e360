/**
 * Close escalation for a scam window: exit full screen → polite close → confirm "Leave site?"
 * → end the browser's process tree; every step is verified before the next, and a browser left
 * running without windows is ended too. After a forced end, the browser is told not to restore
 * the page on its next start.
 */
import type { CloseOutcome, CloseStepName, CloseStepReport } from '../../shared/watch-events.js';
import type { Clock } from '../ports/clock.js';
import type { ActionOutcome, ForegroundWatcher, WindowActions, WindowInfo } from '../ports/windows.js';
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

async function safely(action: () => Promise<ActionOutcome>): Promise<ActionOutcome> {
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
    return undefined; // verification falls back to isWindowOpen / isProcessAlive
  }
}

/**
 * Closes `target` (and `siblings`: other windows of the same browser in a popup burst).
 * Never acts on a window whose process is not a known browser.
 */
export async function escalateClose(target: WindowInfo, siblings: readonly WindowInfo[], deps: EscalationDeps, timing: EscalationTiming = DEFAULT_ESCALATION_TIMING): Promise<CloseReport> {
  const { actions, clock } = deps;
  const steps: CloseStepReport[] = [];
  const family = browserOf(target);
  if (family === undefined) {
    return { ok: false, steps, message: 'Not closed: this window does not belong to a web browser.' };
  }
  const pid = target.pid;
  const ids = [target.id, ...siblings.filter((w) => w.pid === pid && w.id !== target.id).map((w) => w.id)];
  const record = (step: CloseStepName, started: number, status: CloseStepReport['status'], detail?: string): void => {
    steps.push({ step, status, ms: clock.now() - started, ...(detail !== undefined ? { detail } : {}) });
  };
  const openIds = async (): Promise<string[]> => {
    const open: string[] = [];
    for (const id of ids) if (await actions.isWindowOpen(id).catch(() => true)) open.push(id);
    return open;
  };
  const alive = (p: number): Promise<boolean> => actions.isProcessAlive(p).catch(() => true);
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
    record('exit-fullscreen', started, left ? 'done' : 'failed', left ? outcome.detail : `still full screen (${outcome.detail ?? outcome.status})`);
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

  // 3. A beforeunload trap shows "Leave site?": confirm it.
  started = clock.now();
  if (!closed) {
    for (const id of await openIds()) await safely(() => actions.confirmLeavePage(id));
    closed = await pollUntil(clock, allClosed, timing.closeWaitMs, timing.pollMs);
    record('confirm-leave', started, closed ? 'done' : 'failed', closed ? undefined : 'the window is still open');
  } else {
    record('confirm-leave', started, 'not-needed');
  }

  // 4. End the browser when the window resists, or when it is left running without windows.
  started = clock.now();
  let terminated = false;
  let reason: string | undefined;
  if (!closed) reason = 'the window refused to close';
  else if (pid !== undefined && (await alive(pid))) {
    // Closing a browser's last window normally ends it within a second or two; only a browser
    // that stays alive with no window at all is ended (it would hold the page in the background).
    const others = await safeList(deps);
    if (others !== undefined && !others.some((w) => w.pid === pid)) {
      const exited = await pollUntil(clock, async () => !(await alive(pid)), timing.windowlessGraceMs, timing.pollMs * 2);
      const list = exited ? undefined : await safeList(deps);
      if (list !== undefined && !list.some((w) => w.pid === pid)) reason = 'the browser kept running without any window';
    }
  }
  if (reason === undefined) {
    record('terminate', started, 'not-needed');
  } else if (pid === undefined) {
    record('terminate', started, 'failed', `${reason}, and its process is unknown`);
  } else {
    const outcome = await safely(() => actions.terminateProcessTree(pid));
    terminated = await pollUntil(clock, async () => !(await alive(pid)), timing.terminateWaitMs, timing.pollMs);
    record('terminate', started, terminated ? 'done' : 'failed', terminated ? reason : `${reason}; ending the browser failed: ${outcome.detail ?? outcome.status}`);
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

  if (!closed) return { ok: false, steps, message: 'The scary window could not be closed. Turn the computer off with its power button; ScareStop will help after the restart.' };
  if (terminated) {
    return {
      ok: true,
      outcome: 'terminated',
      steps,
      message: 'The scary page is gone. The browser had to be ended, so all its tabs and windows were closed; it will not reopen the page.',
    };
  }
  return { ok: true, outcome: 'closed', steps, message: 'The scary page is closed (its browser window was closed, with any other tabs in that window).' };
}
