/**
 * Issue 18 end to end on Linux: a real PulseAudio server, Debian's Chromium under Xvfb playing
 * our own alarm page, and the guard behind `scarestop watch` / the app. The alarm is silenced
 * when the page is judged (another program's sound untouched), the page's address is read from
 * the browser and lands in the record, and "this page is fine" brings the sound back.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAudioGuard } from './support/audio-guard.js';
import { startDisplay, type TestDisplay } from './support/display.js';
import { startPulse, type TestPulse } from './support/pulse.js';
import { runCli, startJsonWatch } from './support/scarestop-cli.js';
import { serveStatic, type StaticServer } from './support/serve.js';
import { eventually, openPage, stopBrowser } from './support/watch-harness.js';

let display: TestDisplay;
let pulse: TestPulse;
let server: StaticServer;
let stage: TestDisplay;
const home = mkdtempSync(join(tmpdir(), 'scarestop-e2e-audio-'));

beforeAll(async () => {
  display = await startDisplay();
  pulse = startPulse(display.env);
  server = await serveStatic();
  stage = { ...display, env: { ...display.env, ...pulse.env, HOME: home } };
});

afterAll(async () => {
  pulse?.stop();
  await server?.close();
  await display?.stop();
  rmSync(home, { recursive: true, force: true });
});

const startWatch = (args: string[]) => startJsonWatch(args, { ...stage.env, SCARESTOP_HOME: home });

describe('the alarm is silenced and the address kept (scarestop watch --close=never --json)', () => {
  it("mutes only the scam browser's sound, records the page address, and history shows it", async () => {
    const other = pulse.playOtherApplication();
    const watch = startWatch(['--close=never', '--json', '--no-content-check', '--no-tool-watch']);
    // The alarm is already sounding when the warning title appears (then the detection).
    const url = server.url('alarm-before-title.html?phone=18885550199');
    const page = await openPage(stage, url, 'Windows Defender');
    try {
      const detected = await eventually(() => watch.lines.find((l) => l['event'] === 'detected' && l['windowId'] === page.window.id), 'the detection');
      const muted = await eventually(() => watch.lines.find((l) => l['event'] === 'audio-muted' && l['windowId'] === page.window.id), 'the mute');
      expect(muted['streams']).toBeGreaterThanOrEqual(1);
      expect(typeof muted['ms']).toBe('number'); // detection → muted; measured in npm run bench
      const streams = pulse.sinkInputs();
      expect(streams.filter((s) => s.binary === 'chromium').every((s) => s.muted)).toBe(true);
      expect(streams.find((s) => s.pid === other.pid)?.muted).toBe(false);
      expect(detected['verdict']).toBe('scam');

      const address = await eventually(() => watch.lines.find((l) => l['event'] === 'page-address' && l['windowId'] === page.window.id), 'the page address', 60_000);
      expect(address['url']).toBe(url);
      expect(address['host']).toBe('127.0.0.1');
    } finally {
      watch.child.kill('SIGINT');
      other.kill('SIGKILL');
      await stopBrowser(page.browser);
    }
    const history = await runCli(['history', '--json'], { ...stage.env, SCARESTOP_HOME: home });
    const incidents = (JSON.parse(history.stdout) as { incidents: Array<{ pages: Array<{ url: string; knownAfterSeconds: number }> }> }).incidents;
    const pages = incidents.flatMap((incident) => incident.pages);
    expect(pages.map((p) => p.url)).toContain(url);
    expect(pages[0]?.knownAfterSeconds).toBeGreaterThanOrEqual(0);
  }, 120_000);
});

describe('"this page is fine" through the guard (as the app calls it)', () => {
  it('unmutes exactly the page it silenced', async () => {
    const { guard, eventOf, stop } = await startAudioGuard(stage, pulse);
    // Title first, sound a moment later (usually): muted when the sound server announces the stream.
    const page = await openPage(stage, server.url('alarm-tone.html'), 'Windows Defender');
    try {
      await eventually(() => eventOf('audio-muted', page.window.id, page.browser.pid), 'the mute');
      expect(pulse.sinkInputs().filter((s) => s.binary === 'chromium').every((s) => s.muted)).toBe(true);
      guard.allowTitle(page.window.title);
      await eventually(() => eventOf('audio-unmuted', page.window.id, page.browser.pid), 'the unmute');
      expect(pulse.sinkInputs().filter((s) => s.binary === 'chromium').some((s) => !s.muted)).toBe(true);
      expect(guard.allowList()).toContain(page.window.title.toLowerCase().replace(/ - chromium$/, ''));
    } finally {
      stop();
      await stopBrowser(page.browser);
    }
  }, 90_000);
});
