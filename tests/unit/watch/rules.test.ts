import { describe, expect, it } from 'vitest';
import { isAllowed, normaliseTitle } from '../../../src/engine/watch/allow-list.js';
import { PopupBurstTracker } from '../../../src/engine/watch/popup-burst.js';
import { judgeWindow } from '../../../src/engine/watch/judge.js';
import { boundTitle, coversScreen, isFullScreen, MAX_TITLE_CHARS, toWatchedWindow } from '../../../src/engine/watch/watched-window.js';
import { browserWindow } from './fakes.js';
import { testClassify } from './test-classify.js';

describe('allow list', () => {
  it('matches titles without the browser suffix, case or spacing', () => {
    expect(normaliseTitle('My  Bank – Online   - Google Chrome')).toBe('my bank – online');
    expect(isAllowed([{ kind: 'title', value: 'my bank – online' }], 'My Bank – Online - Microsoft Edge')).toBe(true);
    expect(isAllowed([{ kind: 'title', value: 'my bank' }], 'my bank is infected - Chromium')).toBe(false);
    expect(isAllowed([{ kind: 'title', value: '' }], ' - Chromium')).toBe(false);
  });

  it('matches a host only as a whole name', () => {
    const entries = [{ kind: 'host' as const, value: 'bank.example' }];
    expect(isAllowed(entries, 'bank.example/login - Chromium')).toBe(true);
    expect(isAllowed(entries, 'evilbank.example - Chromium')).toBe(false);
    expect(isAllowed(entries, 'bank.example.evil.test - Chromium')).toBe(false);
  });
});

describe('popup bursts', () => {
  const w = (id: string, pid = 1) => browserWindow(id, 'Untitled', { pid });
  it('ignores windows open before watching and finds many new ones of one browser', () => {
    const tracker = new PopupBurstTracker({ count: 3, withinMs: 2_000 });
    expect(tracker.update([w('a'), w('b'), w('c')], 0)).toEqual([]);
    expect(tracker.update([w('a'), w('b'), w('c'), w('d'), w('e')], 100)).toEqual([]);
    expect(tracker.update([w('a'), w('d'), w('e'), w('f'), w('x', 2)], 500).sort()).toEqual(['d', 'e', 'f']);
    expect(tracker.update([w('d'), w('e'), w('f')], 3_000)).toEqual([]); // too long ago
  });
});

describe('judging a window', () => {
  const context = { classify: testClassify, allowList: [], inBurst: false, at: 0 };
  it('raises full screen and bursts to suspicious, but never to scam', () => {
    expect(judgeWindow(browserWindow('1', 'Security Center', { fullscreen: true }), context)).toMatchObject({ cause: 'fullscreen', verdict: { verdict: 'suspicious' } });
    expect(judgeWindow(browserWindow('1', 'Untitled'), { ...context, inBurst: true })).toMatchObject({ cause: 'popup-burst', verdict: { verdict: 'suspicious' } });
    expect(judgeWindow(browserWindow('1', 'Security Center', { fullscreen: true }), { ...context, raise: false }).verdict.verdict).toBe('clean');
    expect(judgeWindow(browserWindow('1', 'Recipes'), context).verdict.verdict).toBe('clean');
  });
  it('does not raise a page the detector found benign', () => {
    const benign = () => ({ verdict: 'clean' as const, score: 0, reasons: [{ signal: 'benign-context' as const, detail: 'news' }], phones: [] });
    expect(judgeWindow(browserWindow('1', 'News', { fullscreen: true }), { ...context, classify: benign }).cause).toBeUndefined();
  });
});

describe('window views', () => {
  it('sees full screen from the window manager or from bounds covering the monitor', () => {
    expect(isFullScreen(browserWindow('1', 't', { fullscreen: true }))).toBe(true);
    expect(isFullScreen(browserWindow('1', 't', { bounds: { x: 0, y: 0, width: 1920, height: 1080 } }))).toBe(true);
    expect(isFullScreen(browserWindow('1', 't'))).toBe(false);
    expect(coversScreen({ x: 1920, y: 0, width: 1920, height: 1080 }, { x: 1920, y: 0, width: 1920, height: 1080 })).toBe(true);
  });
  it('bounds hostile titles', () => {
    const long = `${'A'.repeat(5_000)}\u0007\n`;
    expect(boundTitle(long).length).toBe(MAX_TITLE_CHARS);
    expect(boundTitle('a\u0000b\nc')).toBe('a b c');
    expect(toWatchedWindow(browserWindow('1', long)).title.length).toBeLessThanOrEqual(MAX_TITLE_CHARS);
  });
});

describe('hostile titles', () => {
  it('drops 8-bit terminal controls and bidi overrides', () => {
    expect(boundTitle('Call \u009b2J\u202e7410-555-888\u202c now')).toBe('Call 2J7410-555-888 now');
  });
});
