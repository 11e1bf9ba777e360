/**
 * The person's close key: closes the browser window in front whatever the detector says (a
 * scam, a bland full-screen page, an ordinary page), as the person's decision; never another
 * program.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { closeForeground, type CloseNowResult } from '../../../src/engine/watch/index.js';
import type { WatchEvent } from '../../../src/shared/watch-events.js';
import { browserWindow, FakeClock, FakeDesktop, SCAM_TITLE } from './fakes.js';

let clock: FakeClock;
let desktop: FakeDesktop;
let events: WatchEvent[];

beforeEach(() => {
  clock = new FakeClock();
  desktop = new FakeDesktop();
  events = [];
});

async function closeNow(): Promise<CloseNowResult> {
  let done: CloseNowResult | undefined;
  void closeForeground({ windows: desktop, actions: desktop, clock }, {}, (e) => events.push(e)).then((r) => (done = r));
  for (let i = 0; i < 200 && done === undefined; i += 1) await clock.advance(100);
  if (done === undefined) throw new Error('close-now did not finish');
  return done;
}

describe('close-now (the person decides)', () => {
  it.each([
    ['a scam page', SCAM_TITLE, {}],
    ['a full-screen page with a bland title', 'Security Center - Chromium', { fullscreen: true }],
    ['an ordinary page', 'Recipes - Chromium', {}],
  ])('closes %s in front and records it as the person\'s decision', async (_name, title, extra) => {
    desktop.show(browserWindow('0x1', title, extra));
    const result = await closeNow();
    expect(result.status).toBe('closed');
    expect(desktop.calls).toContain('closeWindow 0x1');
    expect(events).toMatchObject([{ type: 'action-taken', decidedBy: 'person', window: { windowId: '0x1' } }]);
  });

  it('leaves another program alone and says so in plain words', async () => {
    desktop.show(browserWindow('0x2', SCAM_TITLE, { processPath: '/usr/bin/gedit', processName: 'gedit' }));
    const result = await closeNow();
    expect(result).toMatchObject({ status: 'refused', reason: 'not-a-browser' });
    expect(result.status === 'refused' ? result.message : '').toContain('not a web browser');
    expect(desktop.calls).toEqual([]);
    expect(events).toEqual([]);
  });

  it('does nothing when no window is in front', async () => {
    expect(await closeNow()).toMatchObject({ status: 'refused', reason: 'no-foreground' });
    expect(desktop.calls).toEqual([]);
  });
});
