/**
 * A watcher whose X display goes away says so and keeps retrying; it never crashes. And the
 * adapter refuses clearly when there is no display at all.
 */
import { describe, expect, it } from 'vitest';
import { createWatcher, systemClock } from '../../src/engine/watch/index.js';
import { PlatformError } from '../../src/engine/ports/errors.js';
import { createX11WindowPlatform } from '../../src/platform/linux/x11-window-platform.js';
import { startDisplay } from './support/display.js';
import { EventLog, eventually } from './support/watch-harness.js';

describe('losing the display', () => {
  it('reports display-unavailable, retries with growing backoff, and stops cleanly', async () => {
    const display = await startDisplay();
    const platform = await createX11WindowPlatform({ env: display.env, retryMinMs: 200, retryMaxMs: 1_600 });
    const log = new EventLog();
    const watcher = createWatcher({ windows: platform.windows, actions: platform.actions, clock: systemClock }, { closeMode: 'auto' });
    watcher.subscribe(log.push);
    watcher.start();
    try {
      await log.waitFor('status', (e) => e.state === 'watching');
      await display.stop();
      const first = await log.waitFor('error');
      expect(first.code).toBe('display-unavailable');
      await eventually(() => (log.ofType('error').length >= 3 ? true : undefined), 'repeated retries', 30_000);
      expect(log.ofType('status').some((e) => e.state === 'retrying')).toBe(true);
      await expect(platform.windows.foreground()).rejects.toBeInstanceOf(PlatformError);
    } finally {
      watcher.stop();
      await display.stop();
    }
    expect(log.ofType('status').at(-1)?.state).toBe('stopped');
  }, 60_000);

  it('refuses without a DISPLAY instead of crashing later', async () => {
    await expect(createX11WindowPlatform({ env: { PATH: process.env['PATH'] ?? '' } })).rejects.toMatchObject({ code: 'display-unavailable' });
  });
});
