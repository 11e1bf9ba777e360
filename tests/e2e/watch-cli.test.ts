/**
 * The commands as a person runs them: `node bin/scarestop.mjs watch --close=auto --json` and
 * `close-now`, against real Chromium windows on a private Xvfb stage.display.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { classify } from '../../src/engine/detect/index.js';
import { allowValueForTitle } from '../../src/engine/watch/index.js';
import { X11Foreground } from '../../src/platform/linux/x11-foreground.js';
import { openIncidentStore } from '../../src/storage/index.js';
import { isProcessGone } from './support/chromium.js';
import { runCli as runScarestop, startJsonWatch, type JsonWatch } from './support/scarestop-cli.js';
import { useStaticStage } from './support/stages.js';
import { stopBrowser, clickPage, eventually, openPage, waitFullScreen, windowsOf } from './support/watch-harness.js';

const SCAM = 'Your PC is infected with Trojan';

const stage = useStaticStage();
const home = mkdtempSync(join(tmpdir(), 'scarestop-e2e-watch-cli-'));

afterAll(() => rmSync(home, { recursive: true, force: true }));

const env = (): NodeJS.ProcessEnv => ({ ...stage.display.env, SCARESTOP_HOME: home });

/** `scarestop watch ...args` (shared helper) plus its exit code once it ends. */
function startWatch(args: string[]): JsonWatch & { exit(): Promise<number | null> } {
  const watch = startJsonWatch(args, env());
  const exited = new Promise<number | null>((resolve) => watch.child.once('exit', (code) => resolve(code)));
  return { ...watch, exit: () => exited };
}

/** A command that prints JSON lines and ends (`close-now --json`). */
async function runCli(args: string[]): Promise<{ code: number | null; lines: Record<string, unknown>[] }> {
  const run = await runScarestop(args, env());
  return { code: run.code, lines: run.stdout.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('scarestop watch (CLI)', () => {
  it('--close=auto --json detects a full-screen scam page, closes it, and stops cleanly on Ctrl+C', async () => {
    const { browser, window } = await openPage(stage.display, stage.server.url('defender-fullscreen.html'), SCAM);
    const cli = startWatch(['--close=auto', '--json', '--no-content-check']);
    try {
      await clickPage(browser);
      const detected = await eventually(() => cli.lines.find((l) => l['event'] === 'detected'), 'a detected line', 60_000);
      expect(detected).toMatchObject({ event: 'detected', verdict: 'scam', pid: browser.pid, windowId: window.id, next: 'close' });
      expect(String(detected['title'])).toContain(SCAM);
      expect(typeof detected['ms']).toBe('number');
      const taken = await eventually(() => cli.lines.find((l) => l['event'] === 'action-taken'), 'an action-taken line', 60_000);
      expect(taken).toMatchObject({ windowId: window.id, pid: browser.pid });
      await eventually(() => (isProcessGone(browser.pid) ? true : undefined), 'the browser to end');
      cli.child.kill('SIGINT');
      expect(await cli.exit()).toBe(0);
      expect(cli.lines.at(-1)).toMatchObject({ event: 'status', state: 'stopped' });
      // The incident record survives the command: the detection and the close are in History.
      const store = openIncidentStore({ dataHome: home });
      try {
        const incident = store.latestOpenIncident();
        expect(incident).toBeDefined();
        const kinds = store.timeline(incident!.id).map((event) => (event.payload as { kind: string }).kind);
        expect(kinds).toContain('detection');
        expect(kinds).toContain('action');
      } finally {
        store.close();
      }
    } finally {
      cli.child.kill('SIGKILL');
      await stopBrowser(browser);
    }
  }, 120_000);

  it('--close=ask closes only after the person answers y', async () => {
    const { browser, window } = await openPage(stage.display, stage.server.url('defender-fullscreen.html'), SCAM);
    const cli = startWatch(['--close=ask', '--json', '--no-content-check']);
    try {
      const detected = await eventually(() => cli.lines.find((l) => l['event'] === 'detected'), 'a detected line', 60_000);
      expect(detected).toMatchObject({ next: 'ask', windowId: window.id });
      expect((await windowsOf(stage.display, browser.pid)).length).toBe(1); // not closed before the answer
      cli.child.stdin.write('y\n');
      await eventually(() => cli.lines.find((l) => l['event'] === 'action-taken'), 'an action-taken line', 60_000);
      cli.child.kill('SIGINT');
      expect(await cli.exit()).toBe(0);
    } finally {
      cli.child.kill('SIGKILL');
      await stopBrowser(browser);
    }
  }, 120_000);
});

describe('scarestop watch runs the same guard as the app', () => {
  it('honours the allow list kept in the data folder: an allowed title is reported, not closed', async () => {
    const { browser, window } = await openPage(stage.display, stage.server.url('defender-fullscreen.html'), SCAM);
    const store = openIncidentStore({ dataHome: home });
    store.updateSettings({ allowList: [allowValueForTitle(window.title)] });
    store.close();
    const cli = startWatch(['--close=auto', '--json', '--no-content-check', '--no-tool-watch']);
    try {
      const detected = await eventually(() => cli.lines.find((l) => l['event'] === 'detected'), 'a detected line', 60_000);
      expect(detected).toMatchObject({ verdict: 'scam', windowId: window.id, next: 'allow-listed' });
      expect((await windowsOf(stage.display, browser.pid)).map((w) => w.id)).toContain(window.id);
      cli.child.kill('SIGINT');
      expect(await cli.exit()).toBe(0);
      expect(cli.lines.some((l) => l['event'] === 'action-taken')).toBe(false);
    } finally {
      cli.child.kill('SIGKILL');
      await stopBrowser(browser);
      const cleanup = openIncidentStore({ dataHome: home });
      cleanup.updateSettings({ allowList: [] });
      cleanup.close();
    }
  }, 120_000);

  it('reports a remote-access tool that starts while it watches', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'scarestop-e2e-tool-'));
    const rustdesk = join(bin, 'rustdesk');
    copyFileSync('/bin/sleep', rustdesk);
    const cli = startWatch(['--close=never', '--json', '--no-content-check', '--tool-check-seconds=1']);
    const standIns: ChildProcess[] = [];
    try {
      await eventually(() => cli.lines.find((l) => l['event'] === 'status'), 'the watcher to start', 60_000);
      // A tool already running when the watch starts is the start-up scan's business, not news:
      // start a fresh one until one starts after the watch's first look (usually the first).
      let reported: Record<string, unknown> | undefined;
      for (let attempt = 0; attempt < 5 && reported === undefined; attempt += 1) {
        const standIn = spawn(rustdesk, ['600'], { stdio: 'ignore' });
        standIns.push(standIn);
        reported = await eventually(() => cli.lines.find((l) => l['event'] === 'remote-tool' && l['pid'] === standIn.pid), 'a remote-tool line', 10_000).catch(() => undefined);
      }
      expect(reported).toMatchObject({ event: 'remote-tool', change: 'started', toolId: 'rustdesk', evidence: 'running' });
      cli.child.kill('SIGINT');
      expect(await cli.exit()).toBe(0);
    } finally {
      cli.child.kill('SIGKILL');
      for (const standIn of standIns) standIn.kill('SIGKILL');
      rmSync(bin, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('scarestop close-now (CLI)', () => {
  it('closes a full-screen page whose verdict is "clean", as the person\'s decision (no --force needed)', async () => {
    const { browser, window } = await openPage(stage.display, stage.server.url('clean-fullscreen.html'), 'Welcome');
    try {
      await clickPage(browser);
      await waitFullScreen(stage.display, window.id);
      expect(classify({ title: window.title, process: 'chromium' }).verdict).toBe('clean');
      const { code, lines } = await runCli(['close-now', '--json']);
      expect(code).toBe(0);
      expect(lines.find((l) => l['event'] === 'action-taken')).toMatchObject({ windowId: window.id, decidedBy: 'person' });
      expect(await windowsOf(stage.display, browser.pid)).toEqual([]);
      // History has it as the person's own close.
      const store = openIncidentStore({ dataHome: home });
      try {
        const actions = store.listIncidents().flatMap((incident) => store.timeline(incident.id)).map((event) => event.payload);
        expect(actions).toContainEqual(expect.objectContaining({ kind: 'action', action: 'person-closed-page', status: 'done' }));
      } finally {
        store.close();
      }
    } finally {
      await stopBrowser(browser);
    }
  }, 90_000);

  it('closes a scam page in front', async () => {
    const { browser, window } = await openPage(stage.display, stage.server.url('beforeunload-trap.html'), SCAM);
    try {
      await clickPage(browser);
      const { code, lines } = await runCli(['close-now', '--json']);
      expect(code).toBe(0);
      expect(lines.find((l) => l['event'] === 'action-taken')).toMatchObject({ windowId: window.id, pid: browser.pid });
      await eventually(() => (isProcessGone(browser.pid) ? true : undefined), 'the browser to end');
    } finally {
      await stopBrowser(browser);
    }
  }, 90_000);

  it('refuses when the window in front is not a browser', async () => {
    const xmessage = spawn('xmessage', ['-name', 'notbrowser', 'Your PC is infected with Trojan! Call +1-888-555-0147'], { env: stage.display.env, stdio: 'ignore' });
    try {
      await eventually(async () => {
        const front = await new X11Foreground({ env: stage.display.env }).foreground().catch(() => null);
        return front !== null && !front.title.includes('Chromium') ? true : undefined;
      }, 'the xmessage window in front');
      const { code, lines } = await runCli(['close-now', '--json']);
      expect(code).toBe(3);
      expect(lines[0]).toMatchObject({ event: 'refused', reason: 'not-a-browser' });
      expect(String(lines[0]?.['message'])).toContain('not a web browser, so ScareStop left it alone');
      expect(isProcessGone(xmessage.pid ?? -1)).toBe(false);
    } finally {
      xmessage.kill('SIGTERM');
    }
  }, 90_000);
});

