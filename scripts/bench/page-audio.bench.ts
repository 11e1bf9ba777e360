/**
 * Issue 18's user-level bounds, on a private Xvfb + PulseAudio with Debian's Chromium and the
 * real guard (as `scarestop watch` builds it): detection → the browser's alarm muted (the
 * `audio-muted` event's `ms`, checked against the sound server's own state), and detection →
 * page address known (Chromium writes its history in batches). Median and p95 over N trials.
 * Env: SCARESTOP_BENCH_TRIALS (default 8).
 */
import { createGuard } from '../../src/engine/guard/index.js';
import { systemClock } from '../../src/engine/watch/system-clock.js';
import { createLinuxPageAddressReader } from '../../src/platform/linux/page-address.js';
import { PulseBrowserAudio } from '../../src/platform/linux/pulse-audio.js';
import { createX11WindowPlatform } from '../../src/platform/linux/x11-window-platform.js';
import type { WatchEvent } from '../../src/shared/watch-events.js';
import { startDisplay } from '../../tests/e2e/support/display.js';
import { startPulse } from '../../tests/e2e/support/pulse.js';
import { serveStatic } from '../../tests/e2e/support/serve.js';
import { eventually, openPage, stopBrowser } from '../../tests/e2e/support/watch-harness.js';

const TRIALS = Number(process.env['SCARESTOP_BENCH_TRIALS'] ?? 8);

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}
const summary = (values: readonly number[]): string => `median ${percentile(values, 50).toFixed(0)} ms, p95 ${percentile(values, 95).toFixed(0)} ms, max ${Math.max(...values).toFixed(0)} ms (n=${values.length})`;

export default async function bench(): Promise<void> {
  const display = await startDisplay();
  const pulse = startPulse(display.env);
  const server = await serveStatic();
  const stage = { ...display, env: { ...display.env, ...pulse.env } };
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
  const muted: number[] = [];
  const addressed: number[] = [];
  try {
    for (let trial = 0; trial < TRIALS; trial += 1) {
      const page = await openPage(stage, server.url(`alarm-tone.html?trial=${trial}`), 'Windows Defender');
      try {
        const ofPage = (type: WatchEvent['type']) => events.find((e) => e.type === type && 'window' in e && e.window.windowId === page.window.id);
        const mute = await eventually(() => ofPage('audio-muted'), 'the mute', 30_000);
        if (mute.type === 'audio-muted' && pulse.sinkInputs().some((s) => s.binary === 'chromium' && s.muted)) muted.push(mute.ms);
        const address = await eventually(() => ofPage('page-address'), 'the address', 60_000);
        if (address.type === 'page-address') addressed.push(address.ms);
      } finally {
        await stopBrowser(page.browser);
      }
    }
  } finally {
    guard.stop();
    platform.dispose();
    pulse.stop();
    await server.close();
    await display.stop();
  }
  console.log(`detection → alarm muted (PulseAudio, Chromium): ${summary(muted)}   target ≤ 300 ms`);
  console.log(`detection → page address known (Chromium History): ${summary(addressed)}`);
}
