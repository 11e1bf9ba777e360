/**
 * What the safety checks cost on Linux: reading one process identity from /proc (stat + exe,
 * stat again), listing every process and planning a browser tree end, ending a stand-in browser
 * tree (bash named chromium + renderer + soffice.bin) end to end, and quarantining a 1 MB file
 * (record, copy, fsync, verify, remove).
 */
import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planBrowserTreeEnd } from '../../src/engine/watch/browser-tree.js';
import { FolderQuarantine } from '../../src/platform/folder-quarantine.js';
import { endBrowserTree } from '../../src/platform/linux/end-browser-tree.js';
import { procProcessTable } from '../../src/platform/linux/proc-processes.js';

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

async function timed(fn: () => unknown): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

async function standInTree(dir: string): Promise<number> {
  const place = (from: string, folder: string, name: string): string => {
    mkdirSync(join(dir, folder), { recursive: true });
    const to = join(dir, folder, name);
    copyFileSync(from, to);
    chmodSync(to, 0o755);
    return to;
  };
  const browser = place('/bin/bash', 'browser', 'chromium');
  const renderer = place('/bin/sleep', 'renderer', 'chromium');
  const office = place('/bin/sleep', 'office', 'soffice.bin');
  const child = spawn(browser, ['-c', `trap 'kill $R; exit 0' TERM; "${renderer}" 60 & R=$!; "${office}" 60 & echo ready; wait`], { stdio: ['ignore', 'pipe', 'ignore'] });
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  await new Promise((resolve) => setTimeout(resolve, 100)); // let both children exec
  return child.pid ?? 0;
}

export default async function bench(): Promise<void> {
  const table = procProcessTable();
  const self = process.pid;
  const identify: number[] = [];
  for (let i = 0; i < 200; i += 1) identify.push(await timed(() => table.identify(self)));
  console.log(`identify one process (/proc stat + exe + stat): median ${median(identify).toFixed(3)} ms`);
  const listing: number[] = [];
  let count = 0;
  for (let i = 0; i < 20; i += 1) {
    listing.push(
      await timed(() => {
        const rows = table.list();
        count = rows.length;
        planBrowserTreeEnd(rows, { pid: self, startTime: 0, image: process.execPath }, 'chromium');
      }),
    );
  }
  console.log(`list every process + plan a tree end: median ${median(listing).toFixed(1)} ms (${count} processes)`);

  const dir = mkdtempSync(join(tmpdir(), 'scarestop-bench-kill-'));
  try {
    const ends: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const pid = await standInTree(join(dir, String(i)));
      const root = table.identify(pid);
      if (root === undefined) continue;
      ends.push(await timed(() => endBrowserTree(root, 'chromium', table)));
    }
    console.log(`end a stand-in browser tree (SIGTERM, wait, soffice.bin spared): median ${median(ends).toFixed(1)} ms over ${ends.length}`);
    const quarantine = new FolderQuarantine(join(dir, 'quarantine'));
    const runs: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      const file = join(dir, `tool-${i}`);
      writeFileSync(file, Buffer.alloc(1024 * 1024, i));
      runs.push(await timed(() => quarantine.quarantine(file, 'bench')));
    }
    console.log(`quarantine a 1 MB file (record, copy, fsync, verify, remove): median ${median(runs).toFixed(1)} ms`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
