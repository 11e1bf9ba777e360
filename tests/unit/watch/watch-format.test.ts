import { describe, expect, it } from 'vitest';
import { eventToJson, eventToText } from '../../../src/cli/commands/watch-format.js';
import { parseWatchArgs } from '../../../src/cli/commands/watch.js';
import type { WatchEvent } from '../../../src/shared/watch-events.js';

const window = { windowId: '0x1', title: 'Scary "title"', pid: 42, fullscreen: true };
const verdict = { verdict: 'scam' as const, score: 0.9, reasons: [], phones: [] };
const all: WatchEvent[] = [
  { type: 'detected', at: 1, ms: 3, window, verdict, stage: 'title', next: 'close' },
  { type: 'suspicious', at: 1, ms: 2, window, verdict: { ...verdict, verdict: 'suspicious' }, cause: 'fullscreen', contentCheck: true },
  { type: 'content-checked', at: 1, ms: 400, window, verdict: { ...verdict, verdict: 'clean' }, textChars: 12 },
  { type: 'action-taken', at: 1, ms: 90, window, decidedBy: 'guard', outcome: 'terminated', closedAllBrowserWindows: true, steps: [{ step: 'terminate', status: 'done', ms: 10 }], message: 'gone' },
  { type: 'action-failed', at: 1, ms: 90, window, decidedBy: 'person', steps: [], message: 'stuck' },
  { type: 'error', at: 1, code: 'display-unavailable', message: 'no display', retryInMs: 2000 },
  { type: 'status', at: 1, state: 'watching' },
];

describe('watch output', () => {
  it('every JSON line has event, verdict, title, pid, windowId and ms', () => {
    for (const event of all) {
      const json = eventToJson(event);
      for (const key of ['event', 'verdict', 'title', 'pid', 'windowId', 'ms']) expect(json).toHaveProperty(key);
      expect(json['event']).toBe(event.type);
      expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    }
    expect(eventToJson(all[0] as WatchEvent)).toMatchObject({ verdict: 'scam', title: 'Scary "title"', pid: 42, windowId: '0x1', ms: 3 });
  });
  it('plain lines quote titles as data', () => {
    expect(eventToText(all[0] as WatchEvent)).toContain('"Scary \\"title\\""');
    expect(all.map(eventToText).every((line) => line.length > 0)).toBe(true);
  });
  it('says why a step was skipped ("skipped: window gone")', () => {
    const skipped: WatchEvent = { type: 'action-taken', at: 1, ms: 90, window, outcome: 'closed', closedAllBrowserWindows: false, decidedBy: 'guard', steps: [{ step: 'confirm-leave', status: 'skipped', detail: 'window gone', ms: 1 }, { step: 'terminate', status: 'not-needed', detail: 'unused', ms: 0 }], message: 'gone' };
    expect(eventToText(skipped)).toContain('confirm-leave=skipped: window gone, terminate=not-needed)');
  });
  it('parses options', () => {
    expect(parseWatchArgs([])).toEqual({ json: false, contentCheck: true, toolWatch: true, toolCheckMs: 60_000, remote: true, onThePhone: false });
    expect(parseWatchArgs(['--close=auto', '--json', '--no-content-check', '--no-tool-watch'])).toEqual({ closeMode: 'auto', json: true, contentCheck: false, toolWatch: false, toolCheckMs: 60_000, remote: true, onThePhone: false });
    expect(parseWatchArgs(['--no-remote', '--on-the-phone'])).toMatchObject({ remote: false, onThePhone: true });
    expect(parseWatchArgs(['--tool-check-seconds=2'])).toMatchObject({ toolCheckMs: 2_000 });
    expect(parseWatchArgs(['--tool-check-seconds=0'])).toMatch(/bad number/);
    expect(parseWatchArgs(['--close=maybe'])).toMatch(/unknown close mode/);
    expect(parseWatchArgs(['--help'])).toBe('help');
  });
});
