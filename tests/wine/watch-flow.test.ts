/**
 * End to end under Wine: the watcher engine + detector + Win32 adapter in close=auto mode, as
 * the tray app runs it on Windows. A scam page is detected and closed; one that refuses is
 * escalated to ending its browser's process tree; a benign page is left alone.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WatchEvent } from '../../src/shared/watch-events.js';
import { runDriver } from './support/driver.js';
import { buildChromeStandIn } from './support/standins.js';
import { startWine, type WineSession } from './support/wine.js';

const TITLES = {
  benign: 'Weather forecast - Tokyo',
  closable: 'Microsoft Security Warning - Call Support 0120-000-000',
  refusing: 'Windows Defender Alert: Your computer is infected - Call +1-888-555-0199',
};

interface Results {
  events: Array<WatchEvent & { sinceStart: number }>;
  alive: { benign: boolean; closable: boolean; refusing: boolean; children: boolean[] };
  children: number[];
}

let wine: WineSession | undefined;
let results: Results;

const about = (title: string): WatchEvent[] => results.events.filter((e) => 'window' in e && e.window.title === title);

beforeAll(async () => {
  wine = await startWine();
  const chrome = buildChromeStandIn(join(wine.workDir, 'bin'));
  const run = await runDriver<Results>(wine, 'watch-flow', { chrome: wine.windowsPath(chrome), profileHome: wine.windowsPath(join(wine.workDir, 'profiles')) }, 150_000);
  results = run.results;
}, 240_000);

afterAll(async () => {
  await wine?.stop();
}, 60_000);

describe('watcher + Win32 adapter under Wine (close=auto)', () => {
  it('detects the scam page and closes it politely', () => {
    const events = about(TITLES.closable);
    expect(events.find((e) => e.type === 'detected')).toMatchObject({ type: 'detected', next: 'close', window: { fullscreen: true } });
    const taken = events.find((e) => e.type === 'action-taken');
    expect(taken).toMatchObject({ type: 'action-taken', outcome: 'closed', closedAllBrowserWindows: false });
    expect(results.alive.closable).toBe(false);
  });

  it('escalates a page that refuses to close to ending its browser tree, child included', () => {
    const events = about(TITLES.refusing);
    expect(events.some((e) => e.type === 'detected')).toBe(true);
    const taken = events.find((e) => e.type === 'action-taken');
    expect(taken).toMatchObject({ type: 'action-taken', outcome: 'terminated', closedAllBrowserWindows: true });
    if (taken?.type !== 'action-taken') return;
    const status = Object.fromEntries(taken.steps.map((s) => [s.step, s.status]));
    expect(status).toMatchObject({ 'polite-close': 'failed', 'confirm-leave': 'failed', terminate: 'done' });
    expect(results.alive.refusing).toBe(false);
    expect(results.children.length).toBeGreaterThan(0);
    expect(results.alive.children.every((a) => !a)).toBe(true);
  });

  it('leaves a benign page alone', () => {
    expect(about(TITLES.benign).some((e) => e.type === 'detected' || e.type === 'action-taken')).toBe(false);
    expect(results.alive.benign).toBe(true);
  });

  it('reports no watcher errors', () => {
    expect(results.events.filter((e) => e.type === 'error')).toEqual([]);
  });
});
