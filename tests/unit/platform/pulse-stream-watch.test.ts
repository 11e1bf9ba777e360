/**
 * The `pactl subscribe` listener with a stand-in process replaying recorded output: it wakes
 * listeners only for a new stream, runs only while someone listens, and starts again (a few
 * times) when the subscriber ends on its own.
 */
import type { ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
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
  it('wakes listeners once per new stream, not for our own mute changes or other events', async () => {
    const { started, watch } = setUp();
    const heard: string[] = [];
    const stop = watch.listen(() => heard.push('new stream'));
    expect(started).toHaveLength(1);
    started[0]?.stdout.write(recorded); // a stream came and went, with client and sink changes
    started[0]?.stdout.write("Event 'change' on sink-input #0\n"); // what our own mute causes
    await lines();
    expect(heard).toEqual(['new stream']);
    stop();
    expect(started[0]?.killed).toBe(true);
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
