/**
 * The guard as `scarestop watch` and the app build it for issue 18 (X11 windows, PulseAudio
 * mute, the browser-history address reader, close mode "never"), on a test display with a
 * private sound server; its watch events are collected. Shared by the e2e test and the bench.
 */
import { createGuard, type Guard } from '../../../src/engine/guard/index.js';
import { systemClock } from '../../../src/engine/watch/system-clock.js';
import { createLinuxPageAddressReader } from '../../../src/platform/linux/page-address.js';
import { PulseBrowserAudio } from '../../../src/platform/linux/pulse-audio.js';
import { createX11WindowPlatform } from '../../../src/platform/linux/x11-window-platform.js';
import type { WatchEvent } from '../../../src/shared/watch-events.js';
import type { TestDisplay } from './display.js';
import type { TestPulse } from './pulse.js';

export interface AudioGuard {
  readonly guard: Guard;
  /** Every watch event so far, oldest first. */
  readonly events: WatchEvent[];
  /** The first event of `type` about the window `windowId` of the browser `pid` (X11 reuses window ids). */
  eventOf<T extends WatchEvent['type']>(type: T, windowId: string, pid: number): Extract<WatchEvent, { type: T }> | undefined;
  stop(): void;
}

/** Builds and starts the guard on `stage` (display + sound server environment). */
export async function startAudioGuard(stage: TestDisplay, pulse: TestPulse): Promise<AudioGuard> {
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
  function eventOf<T extends WatchEvent['type']>(type: T, windowId: string, pid: number): Extract<WatchEvent, { type: T }> | undefined {
    return events.find((e): e is Extract<WatchEvent, { type: T }> => e.type === type && 'window' in e && e.window.windowId === windowId && e.window.pid === pid);
  }
  return {
    guard,
    events,
    eventOf,
    stop() {
      guard.stop();
      platform.dispose();
    },
  };
}
