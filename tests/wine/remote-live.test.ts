/**
 * The live remote watch's Win32 path for real under Wine: a ticking stand-in AnyDesk.exe is
 * suspended (NtSuspendProcess) the moment it starts in scam context and resumed
 * (NtResumeProcess) on "This is someone I know"; look-alike programs the catalog does not know
 * (AnyDeskHelper.exe, AnyDisk.exe) are never touched and keep running throughout.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RemoteLiveEvent } from '../../src/shared/remote-live.js';
import { runDriver } from './support/driver.js';
import { buildTickerStandIns } from './support/standins.js';
import { startWine, type WineSession } from './support/wine.js';

interface Results {
  events: RemoteLiveEvent[];
  calls: { verb: string; pid: number; outcome: string }[];
  children: number[];
  atPause: number[];
  whilePaused: number[];
  afterResume: number[];
  resumed: boolean;
  answer?: { ok: boolean; pids: number[] };
}

let wine: WineSession | undefined;
let results: Results;

beforeAll(async () => {
  wine = await startWine();
  const [anyDesk = '', ...lookAlikes] = buildTickerStandIns(join(wine.workDir, 'Downloads'), ['AnyDesk.exe', 'AnyDeskHelper.exe', 'AnyDisk.exe']);
  const ticks = ['anydesk', 'helper', 'anydisk'].map((name) => wine?.windowsPath(join(wine.workDir, `${name}.ticks`)) ?? '');
  const run = await runDriver<Results>(wine, 'remote-live', { anyDesk: wine.windowsPath(anyDesk), lookAlikes: lookAlikes.map((p) => wine?.windowsPath(p) ?? ''), ticks }, 120_000);
  results = run.results;
}, 240_000);

afterAll(async () => {
  await wine?.stop();
}, 60_000);

describe('live remote watch, Win32 path under Wine', () => {
  it('suspends the stand-in AnyDesk.exe when it starts in scam context', () => {
    const [anyDesk] = results.children;
    expect(results.events.find((e) => e.type === 'remote-started')).toMatchObject({ toolId: 'anydesk', decision: 'pause', pids: [anyDesk] });
    expect(results.events.find((e) => e.type === 'remote-paused')).toMatchObject({ toolId: 'anydesk', reason: 'scam-page', pids: [anyDesk], failed: [] });
    expect(results.calls.filter((c) => c.verb === 'suspend')).toEqual([{ verb: 'suspend', pid: anyDesk, outcome: 'done' }]);
    // While the look-alikes went on ticking, the suspended AnyDesk wrote nothing more.
    expect(results.whilePaused[0]).toBe(results.atPause[0]);
    expect(results.whilePaused[1]).toBeGreaterThan(results.atPause[1] ?? 0);
    expect(results.whilePaused[2]).toBeGreaterThan(results.atPause[2] ?? 0);
  });

  it('resumes it on "This is someone I know" (NtResumeProcess), and it runs again', () => {
    const [anyDesk] = results.children;
    expect(results.answer).toMatchObject({ ok: true, pids: [anyDesk] });
    expect(results.calls.filter((c) => c.verb === 'resume')).toEqual([{ verb: 'resume', pid: anyDesk, outcome: 'done' }]);
    expect(results.resumed).toBe(true);
    expect(results.afterResume[0]).toBeGreaterThan(results.whilePaused[0] ?? 0);
  });

  it('never touches the look-alikes the catalog does not know', () => {
    const lookAlikes = results.children.slice(1);
    expect(results.calls.filter((c) => lookAlikes.includes(c.pid))).toEqual([]);
    expect(results.events.filter((e) => e.type !== 'remote-error' && e.pids.some((pid) => lookAlikes.includes(pid)))).toEqual([]);
  });
});
