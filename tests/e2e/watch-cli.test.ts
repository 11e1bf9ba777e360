/**
 * The commands as a person runs them: `node bin/scarestop.mjs watch --close=auto --json` and
 * `close-now`, against real Chromium windows on a private Xvfb display.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { X11Foreground } from '../../src/platform/linux/x11-foreground.js';
import { openIncidentStore } from '../../src/storage/index.js';
import { isProcessGone } from './support/chromium.js';
import { startDisplay, type TestDisplay } from './support/display.js';
import { serveStatic, type StaticServer } from './support/serve.js';
import { stopBrowser, clickPage, eventually, openPage, waitFullScreen, windowsOf } from './support/watch-harness.js';

const BIN = fileURLToPath(new URL('../../bin/scarestop.mjs', import.meta.url));
const SCAM = 'Your PC is infected with Trojan';

let display: TestDisplay;
let server: StaticServer;
const home = mkdtempSync(join(tmpdir(), 'scarestop-e2e-watch-cli-'));

beforeAll(async () => {
  display = await startDisplay();
  server = await serveStatic();
});

afterAll(async () => {
  await server?.close();
  await display?.stop();
  rmSync(home, { recursive: true, force: true });
});

interface RunningCli {
  readonly child: ChildProcessWithoutNullStreams;
  readonly lines: Record<string, unknown>[];
  exit(): Promise<number | null>;
}

function startCli(args: string[]): RunningCli {
  const env = { ...display.env, SCARESTOP_HOME: home };
  const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  const lines: Record<string, unknown>[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => lines.push(JSON.parse(line) as Record<string, unknown>));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, lines, exit: () => exited };
}

async function runCli(args: string[]): Promise<{ code: number | null; lines: Record<string, unknown>[] }> {
  const cli = startCli(args);
  cli.child.stdin.end();
  return { code: await cli.exit(), lines: cli.lines };
}

describe('scarestop watch (CLI)', () => {
  it('--close=auto --json detects a full-screen scam page, closes it, and stops cleanly on Ctrl+C', async () => {
    const { browser, window } = await openPage(display, server.url('defender-fullscreen.html'), SCAM);
    const cli = startCli(['watch', '--close=auto', '--json', '--no-content-check']);
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
    const { browser, window } = await openPage(display, server.url('defender-fullscreen.html'), SCAM);
    const cli = startCli(['watch', '--close=ask', '--json', '--no-content-check']);
    try {
      const detected = await eventually(() => cli.lines.find((l) => l['event'] === 'detected'), 'a detected line', 60_000);
      expect(detected).toMatchObject({ next: 'ask', windowId: window.id });
      expect((await windowsOf(display, browser.pid)).length).toBe(1); // not closed before the answer
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

describe('scarestop close-now (CLI)', () => {
  it('refuses a harmless page and leaves it open', async () => {
    const { browser, window } = await openPage(display, server.url('news-support-scams.html'), 'tech support scams');
    try {
      const { code, lines } = await runCli(['close-now', '--json']);
      expect(code).toBe(3);
      expect(lines[0]).toMatchObject({ event: 'refused', reason: 'not-scary', windowId: window.id });
      expect((await windowsOf(display, browser.pid)).map((w) => w.id)).toContain(window.id);
    } finally {
      await stopBrowser(browser);
    }
  }, 90_000);

  it('needs --force for a suspicious full-screen page, then closes it', async () => {
    const { browser, window } = await openPage(display, server.url('bland-fullscreen.html'), 'Security Center');
    try {
      await clickPage(browser);
      await waitFullScreen(display, window.id);
      const refused = await runCli(['close-now', '--json']);
      expect(refused.code).toBe(3);
      expect(refused.lines[0]).toMatchObject({ event: 'refused', reason: 'suspicious-needs-force' });
      const forced = await runCli(['close-now', '--force', '--json']);
      expect(forced.code).toBe(0);
      expect(forced.lines.find((l) => l['event'] === 'action-taken')).toMatchObject({ windowId: window.id });
      await eventually(() => (isProcessGone(browser.pid) ? true : undefined), 'the browser to end');
    } finally {
      await stopBrowser(browser);
    }
  }, 90_000);

  it('closes a scam page in front', async () => {
    const { browser, window } = await openPage(display, server.url('beforeunload-trap.html'), SCAM);
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
    const xmessage = spawn('xmessage', ['-name', 'notbrowser', 'Your PC is infected with Trojan! Call +1-888-555-0147'], { env: display.env, stdio: 'ignore' });
    try {
      await eventually(async () => {
        const front = await new X11Foreground({ env: display.env }).foreground().catch(() => null);
        return front !== null && !front.title.includes('Chromium') ? true : undefined;
      }, 'the xmessage window in front');
      const { code, lines } = await runCli(['close-now', '--json']);
      expect(code).toBe(3);
      expect(lines[0]).toMatchObject({ event: 'refused' });
      expect(['not-a-browser', 'no-foreground']).toContain(lines[0]?.['reason']);
      expect(isProcessGone(xmessage.pid ?? -1)).toBe(false);
    } finally {
      xmessage.kill('SIGTERM');
    }
  }, 90_000);
});

