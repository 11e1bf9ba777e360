/**
 * One judgement of one browser window: the detector's verdict, raised to "suspicious" when the
 * window shows the lock pattern (full screen) or is part of a popup burst, and the allow list.
 */
import type { Verdict } from '../../shared/verdict.js';
import type { SuspicionCause } from '../../shared/watch-events.js';
import type { WindowBehaviour, WindowObservation } from '../../shared/observation.js';
import type { DetectOptions } from '../detect/index.js';
import type { WindowInfo } from '../ports/windows.js';
import { isAllowed, type AllowEntry } from './allow-list.js';
import { isFullScreen, toObservation } from './watched-window.js';

/** The detector's signature (`classify` from src/engine/detect). */
export type ClassifyFn = (observation: WindowObservation, options?: DetectOptions) => Verdict;

/** Inputs beside the window itself. */
export interface JudgeContext {
  readonly classify: ClassifyFn;
  readonly detectOptions?: DetectOptions;
  readonly allowList: readonly AllowEntry[];
  /** The window is one of a burst of new popups. */
  readonly inBurst: boolean;
  readonly at: number;
  /** Page text from the content check. */
  readonly text?: string;
  /** Raise full-screen / burst windows to suspicious (default true; false after the content check). */
  readonly raise?: boolean;
  /** What the watcher saw the window do over time (title churn, a refused close). */
  readonly behaviour?: WindowBehaviour;
}

/** The window's behaviour for the detector, or undefined when it showed none. */
function behaviourOf(context: JudgeContext): WindowBehaviour | undefined {
  const behaviour: WindowBehaviour = { ...context.behaviour, ...(context.inBurst ? { popupBurst: true } : {}) };
  return Object.keys(behaviour).length === 0 ? undefined : behaviour;
}

/** The verdict plus why the watcher looks closer (when it is not a scam on its own). */
export interface Judgement {
  readonly verdict: Verdict;
  readonly cause?: SuspicionCause;
  readonly allowListed: boolean;
}

/** Judges a browser window (the caller has already checked that it is a browser). */
export function judgeWindow(window: WindowInfo, context: JudgeContext): Judgement {
  // Behaviour (a popup burst, title churn, a refused close) is evidence for the detector too: it
  // strengthens a page's own alarming words, never stands alone.
  const observation = toObservation(window, context.at, context.text);
  const behaviour = behaviourOf(context);
  const verdict = context.classify(behaviour === undefined ? observation : { ...observation, behaviour }, context.detectOptions);
  const allowListed = isAllowed(context.allowList, { title: window.title, ...(window.url !== undefined ? { url: window.url } : {}) });
  if (verdict.verdict === 'scam') return { verdict, allowListed };
  if (verdict.verdict === 'suspicious') return { verdict, cause: context.inBurst && verdict.reasons.every((r) => r.signal === 'popup-burst') ? 'popup-burst' : 'detector', allowListed };
  const benign = verdict.reasons.some((r) => r.signal === 'benign-context' || r.signal === 'allow-listed');
  if (benign || allowListed || context.raise === false) return { verdict, allowListed };
  // A page that took the whole screen, or one of a flood of popups, is where kits with bland
  // titles hide their threat: look closer (the content check), never close on this alone.
  if (isFullScreen(window)) {
    return { verdict: raise(verdict, 'fullscreen', 'The page fills the whole screen.'), cause: 'fullscreen', allowListed };
  }
  if (context.inBurst) {
    return { verdict: raise(verdict, 'popup-burst', 'Many new browser windows opened at once.'), cause: 'popup-burst', allowListed };
  }
  return { verdict, allowListed };
}

function raise(verdict: Verdict, signal: 'fullscreen' | 'popup-burst', detail: string): Verdict {
  return { ...verdict, verdict: 'suspicious', score: Math.max(verdict.score, 0.5), reasons: [...verdict.reasons, { signal, detail }] };
}
