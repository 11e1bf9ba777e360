/**
 * The page aftercare on a fake clock: silence at once and keep silencing while the page stays,
 * unmute exactly what was muted when the person says the page is fine, and look the address up
 * on a backing-off schedule until the browser has recorded it.
 */
import { describe, expect, it } from 'vitest';
import type { AudioOutcome, BrowserAudio, BrowserProcessRef, MutedStream, PageAddress, PageAddressQuery, PageAddressReader } from '../../../src/engine/ports/browser-page.js';
import { ADDRESS_SCHEDULE_MS, createPageAftercare, REMUTE_EVERY_MS, type AftercareEvent } from '../../../src/engine/watch/page-aftercare.js';
import type { WatchedWindow } from '../../../src/shared/watch-events.js';
import { FakeClock, flush } from './fakes.js';

const window: WatchedWindow = { windowId: '0x1', title: 'Security Warning - Chromium', pid: 42, process: '/usr/bin/chromium', fullscreen: true };

/** A browser whose streams appear when `play` is called. */
class FakeAudio implements BrowserAudio {
  readonly playing = new Map<string, boolean>(); // stream id → muted
  readonly calls: string[] = [];
  play(id: string): void {
    this.playing.set(id, false);
  }
  mute(browser: BrowserProcessRef): Promise<AudioOutcome> {
    this.calls.push(`mute ${browser.pid}`);
    const streams: MutedStream[] = [];
    for (const [id, muted] of this.playing) {
      if (!muted) {
        this.playing.set(id, true);
        streams.push({ streamId: id, pid: browser.pid });
      }
    }
    return Promise.resolve(streams.length === 0 ? { status: 'not-needed', detail: 'silent' } : { status: 'done', streams });
  }
  unmute(streams: readonly MutedStream[]): Promise<AudioOutcome> {
    this.calls.push(`unmute ${streams.map((s) => s.streamId).join(',')}`);
    for (const stream of streams) this.playing.set(stream.streamId, false);
    return Promise.resolve({ status: 'done', streams });
  }
}

/** A sound server that announces new streams (like `pactl subscribe`). */
class AnnouncingAudio extends FakeAudio {
  readonly listeners = new Set<() => void>();
  watchNewStreams(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  start(id: string): void {
    this.play(id);
    for (const listener of this.listeners) listener();
  }
}

/** History that has the address only from `availableAt` on. */
class FakeHistory implements PageAddressReader {
  readonly queries: number[] = [];
  constructor(
    private readonly clock: FakeClock,
    private readonly availableAt: number,
  ) {}
  read(query: PageAddressQuery): Promise<PageAddress | null> {
    this.queries.push(this.clock.now());
    if (this.clock.now() < this.availableAt) return Promise.resolve(null);
    return Promise.resolve({ url: 'http://203.0.113.9/?phone=18885550199', title: query.title, visitedAt: this.availableAt, source: 'chromium-history' });
  }
}

function setUp(addressAfterMs = 9_000) {
  const clock = new FakeClock();
  const audio = new FakeAudio();
  const history = new FakeHistory(clock, clock.now() + addressAfterMs);
  const events: AftercareEvent[] = [];
  const care = createPageAftercare({ clock, audio, addresses: history, emit: (event) => events.push(event) });
  return { clock, audio, history, events, care };
}

describe('page aftercare', () => {
  it('mutes the browser at once, and again when the page starts a new sound', async () => {
    const { clock, audio, events, care } = setUp();
    audio.play('alarm');
    care.onScam(window);
    await flush();
    expect(audio.playing.get('alarm')).toBe(true);
    expect(events[0]).toMatchObject({ type: 'audio-muted', streams: 1, ms: 0 });
    audio.play('voice'); // the kit starts a synthetic voice after the alarm
    await clock.advance(REMUTE_EVERY_MS);
    expect(audio.playing.get('voice')).toBe(true);
    expect(events.filter((e) => e.type === 'audio-muted')).toHaveLength(2);
  });

  it('unmutes exactly what it muted when the person says the page is fine, and stops re-muting', async () => {
    const { clock, audio, events, care } = setUp();
    audio.play('alarm');
    audio.playing.set('person-muted-music', true);
    care.onScam(window);
    await flush();
    await care.onAllowed(window.windowId);
    expect(audio.calls).toContain('unmute alarm');
    expect(audio.playing.get('person-muted-music')).toBe(true);
    expect(events.at(-1)).toMatchObject({ type: 'audio-unmuted', streams: 1 });
    audio.play('next');
    await clock.advance(REMUTE_EVERY_MS * 3);
    expect(audio.playing.get('next')).toBe(false);
  });

  it('looks the address up on the schedule until the browser has recorded it, then stops', async () => {
    const { clock, history, events, care } = setUp(9_000);
    const detectedAt = clock.now();
    care.onScam(window);
    care.onGone(window.windowId); // closed at once: the address is still wanted for the record
    await clock.advance(60_000);
    const found = events.find((e) => e.type === 'page-address');
    expect(found).toMatchObject({ type: 'page-address', ms: 9_000, url: 'http://203.0.113.9/?phone=18885550199', host: '203.0.113.9', source: 'chromium-history' });
    expect(history.queries.map((at) => at - detectedAt)).toEqual(ADDRESS_SCHEDULE_MS.filter((ms) => ms <= 9_000));
    expect(care.addressOf(window.windowId)?.source).toBe('chromium-history');
  });

  it('cares for a new browser that got the same window id: silenced, its own address looked up', async () => {
    const { clock, audio, history, events, care } = setUp(0);
    care.onScam(window);
    await clock.advance(1_000);
    // The person closed that browser themselves (nobody told the aftercare); a new browser's
    // scam page got the same X11 window id.
    const reused: WatchedWindow = { ...window, pid: 77 };
    care.onScam(reused);
    await clock.advance(1_000);
    expect(history.queries).toHaveLength(2);
    expect(events.filter((e) => e.type === 'page-address').map((e) => e.window.pid)).toEqual([42, 77]);
    expect(audio.calls.filter((call) => call === 'mute 77')).toHaveLength(1);
  });

  it('gives up after the last scheduled look when the browser never records it', async () => {
    const { clock, history, events, care } = setUp(Number.POSITIVE_INFINITY);
    care.onScam(window);
    await clock.advance(120_000);
    expect(history.queries).toHaveLength(ADDRESS_SCHEDULE_MS.length);
    expect(events.some((e) => e.type === 'page-address')).toBe(false);
  });

  it('mutes a sound the page starts later at once when the sound server announces it, without waiting for the re-check', async () => {
    const clock = new FakeClock();
    const audio = new AnnouncingAudio();
    const events: AftercareEvent[] = [];
    const care = createPageAftercare({ clock, audio, emit: (event) => events.push(event) });
    care.onScam(window); // judged before its sound started (the title came first)
    await flush();
    expect(events).toEqual([]);
    audio.start('alarm');
    await flush();
    expect(audio.playing.get('alarm')).toBe(true);
    expect(events).toEqual([expect.objectContaining({ type: 'audio-muted', streams: 1, ms: 0 })]);
    care.onGone(window.windowId);
    expect(audio.listeners.size).toBe(0); // nobody cared for: the announcements stop
  });

  it('stops re-muting when the browser has ended, and still finds the address', async () => {
    const { clock, audio, events, care } = setUp(3_000);
    let ended = false;
    const mute = audio.mute.bind(audio);
    audio.mute = (browser) => (ended ? Promise.resolve({ status: 'browser-gone', detail: 'ended' }) : mute(browser));
    care.onScam(window);
    await flush();
    ended = true; // the person closed the browser; the watcher was told nothing (close mode "never")
    await clock.advance(REMUTE_EVERY_MS);
    const calls = audio.calls.length;
    await clock.advance(REMUTE_EVERY_MS * 5);
    expect(audio.calls).toHaveLength(calls);
    expect(events.some((e) => e.type === 'page-address')).toBe(true);
  });

  it('starts reading the address only once the first mute has settled (silencing first)', async () => {
    const clock = new FakeClock();
    const history = new FakeHistory(clock, clock.now());
    let finishMute: (outcome: AudioOutcome) => void = () => undefined;
    const slow: BrowserAudio = { mute: () => new Promise((resolve) => (finishMute = resolve)), unmute: () => Promise.resolve({ status: 'not-needed', detail: '' }) };
    const care = createPageAftercare({ clock, audio: slow, addresses: history, emit: () => undefined });
    care.onScam(window);
    await clock.advance(0);
    expect(history.queries).toEqual([]);
    finishMute({ status: 'not-needed', detail: 'silent' });
    await clock.advance(0);
    expect(history.queries).toHaveLength(1);
    care.stop();
  });

  it('keeps a mute that finished after the window was already closed, and undoes one that finished after "page is fine"', async () => {
    const clock = new FakeClock();
    const finishes: Array<(outcome: AudioOutcome) => void> = [];
    const unmuted: string[] = [];
    const slow: BrowserAudio = {
      mute: () => new Promise((resolve) => finishes.push(resolve)),
      unmute: (streams) => (unmuted.push(...streams.map((s) => s.streamId)), Promise.resolve({ status: 'done', streams })),
    };
    const care = createPageAftercare({ clock, audio: slow, emit: () => undefined });
    care.onScam(window);
    care.onGone(window.windowId); // the close was quicker than the sound server
    finishes[0]?.({ status: 'done', streams: [{ streamId: 'alarm', pid: 42 }] });
    await flush();
    expect(unmuted).toEqual([]);
    const other: WatchedWindow = { ...window, windowId: '0x2' };
    care.onScam(other);
    await care.onAllowed(other.windowId); // "this page is fine" before the mute came back
    finishes[1]?.({ status: 'done', streams: [{ streamId: 'music', pid: 42 }] });
    await flush();
    expect(unmuted).toEqual(['music']);
  });

  it('reports a failed mute once and carries on', async () => {
    const clock = new FakeClock();
    const events: AftercareEvent[] = [];
    const broken: BrowserAudio = { mute: () => Promise.resolve({ status: 'failed', detail: 'pactl missing' }), unmute: () => Promise.resolve({ status: 'not-needed', detail: '' }) };
    const care = createPageAftercare({ clock, audio: broken, emit: (event) => events.push(event) });
    care.onScam(window);
    await clock.advance(REMUTE_EVERY_MS * 3);
    expect(events.filter((e) => e.type === 'audio-failed')).toEqual([expect.objectContaining({ detail: 'pactl missing' })]);
    care.stop();
    expect(clock.pending()).toBe(0);
  });
});
