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
import { createGuard } from '../../src/engine/guard/index.js';
import { systemClock } from '../../src/engine/watch/system-clock.js';
import { createLinuxPageAddressReader } from '../../src/platform/linux/page-address.js';
import { PulseBrowserAudio } from '../../src/platform/linux/pulse-audio.js';
import { createX11WindowPlatform } from '../../src/platform/linux/x11-window-platform.js';
import type { WatchEvent } from '../../src/shared/watch-events.js';
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
    const url = server.url('alarm-tone.html?phone=18885550199');
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
    const platform = await createX11WindowPlatform({ env: stage.env });
    const events: WatchEvent[] = [];
    const guard = createGuard(
      { windows: platform.windows, actions: platform.actions, clock: systemClock, audio: new PulseBrowserAudio({ env: pulse.env }), addresses: createLinuxPageAddressReader({ env: stage.env }) },
      { closeMode: 'never' },
    );
    guard.subscribe((event) => {
      if (event.kind === 'watch') events.push(event.event);
    });
    guard.start();
    const page = await openPage(stage, server.url('alarm-tone.html'), 'Windows Defender');
    try {
      await eventually(() => events.find((e) => e.type === 'audio-muted'), 'the mute');
      expect(pulse.sinkInputs().filter((s) => s.binary === 'chromium').every((s) => s.muted)).toBe(true);
      guard.allowTitle(page.window.title);
      await eventually(() => events.find((e) => e.type === 'audio-unmuted'), 'the unmute');
      expect(pulse.sinkInputs().filter((s) => s.binary === 'chromium').some((s) => !s.muted)).toBe(true);
      expect(guard.allowList()).toContain(page.window.title.toLowerCase().replace(/ - chromium$/, ''));
    } finally {
      guard.stop();
      platform.dispose();
      await stopBrowser(page.browser);
    }
  }, 90_000);
});
