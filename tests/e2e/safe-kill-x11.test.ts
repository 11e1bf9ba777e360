/**
 * Kill and keystroke safety with the real X11 adapter under Xvfb + openbox:
 * - a key meant for a window that is already gone is not typed anywhere (an `xev` window
 *   holding the focus records every key it gets), and the step says "skipped: window gone";
 * - Debian's Chromium whose renderer started a non-browser program (`soffice.bin`, through
 *   `--renderer-cmd-prefix`): ending the browser leaves that program running and names it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createWatcher, systemClock } from '../../src/engine/watch/index.js';
import { runX11 } from '../../src/platform/linux/x11-exec.js';
import { isProcessGone } from './support/chromium.js';
import { killQuietly, makeStandIns, waitGone, type StandIns } from './support/stand-in-tree.js';
import { useWatchStage } from './support/stages.js';
import { clickPage, EventLog, eventually, openPage, stopBrowser } from './support/watch-harness.js';

const stage = useWatchStage();
const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** An `xev` window that prints every key it receives. */
interface KeyRecorder {
  readonly id: string;
  readonly process: ChildProcess;
  output(): string;
  /** Waits until a key with this keysym name shows up in the output. */
  waitForKey(name: string): Promise<void>;
}

/**
 * Waits until openbox manages windows (it has set _NET_SUPPORTING_WM_CHECK and the client
 * list). A window mapped while openbox is still starting can stay unmanaged (seen here under
 * load: mapped, not reparented, not in _NET_CLIENT_LIST), and an unmanaged window is invisible
 * to the adapter.
 */
async function waitForWindowManager(): Promise<void> {
  await eventually(async () => {
    const root = await runX11('xprop', ['-root', '_NET_SUPPORTING_WM_CHECK', '_NET_CLIENT_LIST'], { env: stage.display.env }).catch(() => '');
    return /_NET_SUPPORTING_WM_CHECK\(WINDOW\): window id # 0x[1-9a-f]/.test(root) && /_NET_CLIENT_LIST\(WINDOW\)/.test(root) ? true : undefined;
  }, 'openbox to manage windows');
}

async function startKeyRecorder(name: string, x: number): Promise<KeyRecorder> {
  await waitForWindowManager();
  const child = spawn('xev', ['-event', 'keyboard', '-name', name, '-geometry', `400x300+${x}+100`], { env: stage.display.env, stdio: ['ignore', 'pipe', 'pipe'] });
  cleanups.push(() => killQuietly([child.pid]));
  let text = '';
  let errors = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const window = await eventually(async () => (await stage.platform.windows.listWindows()).find((w) => w.title === name), `the ${name} window`, 45_000).catch(async (error: unknown) => {
    const tree = await runX11('xwininfo', ['-root', '-tree'], { env: stage.display.env }).catch(String);
    const clients = await runX11('xprop', ['-root'], { env: stage.display.env }).catch(String);
    throw new Error(`${String(error)} (xev exit ${String(child.exitCode)}: ${errors.slice(0, 300)}; out: ${JSON.stringify(text.slice(0, 200))}; tree: ${tree.slice(0, 1500)}; root: ${clients.slice(0, 1500)})`);
  });
  return {
    id: window.id,
    process: child,
    output: () => text,
    async waitForKey(key) {
      await eventually(() => (text.includes(`, ${key}), same_screen`) ? true : undefined), `${key} in ${name}`, 15_000);
    },
  };
}

const activate = (id: string): Promise<string> => runX11('xdotool', ['windowactivate', '--sync', id], { env: stage.display.env });

describe('no key for a window that is gone', () => {
  it('"Leave site?" and Escape for a closed window: skipped, and the focused editor receives nothing', async () => {
    const editor = await startKeyRecorder('editor', 50);
    const target = await startKeyRecorder('target', 600);
    const actions = stage.platform.actions;
    killQuietly([target.process.pid]);
    await eventually(async () => ((await actions.isWindowOpen(target.id)) ? undefined : true), 'the target window to close');
    await activate(editor.id);

    const confirm = await actions.confirmLeavePage(target.id);
    const escape = await actions.exitFullScreen(target.id);

    // A marker key typed now reaches the editor after anything typed before it (X keeps order):
    // once it arrived, nothing else came first.
    await runX11('xdotool', ['key', 'F8'], { env: stage.display.env });
    await editor.waitForKey('F8');
    const output = editor.output();
    const before = output.slice(0, output.lastIndexOf('KeyPress event', output.indexOf(', F8), same_screen')));
    expect(before).not.toMatch(/KeyPress event/);
    expect(output).not.toMatch(/Return|Escape/);
    expect(confirm).toEqual({ status: 'skipped', detail: 'window gone' });
    expect(escape).toEqual({ status: 'skipped', detail: 'window gone' });
  }, 60_000);

  it('the same step for a window that is there types Return into it (the check above can see a key)', async () => {
    const editor = await startKeyRecorder('editor2', 50);
    const other = await startKeyRecorder('other', 600);
    await activate(other.id); // the prompt's window is not in front: the adapter brings it forward first
    expect(await stage.platform.actions.confirmLeavePage(editor.id)).toEqual({ status: 'done', detail: 'pressed Return on the prompt' });
    await editor.waitForKey('Return');
    expect(other.output()).not.toMatch(/Return/);
  }, 60_000);
});

/** A renderer wrapper that starts `soffice.bin` (a copy of sleep) before becoming the renderer. */
function officeLaunchingWrapper(standIns: StandIns): { wrapper: string; pidsFile: string } {
  const pidsFile = join(standIns.dir, 'office.pids');
  const wrapper = join(standIns.dir, 'renderer-with-office.sh');
  writeFileSync(wrapper, `#!/bin/sh\n"${standIns.office}" 600 </dev/null >/dev/null 2>&1 &\necho $! >> "${pidsFile}"\nexec "$@"\n`);
  chmodSync(wrapper, 0o755);
  return { wrapper, pidsFile };
}

describe('a program opened from Chromium survives the forced end of the browser', () => {
  it('ends the Chromium tree of a page that refuses to close, leaves soffice.bin running and names it in the event', async () => {
    const standIns = makeStandIns();
    cleanups.push(() => standIns.remove());
    const { wrapper, pidsFile } = officeLaunchingWrapper(standIns);
    const officePids = (): number[] => (existsSync(pidsFile) ? readFileSync(pidsFile, 'utf8').split('\n').filter((line) => line !== '').map(Number) : []);
    cleanups.push(() => killQuietly(officePids()));
    const { browser } = await openPage(stage.display, stage.server.url('beforeunload-trap.html'), 'Your PC is infected with Trojan', [`--renderer-cmd-prefix=${wrapper}`]);
    cleanups.push(() => stopBrowser(browser));
    const offices = await eventually(() => (officePids().length > 0 ? officePids() : undefined), 'soffice.bin started by a renderer');
    // The "Leave site?" prompt is never confirmed, so the escalation must end the browser.
    const stubborn = Object.assign(Object.create(stage.platform.actions) as typeof stage.platform.actions, {
      confirmLeavePage: async () => ({ status: 'failed' as const, detail: 'test: prompt left alone' }),
    });
    const log = new EventLog();
    const watcher = createWatcher({ windows: stage.platform.windows, actions: stubborn, clock: systemClock }, { closeMode: 'auto' });
    watcher.subscribe(log.push);
    cleanups.push(() => watcher.stop());
    await clickPage(browser);
    watcher.start();
    const taken = await log.waitFor('action-taken', undefined, 60_000);
    expect(taken.outcome).toBe('terminated');
    await waitGone([browser.pid], 20_000);
    const terminate = taken.steps.find((step) => step.step === 'terminate');
    expect(terminate?.status).toBe('done');
    const spared = terminate?.spared ?? [];
    expect(spared.filter((p) => p.reason === 'not-part-of-browser').map((p) => p.pid).sort()).toEqual(expect.arrayContaining(offices));
    expect(spared.every((p) => p.image === standIns.office)).toBe(true);
    expect(taken.message).toContain('soffice.bin');
    expect(offices.map(isProcessGone)).toEqual(offices.map(() => false));
  }, 120_000);
});
