/**
 * The event-driven foreground watcher for real under Wine: SetWinEventHook in a worker thread
 * with its own message loop reports a foreground change and a title change, with the watcher's
 * safety poll set to 10 minutes so nothing else could have noticed them. Wine 8 does not raise
 * those two events itself, so the driver raises them with NotifyWinEvent (see the driver);
 * that Windows raises them is documented behaviour we cannot run here. Latencies (hook and
 * 150 ms poll) are printed by `npm run bench`, not checked here.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDriver } from './support/driver.js';
import { buildChromeStandIn } from './support/standins.js';
import { startWine, type WineSession } from './support/wine.js';

interface Results {
  modes: string[];
  pollModes: string[];
  firstChecks: number;
  titles: string[];
  foregroundSeen: boolean;
  renameSeen: boolean;
}

let wine: WineSession | undefined;
let results: Results;

beforeAll(async () => {
  wine = await startWine();
  const chrome = buildChromeStandIn(join(wine.workDir, 'bin'));
  results = (await runDriver<Results>(wine, 'win-events', { chrome: wine.windowsPath(chrome) })).results;
}, 240_000);

afterAll(async () => {
  await wine?.stop();
}, 60_000);

describe('WinEvent hook under Wine', () => {
  it('starts the hook in its worker thread instead of polling (and polls when told not to)', () => {
    expect(results.modes).toEqual(['events']);
    expect(results.pollModes).toEqual(['poll']);
    expect(results.firstChecks).toBe(1); // the one check at start: the stand-in in front
  });

  it('delivers a foreground change, then a title change, through the hook', () => {
    expect(results.foregroundSeen).toBe(true);
    expect(results.renameSeen).toBe(true);
    expect(results.titles.slice(0, 3)).toEqual(['Hook test window', 'Hook test foreground', 'Hook test renamed']);
  });
});
