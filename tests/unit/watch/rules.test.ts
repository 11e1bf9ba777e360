import { describe, expect, it } from 'vitest';
import { allowEntriesFromStored, allowValueForTitle, cleanTitle, isAllowed } from '../../../src/engine/watch/allow-list.js';
import { PopupBurstTracker } from '../../../src/engine/watch/popup-burst.js';
import { judgeWindow } from '../../../src/engine/watch/judge.js';
import { boundTitle, coversScreen, isFullScreen, MAX_TITLE_CHARS, toWatchedWindow } from '../../../src/engine/watch/watched-window.js';
import { browserWindow } from './fakes.js';
import { testClassify } from './test-classify.js';

describe('allow list', () => {
  const title = (value: string) => [{ kind: 'title' as const, value }];

  it('matches one exact title, without the browser suffix, case or spacing', () => {
    expect(cleanTitle('My  Bank – Online   - Google Chrome')).toBe('my bank - online');
    expect(isAllowed(title('my bank – online'), { title: 'My Bank – Online - Microsoft Edge' })).toBe(true);
    expect(isAllowed(title('my bank'), { title: 'my bank is infected - Chromium' })).toBe(false);
    expect(isAllowed(title(''), { title: ' - Chromium' })).toBe(false);
  });

  it('"This page is fine" on "example.com - Google Chrome" exempts only that title', () => {
    const entries = title(allowValueForTitle('example.com - Google Chrome'));
    expect(isAllowed(entries, { title: 'example.com - Google Chrome' })).toBe(true);
    expect(isAllowed(entries, { title: 'Example.com - Chromium' })).toBe(true);
    expect(isAllowed(entries, { title: 'example.com.evil.test - Your PC is infected! Call +1-888-555-0147 - Google Chrome' })).toBe(false);
    expect(isAllowed(entries, { title: 'Your example.com account is blocked! Call +1-888-555-0147 - Google Chrome' })).toBe(false);
    expect(isAllowed(entries, { title: 'example.com/login - Google Chrome' })).toBe(false);
  });

  it('keeps a stored host-like value from older versions as an exact title, and says so', () => {
    const legacy: string[] = [];
    const entries = allowEntriesFromStored(['example.com', 'my bank'], (value) => legacy.push(value));
    expect(entries).toEqual([
      { kind: 'title', value: 'example.com' },
      { kind: 'title', value: 'my bank' },
    ]);
    expect(legacy).toEqual(['example.com']);
    expect(isAllowed(entries, { title: 'Your example.com account is blocked! Call now - Google Chrome' })).toBe(false);
  });

  it('a site entry matches the host and its subdomains of a real address, never a title', () => {
    const site = [{ kind: 'site' as const, host: 'bank.example' }];
    expect(isAllowed(site, { title: 'x', url: 'https://bank.example/login' })).toBe(true);
    expect(isAllowed(site, { title: 'x', url: 'https://www.bank.example/' })).toBe(true);
    expect(isAllowed(site, { title: 'x', url: 'https://bank.example.evil.test/' })).toBe(false);
    expect(isAllowed(site, { title: 'x', url: 'https://evilbank.example/' })).toBe(false);
    expect(isAllowed(site, { title: 'bank.example - Chromium' })).toBe(false);
    expect(isAllowed(site, { title: 'x', url: 'not an address' })).toBe(false);
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
    expect(boundTitle('Call \u009b2J\u202e7410-555-888\u202c now')).toBe('Call  2J7410-555-888 now');
  });
});
