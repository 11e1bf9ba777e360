/**
 * The Linux adapters behind "silence the alarm" and "keep the page's address", for real: a
 * private PulseAudio server, Debian's Chromium under Xvfb playing our own alarm page, and the
 * browser's own History database read from a copy.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PulseBrowserAudio } from '../../src/platform/linux/pulse-audio.js';
import { createLinuxPageAddressReader } from '../../src/platform/linux/page-address.js';
import { startDisplay, type TestDisplay } from './support/display.js';
import { startPulse, type TestPulse } from './support/pulse.js';
import { serveStatic, type StaticServer } from './support/serve.js';
import { eventually, openPage, stopBrowser } from './support/watch-harness.js';

describe('browser audio and page address (PulseAudio + Chromium under Xvfb)', () => {
  let display: TestDisplay;
  let pulse: TestPulse;
  let server: StaticServer;
  let stage: TestDisplay;

  beforeAll(async () => {
    display = await startDisplay();
    pulse = startPulse(display.env);
    server = await serveStatic();
    stage = { ...display, env: { ...display.env, ...pulse.env } };
  });
  afterAll(async () => {
    pulse?.stop();
    await server?.close();
    await display?.stop();
  });

  it("mutes only the browser's own streams, and unmutes exactly those", async () => {
    const other = pulse.playOtherApplication();
    const otherStream = await eventually(() => pulse.sinkInputs().find((input) => input.pid === other.pid), 'the other application playing');
    const page = await openPage(stage, server.url('alarm-tone.html'), 'Windows Defender');
    try {
      const alarm = await eventually(() => pulse.sinkInputs().find((input) => input.binary === 'chromium' && !input.muted), 'the alarm playing');
      const audio = new PulseBrowserAudio({ env: pulse.env });
      const muted = await audio.mute({ pid: page.browser.pid });
      expect(muted.status).toBe('done');
      const streams = muted.status === 'done' ? muted.streams : [];
      expect(streams.map((s) => s.streamId)).toContain(String(alarm.index));
      const after = pulse.sinkInputs();
      expect(after.find((input) => input.index === alarm.index)?.muted).toBe(true);
      expect(after.find((input) => input.index === otherStream.index)?.muted).toBe(false);
      // A second mute finds nothing left to silence and changes nothing.
      expect((await audio.mute({ pid: page.browser.pid })).status).toBe('not-needed');

      const unmuted = await audio.unmute(streams);
      expect(unmuted.status).toBe('done');
      expect(pulse.sinkInputs().find((input) => input.index === alarm.index)?.muted).toBe(false);
    } finally {
      other.kill('SIGKILL');
      await stopBrowser(page.browser);
    }
  });

  it('mutes with the stream list kept current while guarding, still only the browser, and knows its own mute', async () => {
    const other = pulse.playOtherApplication();
    const audio = new PulseBrowserAudio({ env: pulse.env });
    const stopReady = audio.keepReady(); // as the guard does when it starts
    const page = await openPage(stage, server.url('alarm-tone.html'), 'Windows Defender');
    try {
      const alarm = await eventually(() => pulse.sinkInputs().find((input) => input.binary === 'chromium' && !input.muted), 'the alarm playing');
      const muted = await audio.mute({ pid: page.browser.pid });
      expect(muted.status === 'done' ? muted.streams.map((s) => s.streamId) : muted).toEqual([String(alarm.index)]);
      expect(pulse.sinkInputs().find((input) => input.pid === other.pid)?.muted).toBe(false);
      expect((await audio.mute({ pid: page.browser.pid })).status).toBe('not-needed'); // its own mute is known
    } finally {
      stopReady();
      other.kill('SIGKILL');
      await stopBrowser(page.browser);
    }
  });

  it('does not mute a browser that is not the one judged', async () => {
    const page = await openPage(stage, server.url('alarm-tone.html'), 'Windows Defender');
    try {
      await eventually(() => pulse.sinkInputs().find((input) => input.binary === 'chromium'), 'the alarm playing');
      // Another program's process (not the browser, not its parent): nothing of it plays.
      const stranger = spawn('sleep', ['30'], { stdio: 'ignore' });
      const result = await new PulseBrowserAudio({ env: pulse.env }).mute({ pid: stranger.pid ?? 0 });
      stranger.kill('SIGKILL');
      expect(result.status).toBe('not-needed');
      expect(pulse.sinkInputs().filter((input) => input.binary === 'chromium').every((input) => !input.muted)).toBe(true);
    } finally {
      await stopBrowser(page.browser);
    }
  });

  it("reads the page's address from the browser's own history once Chromium has written it", async () => {
    const since = Date.now();
    const page = await openPage(stage, server.url('alarm-tone.html?phone=18885550199'), 'Windows Defender');
    try {
      const reader = createLinuxPageAddressReader({ env: stage.env });
      const query = { pid: page.browser.pid, processPath: '/usr/bin/chromium', title: page.window.title, since };
      const address = await eventually(() => reader.read(query).then((found) => found ?? undefined), 'the address in History', 40_000);
      expect(address.url).toBe(server.url('alarm-tone.html?phone=18885550199'));
      expect(address.source).toBe('chromium-history');
      // Another window title never borrows this address.
      expect(await reader.read({ ...query, title: 'Inbox - Mail - Chromium' })).toBeNull();
    } finally {
      await stopBrowser(page.browser);
    }
  }, 60_000);
});
