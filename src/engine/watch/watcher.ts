/**
 * The watcher: foreground observations → detector → decisions → events. Both front doors (the
 * tray app and `scarestop watch`) construct it with `createWatcher(deps, options)`.
 */
import type { CloseDecidedBy, CloseMode, WatchEvent } from '../../shared/watch-events.js';
import type { Verdict } from '../../shared/verdict.js';
import { PlatformError } from '../ports/errors.js';
import type { Unsubscribe, WindowInfo } from '../ports/windows.js';
import type { TimerHandle } from '../ports/clock.js';
import { createDetector } from '../detect/index.js';
import type { AllowEntry } from './allow-list.js';
import { ContentCheckQueue, type ContentReadResult } from './content-check.js';
import { closeEventOf, closeFailedEventOf } from './close-event.js';
import { DEFAULT_ESCALATION_TIMING, escalateClose } from './escalation.js';
import { judgeWindow } from './judge.js';
import { DEFAULT_BURST_RULE, PopupBurstTracker } from './popup-burst.js';
import { browserOf, isFullScreen, toWatchedWindow } from './watched-window.js';
import { BehaviourTrail } from './window-behaviour.js';
import type { Watcher, WatcherDeps, WatcherOptions } from './watcher-api.js';

export type { Watcher, WatcherDeps, WatcherOptions } from './watcher-api.js';

/** Window ids can be reused by a new client (X11) or a new process: key state by both. */
const keyOfWindow = (window: WindowInfo): string => `${window.id}|${window.pid ?? ''}`;

interface WindowState {
  lastDetectedAt?: number;
  acting: boolean;
  readonly suspiciousTitles: Set<string>;
  /** Judged at least once while it was known to be part of a popup burst. */
  judgedInBurst?: boolean;
  /** Titles seen and prompts read: behaviour evidence for the detector. */
  readonly trail: BehaviourTrail;
}

/** Builds a watcher; call `start()` to begin. */
export function createWatcher(deps: WatcherDeps, options: WatcherOptions = {}): Watcher {
  const { windows, actions, clock } = deps;
  // The watcher's own detector: it meets the same windows again and again and remembers them.
  const classify = deps.classify ?? createDetector().classify;
  const alertRepeatMs = options.alertRepeatMs ?? 60_000;
  const timing = options.escalation ?? DEFAULT_ESCALATION_TIMING;
  const retryMin = options.retryMinMs ?? 1_000;
  const retryMax = options.retryMaxMs ?? 30_000;
  const listeners = new Set<(event: WatchEvent) => void>();
  let allowList: readonly AllowEntry[] = [...(options.allowList ?? [])];
  const burst = new PopupBurstTracker(options.burst ?? DEFAULT_BURST_RULE);
  const states = new Map<string, WindowState>();
  let closeMode: CloseMode = options.closeMode ?? 'ask';
  let burstIds = new Set<string>();
  let lastList: WindowInfo[] = [];
  let unsubscribe: Unsubscribe | undefined;
  let retryTimer: TimerHandle | undefined;
  let retryDelay = retryMin;
  let running = false;
  let healthy = false;
  let listing = false;
  let relist = false;
  let foregroundId: string | null = null;
  /** The window in front as last reported (the content check looks again only while it stays there, full screen). */
  let foreground: WindowInfo | null = null;
  let contentQueue: ContentCheckQueue | undefined;

  const emit = (event: WatchEvent): void => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        deps.logger?.error('watch event listener failed', { error: String(error) });
      }
    }
  };
  const stateOf = (window: WindowInfo): WindowState => {
    const id = keyOfWindow(window);
    let state = states.get(id);
    if (state === undefined) {
      state = { acting: false, suspiciousTitles: new Set(), trail: new BehaviourTrail() };
      states.set(id, state);
    }
    return state;
  };
  const context = (at: number, text?: string) => ({
    classify,
    allowList,
    at,
    ...(deps.detectOptions !== undefined ? { detectOptions: deps.detectOptions } : {}),
    ...(text !== undefined ? { text } : {}),
  });

  const onError = (error: PlatformError, retryInMs?: number): void => {
    healthy = false;
    deps.logger?.warn('window watching failed', { code: error.code, message: error.message });
    emit({ type: 'error', at: clock.now(), code: error.code, message: error.message, ...(retryInMs !== undefined ? { retryInMs } : {}) });
    emit({ type: 'status', at: clock.now(), state: 'retrying' });
  };

  async function close(window: WindowInfo, startedAt: number, decidedBy: CloseDecidedBy): Promise<void> {
    const state = stateOf(window);
    if (state.acting) return;
    state.acting = true;
    contentQueue?.windowGone(window.id);
    try {
      const siblings = lastList.filter((w) => burstIds.has(w.id) && w.pid === window.pid && w.id !== window.id);
      const report = await escalateClose(window, siblings, { actions, windows, clock }, timing);
      emit(closeEventOf(window, report, decidedBy, startedAt, clock.now()));
      // The window is gone; X11 may hand its id to a new window: that one starts afresh.
      if (report.ok) states.delete(keyOfWindow(window));
    } catch (error) {
      emit(closeFailedEventOf(window, error, decidedBy, startedAt, clock.now()));
    } finally {
      state.acting = false;
    }
  }

  function onScam(window: WindowInfo, verdict: Verdict, stage: 'title' | 'content', observedAt: number, allowListed: boolean): void {
    const state = stateOf(window);
    const now = clock.now();
    if (state.acting) return;
    contentQueue?.stopLooking(window.id); // judged: no more second looks
    if (state.lastDetectedAt !== undefined && now - state.lastDetectedAt < alertRepeatMs) return;
    state.lastDetectedAt = now;
    const next = allowListed ? 'allow-listed' : closeMode === 'auto' ? 'close' : closeMode === 'ask' && deps.confirmClose !== undefined ? 'ask' : 'report-only';
    emit({ type: 'detected', at: now, ms: now - observedAt, window: toWatchedWindow(window), verdict, stage, next });
    if (next === 'close') void close(window, now, 'guard');
    if (next === 'ask' && deps.confirmClose !== undefined) {
      deps.confirmClose({ window, verdict }).then(
        // A "yes" to the question is the person's own decision.
        (yes) => (yes && running ? close(window, clock.now(), 'person') : undefined),
        (error: unknown) => deps.logger?.warn('asking the person failed', { error: String(error) }),
      );
    }
  }

  function evaluate(window: WindowInfo, observedAt: number): void {
    let judgement;
    const state = stateOf(window);
    const inBurst = burstIds.has(window.id);
    if (inBurst) state.judgedInBurst = true;
    state.trail.sawTitle(window.title, observedAt);
    try {
      judgement = judgeWindow(window, { ...context(observedAt), inBurst, behaviour: state.trail.behaviourAt(observedAt) });
    } catch (error) {
      onError(new PlatformError('detector-failed', `The detector failed: ${String(error)}`, { cause: error }));
      return;
    }
    const { verdict, cause, allowListed } = judgement;
    if (verdict.verdict === 'scam') {
      onScam(window, verdict, 'title', observedAt, allowListed);
      return;
    }
    if (cause === undefined) return;
    if (state.suspiciousTitles.has(window.title) || state.acting) return;
    // A page can spin through endless titles: remember a bounded number per window.
    if (state.suspiciousTitles.size >= 64) state.suspiciousTitles.clear();
    state.suspiciousTitles.add(window.title);
    const now = clock.now();
    emit({ type: 'suspicious', at: now, ms: now - observedAt, window: toWatchedWindow(window), verdict, cause, contentCheck: contentQueue !== undefined });
    contentQueue?.request(window);
  }

  function onContent(result: ContentReadResult): void {
    if (!running) return;
    if (!result.ok) {
      const error = result.error instanceof PlatformError ? result.error : new PlatformError('content-check-failed', String(result.error), { cause: result.error });
      emit({ type: 'error', at: clock.now(), code: error.code, message: `Reading the page failed: ${error.message}` });
      return;
    }
    const { reading } = result;
    // The text is judged with the title the page shows now: a read requested under a passing
    // "Untitled" belongs to the page whose title came after it.
    const window = foreground !== null && foreground.id === result.window.id && foreground.pid === result.window.pid ? foreground : result.window;
    const startedAt = Math.round(clock.now() - reading.captureMs - reading.ocrMs);
    const { trail } = stateOf(window);
    trail.sawText(reading.text);
    // The closer look is done: its verdict stands on its own (no full-screen/burst raise).
    const judgement = judgeWindow(window, { ...context(clock.now(), reading.text), inBurst: burstIds.has(window.id), raise: false, behaviour: trail.behaviourAt(clock.now()) });
    if (judgement.verdict.verdict === 'scam') {
      onScam(window, judgement.verdict, 'content', startedAt, judgement.allowListed);
      return;
    }
    emit({ type: 'content-checked', at: clock.now(), ms: clock.now() - startedAt, window: toWatchedWindow(window), verdict: judgement.verdict, textChars: reading.text.length });
  }

  /** New browser windows: look for a popup burst; gone windows: forget them, abort their reads. */
  async function refreshWindowList(): Promise<void> {
    if (listing) {
      relist = true; // one more pass when this one ends: popups arrive in quick bursts
      return;
    }
    listing = true;
    try {
      // Only windows known before the list was taken can be "gone" from it (no stale verdicts).
      const knownStates = [...states.keys()];
      const knownReads = contentQueue?.activeWindowIds() ?? [];
      const list = await windows.listWindows();
      lastList = list;
      const presentKeys = new Set(list.map(keyOfWindow));
      const presentIds = new Set(list.map((w) => w.id));
      for (const key of knownStates) if (!presentKeys.has(key) && states.get(key)?.acting !== true) states.delete(key);
      for (const id of knownReads) if (!presentIds.has(id)) contentQueue?.windowGone(id);
      const browserWindows = list.filter((w) => browserOf(w) !== undefined);
      burstIds = new Set(burst.update(browserWindows, clock.now()));
      // The window in front now (it may have come forward while this list was taken) is judged
      // again once it is known to be in a burst: on a busy machine the list that reveals the
      // burst often ends after the window's own foreground report.
      const front = foreground;
      if (running && front !== null && browserOf(front) !== undefined && burstIds.has(front.id) && stateOf(front).judgedInBurst !== true) evaluate(front, clock.now());
    } catch (error) {
      deps.logger?.warn('listing windows failed', { error: String(error) });
    } finally {
      listing = false;
      const again = relist;
      relist = false;
      if (again && running) void refreshWindowList();
    }
  }

  function onWindow(window: WindowInfo | null): void {
    if (!running) return;
    const observedAt = clock.now();
    if (!healthy) {
      healthy = true;
      retryDelay = retryMin;
      emit({ type: 'status', at: observedAt, state: 'watching' });
    }
    const switched = (window?.id ?? null) !== foregroundId;
    const isNew = window !== null && !states.has(keyOfWindow(window));
    foregroundId = window?.id ?? null;
    foreground = window;
    if (window !== null) stateOf(window);
    // Never judge or act on other programs; still track the list for bursts and gone windows.
    if (window !== null && browserOf(window) !== undefined) evaluate(window, observedAt);
    if (switched || isNew) void refreshWindowList();
  }

  /** The detector's first call builds its tables (~100 ms): pay that now, not at the first scam. */
  function warmUp(): void {
    try {
      classify({ title: 'ScareStop warm-up', at: clock.now() }, deps.detectOptions);
    } catch (error) {
      deps.logger?.warn('detector warm-up failed', { error: String(error) });
    }
  }

  function subscribeSource(): void {
    retryTimer = undefined;
    if (!running) return;
    try {
      unsubscribe = windows.watch(onWindow, (error) => onError(error));
    } catch (error) {
      const wait = retryDelay;
      retryDelay = Math.min(retryMax, retryDelay * 2);
      onError(error instanceof PlatformError ? error : new PlatformError('watch-failed', String(error), { cause: error }), wait);
      retryTimer = clock.setTimeout(subscribeSource, wait);
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      if (deps.pageText !== undefined) {
        const stillInFront = (window: WindowInfo): boolean => foreground !== null && foreground.id === window.id && isFullScreen(foreground);
        contentQueue = new ContentCheckQueue(deps.pageText, onContent, { clock, stillInFront });
      }
      warmUp();
      subscribeSource();
    },
    stop() {
      if (!running) return;
      running = false;
      if (retryTimer !== undefined) clock.clearTimeout(retryTimer);
      retryTimer = undefined;
      unsubscribe?.();
      unsubscribe = undefined;
      contentQueue?.stop();
      contentQueue = undefined;
      emit({ type: 'status', at: clock.now(), state: 'stopped' });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setCloseMode(mode) {
      closeMode = mode;
    },
    setAllowList(entries) {
      // Replaced whole: the next judgement uses the new list; windows already judged keep theirs.
      allowList = [...entries];
    },
  };
}
