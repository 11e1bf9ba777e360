import { beforeEach, describe, expect, it } from 'vitest';
import { closeForeground, type CloseNowResult } from '../../../src/engine/watch/index.js';
import type { WatchEvent } from '../../../src/shared/watch-events.js';
import { browserWindow, FakeClock, FakeDesktop, SCAM_TITLE } from './fakes.js';
import { testClassify } from './test-classify.js';

let clock: FakeClock;
let desktop: FakeDesktop;
let events: WatchEvent[];

beforeEach(() => {
  clock = new FakeClock();
  desktop = new FakeDesktop();
  events = [];
});

async function closeNow(force = false): Promise<CloseNowResult> {
  let done: CloseNowResult | undefined;
  void closeForeground({ windows: desktop, actions: desktop, clock, classify: testClassify }, { force }, (e) => events.push(e)).then((r) => (done = r));
  for (let i = 0; i < 200 && done === undefined; i += 1) await clock.advance(100);
  if (done === undefined) throw new Error('close-now did not finish');
  return done;
}

describe('close-now', () => {
  it('closes a scam browser window in front and emits action-taken', async () => {
    desktop.show(browserWindow('0x1', SCAM_TITLE));
    const result = await closeNow();
    expect(result.status).toBe('closed');
    expect(events.map((e) => e.type)).toEqual(['action-taken']);
  });

  it('refuses when nothing is in front, or it is not a browser, or it looks harmless', async () => {
    expect(await closeNow()).toMatchObject({ status: 'refused', reason: 'no-foreground' });
    desktop.show(browserWindow('0x2', SCAM_TITLE, { processPath: '/usr/bin/gedit', processName: 'gedit' }));
    expect(await closeNow(true)).toMatchObject({ status: 'refused', reason: 'not-a-browser' });
    desktop.show(browserWindow('0x3', 'Recipes - Chromium'));
    expect(await closeNow(true)).toMatchObject({ status: 'refused', reason: 'not-scary' });
    expect(desktop.calls).toEqual([]);
  });

  it('needs force for a suspicious (full-screen, bland) page', async () => {
    desktop.show(browserWindow('0x1', 'Security Center - Chromium', { fullscreen: true }));
    expect(await closeNow()).toMatchObject({ status: 'refused', reason: 'suspicious-needs-force' });
    expect(desktop.calls).toEqual([]);
    expect(await closeNow(true)).toMatchObject({ status: 'closed' });
  });
});
