import { describe, expect, it } from 'vitest';
import { isProcessOfBrowserFamily } from '../../../src/engine/browsers.js';
import type { ProcessRow } from '../../../src/engine/ports/processes.js';
import { planBrowserTreeEnd, sameProcess } from '../../../src/engine/watch/browser-tree.js';

const CHROMIUM = '/usr/lib/chromium/chromium';
const row = (pid: number, ppid: number, image: string, startTime = pid * 10): ProcessRow => ({ pid, ppid, image, startTime });
const root = { pid: 100, startTime: 1000, image: CHROMIUM };
const table: ProcessRow[] = [
  row(1, 0, '/sbin/init'),
  { ...root, ppid: 1 },
  row(101, 100, CHROMIUM, 1001), // zygote
  row(102, 101, CHROMIUM, 1002), // renderer
  row(103, 100, '/usr/lib/chromium/chrome_crashpad_handler', 1003),
  row(104, 100, '/usr/lib/libreoffice/program/soffice.bin', 1004), // opened from a download
  row(105, 104, '/usr/lib/libreoffice/program/oosplash', 1005), // the office program's own child
  row(106, 100, '/opt/google/chrome/chrome', 1006), // another browser family
  row(200, 1, CHROMIUM, 900), // another Chromium, not in this tree
];

describe('which processes a forced close may end', () => {
  it('keeps the browser and its own helpers, spares every other program of the tree with its children', () => {
    const plan = planBrowserTreeEnd(table, root, 'chromium');
    expect(plan.refused).toBeUndefined();
    expect(plan.end.map((p) => p.pid).sort()).toEqual([100, 101, 102, 103]);
    expect(plan.end.at(-1)?.pid).toBe(100); // the browser last, its children first
    expect(plan.end.map((p) => p.pid)).not.toContain(105);
    expect(plan.spared).toEqual([
      { pid: 104, image: '/usr/lib/libreoffice/program/soffice.bin', reason: 'not-part-of-browser' },
      { pid: 106, image: '/opt/google/chrome/chrome', reason: 'not-part-of-browser' },
    ]);
  });

  it('refuses everything when the root pid now belongs to another process (same executable, new start time)', () => {
    const reused = table.map((p) => (p.pid === 100 ? { ...p, startTime: 5000 } : p));
    const plan = planBrowserTreeEnd(reused, root, 'chromium');
    expect(plan.end).toEqual([]);
    expect(plan.refused).toMatch(/not the browser that was judged/);
    expect(plan.spared).toEqual([{ pid: 100, image: CHROMIUM, reason: 'identity-changed' }]);
  });

  it('refuses a root that is not a browser of the judged family, and a root that is gone', () => {
    expect(planBrowserTreeEnd(table, { pid: 106, startTime: 1006, image: '/opt/google/chrome/chrome' }, 'chromium').refused).toMatch(/not a chromium browser/);
    expect(planBrowserTreeEnd(table, { pid: 999, startTime: 1, image: CHROMIUM }, 'chromium')).toMatchObject({ end: [], refused: 'process 999 is gone' });
  });

  it('does not adopt a process that started before its supposed parent (a reused parent pid)', () => {
    const plan = planBrowserTreeEnd([...table, row(107, 100, CHROMIUM, 10)], root, 'chromium');
    expect(plan.end.map((p) => p.pid)).not.toContain(107);
  });

  it('tells processes apart by pid, start time and image', () => {
    expect(sameProcess(root, { ...root })).toBe(true);
    expect(sameProcess(root, { ...root, startTime: 1001 })).toBe(false);
    expect(sameProcess(root, { ...root, image: '/usr/bin/gedit' })).toBe(false);
    expect(sameProcess(root, undefined)).toBe(false);
  });

  it('knows each family\'s helpers and nothing else', () => {
    expect(isProcessOfBrowserFamily('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', 'chrome')).toBe(true);
    expect(isProcessOfBrowserFamily('crashpad_handler.exe', 'edge')).toBe(true);
    expect(isProcessOfBrowserFamily('msedge.exe', 'chrome')).toBe(false);
    expect(isProcessOfBrowserFamily('plugin-container.exe', 'firefox')).toBe(true);
    expect(isProcessOfBrowserFamily('plugin-container.exe', 'chrome')).toBe(false);
    expect(isProcessOfBrowserFamily('soffice.bin', 'chromium')).toBe(false);
    expect(isProcessOfBrowserFamily(undefined, 'chromium')).toBe(false);
  });
});
