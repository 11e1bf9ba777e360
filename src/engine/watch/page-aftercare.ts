/**
 * What happens to a scam page besides closing it: its alarm is silenced at once (the browser's
 * own audio streams, never the system volume) and stays silenced while the page is open (a kit
 * that starts a new sound is muted again: at once where the sound server announces new streams,
 * else at the next timed re-check), and its address is looked up in the browser on a
 * backing-off schedule until known. Silencing comes first: the address look-up (copying and
 * reading a database) starts only once the first mute has settled, so it never delays it. When
 * the person says the page is fine, exactly what was muted is unmuted. Page text is bounded.
 */
import { hostOfAddress } from '../detect/address-evidence.js';
import { cleanHostileText } from '../../shared/hostile-text.js';
import type { WatchedWindow, WatchEvent } from '../../shared/watch-events.js';
import type { AudioOutcome, BrowserAudio, MutedStream, PageAddress, PageAddressReader } from '../ports/browser-page.js';
import type { Clock, Logger, TimerHandle } from '../ports/clock.js';

/**
 * When to look for the address after a detection (ms after it): every half second for the first
 * 15 s, then backing off. Chromium commits its history 10 s after a visit (measured), so the
 * answer usually comes 8–10 s after the detection; a look whose history files have not changed
 * costs the reader a few `stat` calls, not a database copy.
 */
export const ADDRESS_SCHEDULE_MS: readonly number[] = [...Array.from({ length: 31 }, (_, i) => i * 500), 20_000, 30_000, 45_000];
/** While the page stays open, its browser is muted again this often (new streams). */
export const REMUTE_EVERY_MS = 2_000;
/** Re-muting stops after this long even if nobody closed the page (the guard will have acted). */
export const REMUTE_FOR_MS = 10 * 60_000;

/** What the aftercare tells its owner (the guard records and shows these like any watch event). */
export type AftercareEvent = Extract<WatchEvent, { readonly type: 'audio-muted' | 'audio-unmuted' | 'audio-failed' | 'page-address' }>;

/** What the aftercare needs; both ports are optional (an OS without them just skips that part). */
export interface AftercareDeps {
  readonly clock: Clock;
  readonly audio?: BrowserAudio;
  readonly addresses?: PageAddressReader;
  readonly emit: (event: AftercareEvent) => void;
  readonly logger?: Logger;
}

interface Care {
  readonly window: WatchedWindow;
  readonly detectedAt: number;
  readonly muted: MutedStream[];
  mutedOnce: boolean;
  address: PageAddress | null;
  timers: TimerHandle[];
  ended: boolean;
  /** A mute is running; `muteAgain` asks it to look once more when done (a new stream meanwhile). */
  muting: boolean;
  muteAgain: boolean;
  /** The person said the page is fine (not merely: the window is gone). */
  allowed: boolean;
}

/** The aftercare of judged pages, keyed by window id. */
export interface PageAftercare {
  /** A window was judged scam (or the person pressed the close key on it): silence, then find its address. */
  onScam(window: WatchedWindow): void;
  /** The person said the page is fine: unmute what was muted, stop looking. */
  onAllowed(windowId: string): Promise<void>;
  /** The window is gone (closed): stop re-muting; the address search goes on briefly (history outlives the tab). */
  onGone(windowId: string): void;
  /** The address found for a window, if any (for the record and the family message). */
  addressOf(windowId: string): PageAddress | null;
  /** The pages cared for whose window title passes `matches` (for "this page is fine" by title). */
  pagesTitled(matches: (title: string) => boolean): Array<{ readonly windowId: string; readonly address: PageAddress | null }>;
  stop(): void;
}

/** Builds the aftercare; no module state, one instance per guard. */
export function createPageAftercare(deps: AftercareDeps): PageAftercare {
  const cares = new Map<string, Care>();
  const { clock } = deps;

  const schedule = (care: Care, ms: number, run: () => Promise<void>): void => {
    const handle = clock.setTimeout(() => {
      care.timers = care.timers.filter((t) => t !== handle);
      if (!care.ended) void run().catch((error: unknown) => deps.logger?.warn('page aftercare step failed', { error: String(error) }));
    }, ms);
    care.timers.push(handle);
  };

  const muteOnce = async (care: Care): Promise<void> => {
    if (deps.audio === undefined || care.window.pid === undefined) return;
    const outcome: AudioOutcome = await deps.audio.mute({ pid: care.window.pid, ...(care.window.process !== undefined ? { processPath: care.window.process } : {}) });
    if (care.ended) {
      // Allowed meanwhile: play it again. Closed meanwhile: leave it silent (never undo a mute
      // because the close was quicker than the sound server).
      if (outcome.status === 'done' && care.allowed) await deps.audio.unmute(outcome.streams);
      return;
    }
    if (outcome.status === 'done') {
      care.muted.push(...outcome.streams);
      deps.emit({ type: 'audio-muted', at: clock.now(), ms: clock.now() - care.detectedAt, window: care.window, streams: outcome.streams.length });
      care.mutedOnce = true;
    } else if (outcome.status === 'failed' && !care.mutedOnce) {
      deps.emit({ type: 'audio-failed', at: clock.now(), window: care.window, detail: outcome.detail.slice(0, 300) });
      care.mutedOnce = true; // say it once, keep trying quietly
    } else if (outcome.status === 'browser-gone') {
      end(care); // nothing left to keep silent; the address search runs on its own timers
    }
  };
  // One mute at a time per page; a request meanwhile makes the running one look again.
  const mute = async (care: Care): Promise<void> => {
    if (care.muting) {
      care.muteAgain = true;
      return;
    }
    care.muting = true;
    try {
      do {
        care.muteAgain = false;
        await muteOnce(care);
      } while (care.muteAgain && !care.ended);
    } finally {
      care.muting = false;
    }
  };
  const keepMuting = (care: Care): void => {
    if (clock.now() - care.detectedAt >= REMUTE_FOR_MS) return;
    schedule(care, REMUTE_EVERY_MS, async () => {
      await mute(care);
      if (!care.ended) keepMuting(care);
    });
  };

  // While any page is cared for, a new stream anywhere makes each such page's browser look again.
  let stopStreamWatch: (() => void) | undefined;
  const watchNewStreams = (): void => {
    if (stopStreamWatch !== undefined || deps.audio?.watchNewStreams === undefined) return;
    stopStreamWatch = deps.audio.watchNewStreams(() => {
      for (const care of cares.values()) if (!care.ended) void mute(care).catch((error: unknown) => deps.logger?.warn('muting the page failed', { error: String(error) }));
    });
  };
  const stopWatchingIfIdle = (): void => {
    if ([...cares.values()].some((care) => !care.ended)) return;
    stopStreamWatch?.();
    stopStreamWatch = undefined;
  };

  const lookUp = async (care: Care, step: number): Promise<void> => {
    if (deps.addresses === undefined || care.window.pid === undefined || care.address !== null) return;
    const found = await deps.addresses.read({ pid: care.window.pid, title: care.window.title, since: care.detectedAt, ...(care.window.process !== undefined ? { processPath: care.window.process } : {}) });
    if (found !== null) {
      care.address = found;
      const url = cleanHostileText(found.url, { limit: 2_048 });
      deps.emit({ type: 'page-address', at: clock.now(), ms: clock.now() - care.detectedAt, window: care.window, url, host: hostOfAddress(url) ?? '', source: found.source });
      return;
    }
    const next = ADDRESS_SCHEDULE_MS[step + 1];
    const current = ADDRESS_SCHEDULE_MS[step] ?? 0;
    if (next !== undefined) scheduleLookUp(care, step + 1, next - current);
  };
  // Address look-ups run on their own timers: they continue after the window is gone.
  const scheduleLookUp = (care: Care, step: number, ms: number): void => {
    clock.setTimeout(() => void lookUp(care, step).catch((error: unknown) => deps.logger?.warn('page address look-up failed', { error: String(error) })), ms);
  };

  function end(care: Care): void {
    care.ended = true;
    for (const handle of care.timers) clock.clearTimeout(handle);
    care.timers = [];
    stopWatchingIfIdle();
  }

  return {
    onScam(window) {
      // X11 hands a closed window's id to new windows: a care for another browser under this
      // id is over (that window is gone, even if nobody told us); the same one is still cared for.
      const previous = cares.get(window.windowId);
      if (previous !== undefined && !previous.ended) {
        if (previous.window.pid === window.pid) return;
        end(previous);
      }
      // The same page judged again keeps its address.
      const samePage = previous !== undefined && previous.window.pid === window.pid && previous.window.title === window.title;
      const care: Care = { window, detectedAt: clock.now(), muted: [], mutedOnce: false, address: samePage ? previous.address : null, timers: [], ended: false, muting: false, muteAgain: false, allowed: false };
      cares.set(window.windowId, care);
      const firstMute = mute(care); // its sound-server request is on its way before anything else starts
      watchNewStreams();
      void firstMute
        .catch((error: unknown) => deps.logger?.warn('muting the page failed', { error: String(error) }))
        .finally(() => {
          if (!care.ended) keepMuting(care);
          if (care.address === null) scheduleLookUp(care, 0, 0);
        });
    },
    async onAllowed(windowId) {
      const care = cares.get(windowId);
      if (care === undefined) return;
      care.allowed = true;
      end(care);
      if (deps.audio === undefined || care.muted.length === 0) return;
      const outcome = await deps.audio.unmute(care.muted.splice(0));
      if (outcome.status === 'done') deps.emit({ type: 'audio-unmuted', at: clock.now(), window: care.window, streams: outcome.streams.length });
    },
    onGone(windowId) {
      const care = cares.get(windowId);
      if (care !== undefined) end(care);
    },
    addressOf: (windowId) => cares.get(windowId)?.address ?? null,
    pagesTitled: (matches) => [...cares.entries()].filter(([, care]) => matches(care.window.title)).map(([windowId, care]) => ({ windowId, address: care.address })),
    stop() {
      for (const care of cares.values()) end(care);
    },
  };
}
