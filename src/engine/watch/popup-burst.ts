/**
 * Stacked `window.open` popups: many new windows of one browser in a short time. Pure
 * bookkeeping over successive window lists.
 */
import type { WindowInfo } from '../ports/windows.js';

/** Thresholds: `count` new windows of one browser process within `withinMs`. */
export interface BurstRule {
  readonly count: number;
  readonly withinMs: number;
}

export const DEFAULT_BURST_RULE: BurstRule = { count: 4, withinMs: 5_000 };

/** Remembers when each window id was first seen. */
export class PopupBurstTracker {
  private readonly firstSeen = new Map<string, { readonly at: number; readonly pid: number | undefined }>();
  private primed = false;

  constructor(private readonly rule: BurstRule = DEFAULT_BURST_RULE) {}

  /**
   * Records a window list taken at `now`; returns the ids of windows in a burst (empty if none).
   * The first list only primes the tracker: windows open before watching are not "new".
   */
  update(windows: readonly WindowInfo[], now: number): string[] {
    const present = new Set(windows.map((w) => w.id));
    for (const id of [...this.firstSeen.keys()]) if (!present.has(id)) this.firstSeen.delete(id);
    const initial = !this.primed;
    this.primed = true;
    for (const w of windows) {
      if (!this.firstSeen.has(w.id)) this.firstSeen.set(w.id, { at: initial ? Number.NEGATIVE_INFINITY : now, pid: w.pid });
    }
    const recentByPid = new Map<number, string[]>();
    for (const [id, seen] of this.firstSeen) {
      if (seen.pid === undefined || now - seen.at > this.rule.withinMs) continue;
      const list = recentByPid.get(seen.pid) ?? [];
      list.push(id);
      recentByPid.set(seen.pid, list);
    }
    return [...recentByPid.values()].filter((ids) => ids.length >= this.rule.count).flat();
  }

  /** Forgets everything (after the watcher restarts its source). */
  reset(): void {
    this.firstSeen.clear();
    this.primed = false;
  }
}
