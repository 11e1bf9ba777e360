import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processTreeOrder, type TreeProcess } from '../../../src/engine/watch/process-tree.js';

const recorded = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'win32', 'processes', 'toolhelp-wine.json'), 'utf8')) as TreeProcess[];

describe('process tree order', () => {
  it('ends children before the browser, and only its own tree (recorded Wine snapshot)', () => {
    const { order, spared } = processTreeOrder(recorded, 396);
    expect(order[order.length - 1]).toBe(396);
    expect([...order].sort()).toEqual([396, 412, 420]);
    expect(order).not.toContain(368); // the parent (node.exe) is never part of it
    expect(spared).toEqual([]);
  });

  it('spares descendants that are not part of the browser (Wine\'s explorer.exe here)', () => {
    const named = recorded.map((p) => ({ ...p, name: (p as TreeProcess & { exeFile?: string }).exeFile }));
    const { order, spared } = processTreeOrder(named, 396, (p) => p.name === 'chrome.exe');
    expect(order).toEqual([412, 396]);
    expect(spared.map((p) => p.pid)).toEqual([420]);
  });

  it('is empty when the root is gone', () => {
    expect(processTreeOrder(recorded, 9999).order).toEqual([]);
  });

  it('puts grandchildren before children', () => {
    const { order } = processTreeOrder([{ pid: 1, ppid: 0 }, { pid: 2, ppid: 1 }, { pid: 3, ppid: 2 }, { pid: 4, ppid: 1 }], 1);
    expect(order.indexOf(3)).toBeLessThan(order.indexOf(2));
    expect(order[order.length - 1]).toBe(1);
  });

  it('does not adopt a process whose parent pid was reused (it started before the parent)', () => {
    const { order } = processTreeOrder([
      { pid: 500, ppid: 10, startedAt: 2_000 }, // the browser
      { pid: 600, ppid: 500, startedAt: 1_000 }, // older than pid 500: its real parent died and 500 was reused
      { pid: 700, ppid: 500, startedAt: 3_000 },
    ], 500);
    expect(order).toEqual([700, 500]);
  });

  it('survives cycles in a corrupt snapshot', () => {
    expect(processTreeOrder([{ pid: 1, ppid: 2 }, { pid: 2, ppid: 1 }], 1).order).toEqual([2, 1]);
  });
});
