/**
 * Pure matching of a browser window to a row of the browser's own history: the newest visit
 * since the detection (less a small allowance for clock steps) whose stored page title is the
 * start of the window title (browsers add " - Google Chrome" and the like after it). No title,
 * no match: an address is never guessed from "the latest visit".
 */
import type { PageAddress, PageAddressSource } from '../../engine/ports/browser-page.js';

/** One visited page as read from a history database (times already in ms since epoch). */
export interface HistoryRow {
  readonly url: string;
  readonly title: string;
  readonly visitedAt: number;
}

/** Visits this much before `since` still count (the browser's clock and ours may differ). */
export const CLOCK_ALLOWANCE_MS = 120_000;

/** Longest address kept; scam kits stuff tracking data into query strings. */
export const MAX_URL_LENGTH = 2_048;

/** Chromium stores times as microseconds since 1601-01-01 UTC. */
export function chromiumTimeToEpochMs(value: number | bigint): number {
  const micros = typeof value === 'bigint' ? Number(value) : value;
  return Math.round(micros / 1000 - 11_644_473_600_000);
}

/** Firefox stores PRTime: microseconds since 1970-01-01 UTC. */
export function firefoxTimeToEpochMs(value: number | bigint): number {
  return Math.round((typeof value === 'bigint' ? Number(value) : value) / 1000);
}

function comparable(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, ' ').trim().toLowerCase();
}

/** True when the window title shows this stored page title (equal, or followed by the browser's suffix). */
export function titleShowsPage(windowTitle: string, pageTitle: string): boolean {
  const page = comparable(pageTitle);
  if (page === '') return false;
  const window = comparable(windowTitle);
  return window === page || window.startsWith(`${page} - `) || window.startsWith(`${page} — `) || window.startsWith(`${page} – `);
}

/** The newest matching row, as a page address (URL cut to a bounded length). */
export function matchHistory(rows: readonly HistoryRow[], query: { readonly title: string; readonly since: number }, source: PageAddressSource): PageAddress | null {
  let best: HistoryRow | undefined;
  for (const row of rows) {
    if (row.visitedAt < query.since - CLOCK_ALLOWANCE_MS) continue;
    if (!titleShowsPage(query.title, row.title)) continue;
    if (best === undefined || row.visitedAt > best.visitedAt) best = row;
  }
  if (best === undefined) return null;
  return { url: best.url.slice(0, MAX_URL_LENGTH), title: best.title.slice(0, 512), visitedAt: best.visitedAt, source };
}
