/**
 * When to look at a suspicious page again, and whether its picture changed enough to be worth
 * another OCR pass. Pure functions: the content check (content-check.ts) owns the timers.
 *
 * Kits draw their warning late (a fake scan first, a popup after ~5 s, images still loading), so
 * one early read can see only the background. Looking again costs a capture (cheap) and maybe an
 * OCR pass (about a second of one core), so the looks back off, and OCR runs only when the
 * picture changed since the last reading.
 */
import type { PageThumbnail } from '../ports/page-text.js';

/** Tuning of the second looks; every field has a default. */
export interface LookAgainTiming {
  /** Times after the first reading when the page is read again if its picture changed. */
  readonly scheduleMs: readonly number[];
  /** After the schedule: one more look this often, while the window stays full screen in front. */
  readonly repeatEveryMs: number;
  /** Until the end of the schedule, a thumbnail is taken this often to catch a new drawing early. */
  readonly glanceEveryMs: number;
  /** A big change is confirmed by a second thumbnail this much later (not mid-animation). */
  readonly settleMs: number;
}

export const DEFAULT_LOOK_AGAIN: LookAgainTiming = Object.freeze({
  scheduleMs: Object.freeze([1_000, 3_000, 6_000, 12_000]),
  repeatEveryMs: 30_000,
  glanceEveryMs: 1_000,
  settleMs: 300,
});

/** A cell counts as changed when its gray moved by more than this (of 255). */
const CELL_DELTA = 24;
/** Any visible change: worth a read at a scheduled look. */
const SOME_CHANGE = 0.01;
/** A new drawing (a popup, a full warning): worth a read at once, once it holds still. */
const BIG_CHANGE = 0.05;

/** Share (0..1) of thumbnail cells that changed between two pictures; 1 when they cannot be compared. */
export function pictureDifference(before: PageThumbnail | undefined, after: PageThumbnail): number {
  if (before === undefined || before.width !== after.width || before.height !== after.height) return 1;
  const cells = after.pixels.length;
  if (cells === 0 || before.pixels.length !== cells) return 1;
  let changed = 0;
  for (let i = 0; i < cells; i += 1) {
    if (Math.abs((before.pixels[i] ?? 0) - (after.pixels[i] ?? 0)) > CELL_DELTA) changed += 1;
  }
  return changed / cells;
}

/** The picture changed at all since the last reading (ignores noise and a blinking cursor). */
export function changedSinceReading(lastRead: PageThumbnail | undefined, now: PageThumbnail): boolean {
  return pictureDifference(lastRead, now) >= SOME_CHANGE;
}

/** Something big was drawn since the last reading. */
export function bigChangeSinceReading(lastRead: PageThumbnail | undefined, now: PageThumbnail): boolean {
  return pictureDifference(lastRead, now) >= BIG_CHANGE;
}

/** Two thumbnails a moment apart show the same picture (the new drawing holds still). */
export function holdsStill(first: PageThumbnail, second: PageThumbnail): boolean {
  return pictureDifference(first, second) < SOME_CHANGE;
}

/**
 * Milliseconds after the first reading of the n-th scheduled look (n from 0): the schedule, then
 * every `repeatEveryMs`.
 */
export function scheduledLookAt(n: number, timing: LookAgainTiming): number {
  const { scheduleMs, repeatEveryMs } = timing;
  if (n < scheduleMs.length) return scheduleMs[n] ?? 0;
  const last = scheduleMs[scheduleMs.length - 1] ?? 0;
  return last + (n - scheduleMs.length + 1) * repeatEveryMs;
}

/** Glancing between scheduled looks happens only during the schedule, not in the slow repeats. */
export function glancesBetweenLooks(sinceFirstReadingMs: number, timing: LookAgainTiming): boolean {
  return sinceFirstReadingMs < (timing.scheduleMs[timing.scheduleMs.length - 1] ?? 0);
}
