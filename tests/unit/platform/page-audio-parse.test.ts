import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseServerEvent, parseSinkInputs, streamsOfProcesses } from '../../../src/platform/linux/pulse-audio-parse.js';
import { chromiumTimeToEpochMs, CLOCK_ALLOWANCE_MS, firefoxTimeToEpochMs, matchHistory, MAX_URL_LENGTH, titleShowsPage } from '../../../src/platform/page-address/history-match.js';

const recorded = readFileSync(new URL('../../fixtures/linux/pactl-sink-inputs.json', import.meta.url), 'utf8');

describe('pactl sink inputs (recorded PulseAudio 16.1 output)', () => {
  it('reads index, pid, binary and mute state, and drops entries without an index', () => {
    const inputs = parseSinkInputs(recorded);
    expect(inputs).toEqual([
      { index: 0, pid: 19265, application: 'Chromium', binary: 'chromium', muted: false },
      { index: 3, pid: 20001, application: 'other-app', binary: 'pacat', muted: true },
    ]);
  });
  it("keeps only the streams of the browser's process tree", () => {
    const inputs = parseSinkInputs(recorded);
    expect(streamsOfProcesses(inputs, new Set([19000, 19265])).map((i) => i.index)).toEqual([0]);
    expect(streamsOfProcesses(inputs, new Set([1]))).toEqual([]);
  });
  it('rejects a document that is not a list', () => {
    expect(() => parseSinkInputs('{"index":1}')).toThrow(/list/);
    expect(() => parseSinkInputs('not json')).toThrow();
  });
});

describe('pactl subscribe (recorded PulseAudio 16.1 output while pacat played and stopped)', () => {
  const lines = readFileSync(new URL('../../fixtures/linux/pactl-subscribe.txt', import.meta.url), 'utf8').split('\n');
  it('reads each event, and finds the one new stream among them', () => {
    const events = lines.map(parseServerEvent).filter((event) => event !== undefined);
    expect(events).toHaveLength(7);
    expect(events.filter((event) => event.kind === 'new' && event.facility === 'sink-input')).toEqual([{ kind: 'new', facility: 'sink-input', index: 0 }]);
    expect(events.at(-1)).toEqual({ kind: 'remove', facility: 'client', index: 1 });
  });
  it("ignores pactl's own messages and anything else", () => {
    expect(parseServerEvent('Got SIGINT, exiting.')).toBeUndefined();
    expect(parseServerEvent("Event 'new' on sink-input #x")).toBeUndefined();
    expect(parseServerEvent('')).toBeUndefined();
  });
});

describe('matching a window to its history row', () => {
  const since = Date.UTC(2026, 11, 5, 10, 0, 0);
  const row = (url: string, title: string, offsetMs: number) => ({ url, title, visitedAt: since + offsetMs });

  it('converts the browsers’ time bases to epoch milliseconds', () => {
    // 2026-12-05T10:00:00Z in Chromium (µs since 1601) and Firefox (µs since 1970) form.
    expect(chromiumTimeToEpochMs(BigInt(since + 11_644_473_600_000) * 1000n)).toBe(since);
    expect(firefoxTimeToEpochMs(BigInt(since) * 1000n)).toBe(since);
  });
  it('matches the page title followed by the browser name, never a bare prefix', () => {
    expect(titleShowsPage('Security Warning - Chromium', 'Security Warning')).toBe(true);
    expect(titleShowsPage('Security Warning', 'Security Warning')).toBe(true);
    expect(titleShowsPage('Security Warnings about scams - Chromium', 'Security Warning')).toBe(false);
    expect(titleShowsPage('anything - Chromium', '')).toBe(false);
  });
  it('takes the newest matching visit since the detection, never an unmatched latest visit', () => {
    const rows = [
      row('https://old.example/', 'Alert', -CLOCK_ALLOWANCE_MS - 1),
      row('https://scam.example/a', 'Alert', 1_000),
      row('https://scam.example/b', 'Alert', 3_000),
      row('https://mail.example/', 'Inbox', 5_000),
    ];
    expect(matchHistory(rows, { title: 'Alert - Google Chrome', since }, 'chromium-history')?.url).toBe('https://scam.example/b');
    expect(matchHistory(rows, { title: 'Something else - Google Chrome', since }, 'chromium-history')).toBeNull();
  });
  it('bounds a stuffed address', () => {
    const long = `https://scam.example/?${'x'.repeat(10_000)}`;
    expect(matchHistory([row(long, 'Alert', 0)], { title: 'Alert', since }, 'firefox-history')?.url).toHaveLength(MAX_URL_LENGTH);
  });
});
