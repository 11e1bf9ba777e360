/**
 * Which processes a forced close may end, decided from a process listing: the judged browser
 * and those of its descendants that are processes of the same browser family. Everything else
 * in the tree is spared and named. Used by every OS adapter right before it signals anything.
 */
import { browserFamilyOf, isProcessOfBrowserFamily } from '../browsers.js';
import type { ProcessIdentity, ProcessRow, SparedProcess } from '../ports/processes.js';
import type { BrowserFamily } from '../ports/windows.js';
import { processTreeOrder } from './process-tree.js';

/** What to end (deepest first, the browser itself last) and what to leave running. */
export interface BrowserTreePlan {
  readonly end: readonly ProcessIdentity[];
  readonly spared: readonly SparedProcess[];
  /** Set when nothing may be ended, in plain words (the browser is gone or is not that browser). */
  readonly refused?: string;
}

/** True when `now` is the very process `expected` names: same pid, start time and image. */
export function sameProcess(expected: ProcessIdentity, now: ProcessIdentity | undefined): boolean {
  return now !== undefined && now.pid === expected.pid && now.startTime === expected.startTime && now.image === expected.image;
}

/** True when `identity` is the main executable of a browser of `family` (what a window's owner must be). */
export function isBrowserOfFamily(identity: ProcessIdentity, family: BrowserFamily): boolean {
  return browserFamilyOf(identity.image) === family;
}

/**
 * Plans ending the tree of `root` from `rows` (one listing, taken just now). The root must still
 * be the judged browser; descendants are kept only when they are processes of `family`, and a
 * spared descendant's own children are spared with it (they belong to that program).
 */
export function planBrowserTreeEnd(rows: readonly ProcessRow[], root: ProcessIdentity, family: BrowserFamily): BrowserTreePlan {
  const listed = rows.find((row) => row.pid === root.pid);
  if (listed === undefined) return { end: [], spared: [], refused: `process ${root.pid} is gone` };
  if (!sameProcess(root, listed)) {
    return { end: [], spared: [{ pid: listed.pid, image: listed.image, reason: 'identity-changed' }], refused: `process ${root.pid} is now ${listed.image}, not the browser that was judged` };
  }
  if (!isBrowserOfFamily(root, family)) return { end: [], spared: [], refused: `process ${root.pid} (${root.image}) is not a ${family} browser` };
  const byPid = new Map(rows.map((row) => [row.pid, row]));
  const tree = rows.map((row) => ({ pid: row.pid, ppid: row.ppid, startedAt: row.startTime, name: row.image }));
  const { order, spared } = processTreeOrder(tree, root.pid, (member) => isProcessOfBrowserFamily(member.name, family));
  const end = order.map((pid) => byPid.get(pid)).filter((row): row is ProcessRow => row !== undefined).map(({ pid, startTime, image }) => ({ pid, startTime, image }));
  return { end, spared: spared.map((member) => ({ pid: member.pid, image: member.name ?? '?', reason: 'not-part-of-browser' as const })) };
}

/** "soffice.bin (pid 4711)" list for reports; at most a few names, then a count. */
export function describeSpared(spared: readonly SparedProcess[]): string {
  const names = spared.slice(0, 5).map((p) => `${p.image.split(/[\\/]/u).pop() ?? p.image} (pid ${p.pid}${p.reason === 'identity-changed' ? ', pid now used by another program' : ''})`);
  return spared.length > 5 ? `${names.join(', ')} and ${spared.length - 5} more` : names.join(', ');
}
