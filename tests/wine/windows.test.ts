/**
 * The Windows window adapter for real under Wine: Windows' node.exe runs
 * tests/wine/drivers/windows.ts against the mingw stand-in browser window. One Wine session
 * (Xvfb + fresh prefix) and one driver run for the whole file; each test checks one part.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProcessIdentity } from '../../src/engine/ports/processes.js';
import type { ActionOutcome, TerminateOutcome, WindowInfo } from '../../src/engine/ports/windows.js';
import { runDriver } from './support/driver.js';
import { buildChromeStandIn } from './support/standins.js';
import { startWine, type WineSession } from './support/wine.js';

type Step<T> = { ok: true; value: T; ms: number } | { ok: false; error: string; ms: number };
interface Timed {
  outcome: ActionOutcome;
  ms: number;
}
interface Results {
  selfCheck: Step<{ canWatch: boolean; koffi: { ok: boolean }; windows: { ok: boolean }; processes: { ok: boolean }; services: { ok: boolean } }>;
  normal: Step<{ pid: number; found: { info: WindowInfo; ms: number }; foreground: WindowInfo | null; close: Timed; windowOpenAfter: boolean; leaveAfterGone: ActionOutcome; escapeAfterGone: ActionOutcome; exited: boolean }>;
  fullscreen: Step<{ found: { info: WindowInfo }; exit: Timed; close: Timed; windowOpenAfter: boolean }>;
  keyboard: Step<{ escExit: Timed; escAfter: WindowInfo | null; f11Exit: Timed; close: Timed; leave: Timed; exited: boolean }>;
  refusing: Step<{ pid: number; commandLine?: string; customRestore: ActionOutcome; customPreferences: { profile: Record<string, unknown> }; children: number[]; launched: number[]; launchedAlive: boolean[]; close: Timed; openAfterClose: boolean; leave: Timed; terminate: Timed; rootAlive: boolean; childrenAlive: boolean[]; windowOpenAfter: boolean }>;
  nonBrowser: Step<{ terminate: ActionOutcome; aliveAfter: boolean }>;
  reidentify: Step<{ launchedAt: number; identity: ProcessIdentity; staleTerminate: TerminateOutcome; staleDirect: string; aliveAfterStale: boolean; terminate: TerminateOutcome; aliveAfter: boolean }>;
  sessionRestore: Step<{ chrome: ActionOutcome; firefox: ActionOutcome; preferences: { profile: Record<string, unknown>; homepage: string }; userJs: string }>;
  seenTitles: string[];
  watchErrors: string[];
}

function value<T>(step: Step<T>): T {
  if (!step.ok) throw new Error(`driver step failed: ${step.error}`);
  return step.value;
}

let wine: WineSession | undefined;
let results: Results;

beforeAll(async () => {
  wine = await startWine();
  const bin = join(wine.workDir, 'bin');
  const chrome = buildChromeStandIn(bin);
  const editor = join(bin, 'editor.exe');
  copyFileSync(chrome, editor);
  const run = await runDriver<Results>(wine, 'windows', {
    chrome: wine.windowsPath(chrome),
    nonBrowser: wine.windowsPath(editor),
    profileHome: wine.windowsPath(join(wine.workDir, 'profiles')),
  });
  results = run.results;
}, 240_000);

afterAll(async () => {
  await wine?.stop();
}, 60_000);

describe('Win32 window adapter under Wine', () => {
  it('self-check reports koffi, windows, processes and services working', () => {
    const check = value(results.selfCheck);
    expect(check.koffi.ok).toBe(true);
    expect(check.windows.ok).toBe(true);
    expect(check.processes.ok).toBe(true);
    expect(check.services.ok).toBe(true);
    expect(check.canWatch).toBe(true);
  });

  it('finds the stand-in browser window by title with its process, bounds and monitor', () => {
    const normal = value(results.normal);
    const info = normal.found.info;
    expect(info.id).toMatch(/^[0-9]+$/);
    expect(info.pid).toBe(normal.pid);
    expect(info.processName).toBe('chrome.exe');
    expect(info.processPath).toMatch(/\\bin\\chrome\.exe$/);
    expect(info.bounds).toEqual({ x: 100, y: 100, width: 800, height: 600 });
    expect(info.screen).toEqual({ x: 0, y: 0, width: 1920, height: 1080 });
    expect(info.fullscreen).toBe(false);
    expect(normal.foreground?.id).toBe(info.id);
  });

  it('closes an ordinary window with WM_CLOSE and the process exits', () => {
    const normal = value(results.normal);
    expect(normal.close.outcome.status).toBe('done');
    expect(normal.windowOpenAfter).toBe(false);
    expect(normal.exited).toBe(true);
    expect(normal.leaveAfterGone).toEqual({ status: 'skipped', detail: 'window gone' });
    expect(normal.escapeAfterGone).toEqual({ status: 'skipped', detail: 'window gone' });
  });

  it('sees a full-screen page as full screen (bounds == monitor) and closes it', () => {
    const full = value(results.fullscreen);
    expect(full.found.info.fullscreen).toBe(true);
    expect(full.found.info.bounds).toEqual(full.found.info.screen);
    // The stand-in ignores Esc, like kiosk mode: the adapter must say so, not claim success.
    expect(full.exit.outcome.status).toBe('failed');
    expect(full.close.outcome.status).toBe('done');
    expect(full.windowOpenAfter).toBe(false);
  });

  it('leaves full screen with a held Esc, or F11 when Esc is ignored', () => {
    const keyboard = value(results.keyboard);
    expect(keyboard.escExit.outcome).toEqual({ status: 'done', detail: 'left full screen after Esc' });
    expect(keyboard.escAfter?.fullscreen).toBe(false);
    expect(keyboard.escAfter?.bounds).toEqual({ x: 100, y: 100, width: 800, height: 600 });
    expect(keyboard.f11Exit.outcome).toEqual({ status: 'done', detail: 'left full screen after F11' });
  });

  it('confirms a "Leave site?" prompt with Enter after a refused WM_CLOSE', () => {
    const keyboard = value(results.keyboard);
    expect(keyboard.close.outcome.status).toBe('failed');
    expect(keyboard.leave.outcome).toEqual({ status: 'done', detail: 'window closed after Enter' });
    expect(keyboard.exited).toBe(true);
  });

  it('reports a refused close, then ends the whole process tree (child too)', () => {
    const refusing = value(results.refusing);
    expect(refusing.children.length).toBeGreaterThan(0);
    expect(refusing.close.outcome.status).toBe('failed');
    expect(refusing.openAfterClose).toBe(true);
    expect(refusing.leave.outcome.status).toBe('failed');
    expect(refusing.terminate.outcome).toMatchObject({ status: 'done' });
    expect(refusing.rootAlive).toBe(false);
    expect(refusing.childrenAlive.every((alive) => !alive)).toBe(true);
    expect(refusing.windowOpenAfter).toBe(false);
  });

  it('reads the browser\'s command line and fixes its custom --user-data-dir profile after the end', () => {
    const refusing = value(results.refusing);
    expect(refusing.commandLine).toContain('--user-data-dir=');
    expect(refusing.commandLine).toContain('Portable Chrome Data');
    expect(refusing.customRestore.status).toBe('done');
    expect(refusing.customRestore.detail).toContain('Portable Chrome Data');
    expect(refusing.customPreferences.profile).toEqual({ exit_type: 'Normal', exited_cleanly: true });
  });

  it('spares a non-browser program the browser had launched', () => {
    const refusing = value(results.refusing);
    expect(refusing.launched).toHaveLength(1);
    expect(refusing.launchedAlive).toEqual([true]);
    expect(refusing.terminate.outcome.detail).toContain('left running (not part of the browser): editor.exe');
  });

  it('refuses to end a process that is not a browser', () => {
    const nonBrowser = value(results.nonBrowser);
    expect(nonBrowser.terminate.status).toBe('failed');
    expect(nonBrowser.aliveAfter).toBe(true);
  });

  it('re-identifies by GetProcessTimes: a stale start time (a reused pid) is never ended, the real one is', () => {
    const step = value(results.reidentify);
    // The creation time is the real one: within a minute of the launch, in ms since epoch.
    expect(Math.abs(step.identity.startTime - step.launchedAt)).toBeLessThan(60_000);
    expect(step.identity.image.toLowerCase()).toMatch(/chrome\.exe$/);
    expect(step.staleTerminate).toMatchObject({ status: 'failed', spared: [{ pid: step.identity.pid, reason: 'identity-changed' }] });
    expect(step.staleDirect).toBe('changed');
    expect(step.aliveAfterStale).toBe(true);
    expect(step.terminate.status).toBe('done');
    expect(step.aliveAfter).toBe(false);
  });

  it('stops Chrome and Firefox from restoring the closed page', () => {
    const restore = value(results.sessionRestore);
    expect(restore.chrome.status).toBe('done');
    expect(restore.preferences.profile).toEqual({ exit_type: 'Normal', exited_cleanly: true, name: 'Person 1' });
    expect(restore.preferences.homepage).toBe('https://example.org/');
    expect(restore.firefox.status).toBe('done');
    expect(restore.userJs).toContain('user_pref("browser.sessionstore.resume_from_crash", false);');
  });

  it('the foreground watcher reports each new foreground window without errors', () => {
    expect(results.watchErrors).toEqual([]);
    for (const title of ['Stand-in: ordinary page', 'VIRUS ALERT - Call Microsoft Support', 'Windows Defender Alert']) {
      expect(results.seenTitles).toContain(title);
    }
  });
});
