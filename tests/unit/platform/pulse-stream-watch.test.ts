/**
 * The `pactl subscribe` listener with a stand-in process replaying recorded output: it passes
 * the announcements on, runs only while someone listens, and starts again (a few times) when
 * the subscriber ends on its own, saying so. And the stream list kept current from those
 * announcements: trusted only when provably current.
 */
import type { ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import type { SinkInput } from '../../../src/platform/linux/pulse-audio-parse.js';
import { SinkInputCache } from '../../../src/platform/linux/pulse-sink-cache.js';
import { PulseStreamWatch } from '../../../src/platform/linux/pulse-stream-watch.js';

const recorded = readFileSync(new URL('../../fixtures/linux/pactl-subscribe.txt', import.meta.url), 'utf8');

class StandInSubscriber extends EventEmitter {
  readonly stdout = new PassThrough();
  killed = false;
  kill(): boolean {
    this.killed = true;
    this.exit();
    return true;
  }
  exit(): void {
    this.stdout.end();
    this.emit('close', 0, null);
  }
}

function setUp() {
  const started: StandInSubscriber[] = [];
  const watch = new PulseStreamWatch({}, () => {
    const child = new StandInSubscriber();
    started.push(child);
    return child as unknown as ChildProcess;
  });
  return { started, watch };
}

const lines = () => new Promise((resolve) => setImmediate(resolve));

describe('PulseStreamWatch', () => {
  it('passes each announcement on, and says when the subscriber is lost', async () => {
    const { started, watch } = setUp();
    const heard: string[] = [];
    const stop = watch.listen((signal) => heard.push(signal.kind === 'lost' ? 'lost' : `${signal.kind} ${signal.facility}`));
    expect(started).toHaveLength(1);
    started[0]?.stdout.write(recorded); // a stream came and went, with client and sink changes
    started[0]?.stdout.write('Connection failure: Connection refused\n'); // not an announcement
    await lines();
    expect(heard).toEqual(['new client', 'change client', 'new sink-input', 'change sink', 'change sink', 'remove sink-input', 'remove client']);
    started[0]?.exit();
    expect(heard.at(-1)).toBe('lost');
    stop();
  });

  it('runs one subscriber for all listeners, until the last one stops', () => {
    const { started, watch } = setUp();
    const stopFirst = watch.listen(() => undefined);
    const stopSecond = watch.listen(() => undefined);
    expect(started).toHaveLength(1);
    stopFirst();
    expect(started[0]?.killed).toBe(false);
    stopSecond();
    expect(started[0]?.killed).toBe(true);
  });

  it('starts the subscriber again when it ends on its own, and gives up after a few tries', () => {
    vi.useFakeTimers();
    try {
      const { started, watch } = setUp();
      const stop = watch.listen(() => undefined);
      for (let attempt = 0; attempt < 10; attempt += 1) {
        started.at(-1)?.exit(); // the sound server went away
        vi.advanceTimersByTime(1_000);
      }
      expect(started).toHaveLength(6); // the first and five restarts
      stop();
    } finally {
      vi.useRealTimers();
    }
  });
});

const stream = (index: number, muted = false): SinkInput => ({ index, pid: 100 + index, application: 'Chromium', binary: 'chromium', muted });
const newStream = (index: number) => ({ kind: 'new', facility: 'sink-input', index }) as const;

/** A `pactl list` whose answers the test releases one by one. */
function manualLister() {
  const pending: Array<(inputs: SinkInput[]) => void> = [];
  return { pending, list: () => new Promise<SinkInput[] | string>((resolve) => pending.push(resolve)) };
}

describe('SinkInputCache', () => {
  it('knows nothing until the subscriber has shown it is connected (the caller lists afresh)', async () => {
    const lister = manualLister();
    const cache = new SinkInputCache(lister.list);
    expect(await cache.current()).toBeUndefined();
    expect(lister.pending).toHaveLength(0);
  });

  it('reads after the first announcement and after each stream change, and waits for a read under way', async () => {
    const lister = manualLister();
    const cache = new SinkInputCache(lister.list);
    cache.onSignal({ kind: 'new', facility: 'client', index: 7 }); // proof of connection: read
    lister.pending.shift()?.([stream(0)]);
    expect(await cache.current()).toEqual([stream(0)]);
    cache.onSignal(newStream(1)); // the alarm starts: read again
    const answer = cache.current(); // asked meanwhile: waits for that read
    lister.pending.shift()?.([stream(0), stream(1)]);
    expect(await answer).toEqual([stream(0), stream(1)]);
  });

  it('reads once more when a stream changed during a read, and never answers from the older one', async () => {
    const lister = manualLister();
    const cache = new SinkInputCache(lister.list);
    cache.onSignal(newStream(0));
    cache.onSignal(newStream(1)); // during the first read
    const answer = cache.current();
    lister.pending.shift()?.([stream(0)]);
    await lines();
    expect(lister.pending).toHaveLength(1); // the second read
    lister.pending.shift()?.([stream(0), stream(1)]);
    expect(await answer).toEqual([stream(0), stream(1)]);
  });

  it('forgets everything when the subscriber is lost, and keeps our own mutes', async () => {
    const lister = manualLister();
    const cache = new SinkInputCache(lister.list);
    cache.onSignal(newStream(0));
    lister.pending.shift()?.([stream(0), stream(1)]);
    expect(await cache.current()).toHaveLength(2);
    cache.noteMuted(new Set([1]), true); // before the server announces the change
    expect(await cache.current()).toEqual([stream(0), stream(1, true)]);
    cache.onSignal({ kind: 'lost' });
    expect(await cache.current()).toBeUndefined();
  });
});
