/** Converting the watcher's words (events, reports) into the alert and close-result views. */
import { browserFamilyOf } from '../engine/browsers.js';
import type { CloseNowResult } from '../engine/watch/index.js';
import type { BrowserFamily, WindowInfo } from '../engine/ports.js';
import { toDisplayText } from '../shared/display-text.js';
import type { CloseResult, CloseStep } from '../shared/ipc.js';
import type { Verdict } from '../shared/verdict.js';
import type { CloseStepReport, WatchedWindow } from '../shared/watch-events.js';

const BROWSER_NAMES: Readonly<Record<BrowserFamily, string>> = {
  chrome: 'Chrome',
  chromium: 'Chromium',
  edge: 'Edge',
  brave: 'Brave',
  opera: 'Opera',
  vivaldi: 'Vivaldi',
  firefox: 'Firefox',
  other: 'Browser',
};

/** "Chrome", "Edge"... for the alert's "all windows of Chrome will close". */
export function browserDisplayName(process: string | undefined): string {
  const family = browserFamilyOf(process);
  return family === undefined ? BROWSER_NAMES.other : BROWSER_NAMES[family];
}

function viewStep(report: CloseStepReport): CloseStep {
  const status = report.status === 'skipped' ? 'not-needed' : report.status;
  switch (report.step) {
    case 'exit-fullscreen':
    case 'confirm-leave':
    case 'prevent-restore':
      return { step: report.step, status };
    case 'polite-close':
      return { step: 'close-window', status };
    case 'terminate':
      return { step: 'terminate-browser', status };
  }
}

/** The steps the escalation took, in view terms. */
export function viewSteps(steps: readonly CloseStepReport[]): CloseStep[] {
  return steps.slice(0, 10).map(viewStep);
}

/** Close-now's answer as the UI's close result. */
export function closeResultOf(result: CloseNowResult): CloseResult {
  switch (result.status) {
    case 'closed':
      return { outcome: 'closed', browserClosed: result.report.outcome === 'terminated', steps: viewSteps(result.report.steps) };
    case 'failed':
      return { outcome: 'failed', browserClosed: false, steps: viewSteps(result.report.steps) };
    case 'refused':
      return { outcome: 'nothing-to-close', browserClosed: false, steps: [], nothingReason: result.reason === 'not-a-browser' ? 'not-a-browser' : 'no-window' };
  }
}

/** Phone numbers as shown on the alert (bounded, cleaned, at most five). */
export function alertPhones(verdict: Verdict): { display: string; known: boolean }[] {
  return verdict.phones.slice(0, 5).map((phone) => ({ display: toDisplayText(phone.raw, 40), known: phone.known === true }));
}

/** The window an event speaks of, back in the port's terms (for a targeted close). */
export function windowInfoOf(window: WatchedWindow): WindowInfo {
  return {
    id: window.windowId,
    title: window.title,
    fullscreen: window.fullscreen,
    ...(window.pid !== undefined ? { pid: window.pid } : {}),
    ...(window.process !== undefined ? { processPath: window.process, processName: window.process.split(/[\\/]/).pop() ?? window.process } : {}),
    ...(window.bounds !== undefined ? { bounds: window.bounds } : {}),
    ...(window.screen !== undefined ? { screen: window.screen } : {}),
  };
}
