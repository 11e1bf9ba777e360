import { describe, expect, it } from 'vitest';
import type { InventorySnapshot } from '../../../src/engine/ports/inventory.js';
import { RemoteMatcher } from '../../../src/engine/remote/matcher.js';
import { watchForNewTools, type NewToolEvent } from '../../../src/engine/remote/new-tool-watch.js';
import { FakeClock, FakeInventory, snapshot } from './support/inventory.js';

const matcher = new RemoteMatcher();
const anydeskRunning = (pid: number): InventorySnapshot => snapshot({ processes: [{ pid, name: 'AnyDesk.exe', path: 'C:\\Users\\h\\Downloads\\AnyDesk.exe' }] });
/** Lets the watch's promise chain (snapshot → match → schedule) settle; no real time passes. */
const settle = async (): Promise<void> => {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
};

describe('watchForNewTools', () => {
  it('baseline first, then one event when a tool starts, none while it keeps running', async () => {
    const clock = new FakeClock();
    const source = new FakeInventory(snapshot());
    const events: NewToolEvent[] = [];
    const watch = watchForNewTools({ source, clock, matcher, intervalMs: 30_000, onEvent: (e) => events.push(e) });
    await settle();
    expect(source.calls).toHaveLength(1);
    expect(source.calls[0]?.quick).toBe(true);
    expect(clock.pending).toBe(1);

    source.next = anydeskRunning(501);
    clock.advance(30_000);
    await settle();
    expect(events.map((e) => [e.type, e.finding.toolId, e.evidence.pid])).toEqual([['started', 'anydesk', 501]]);
    expect(events[0]?.detectedAt).toBe(new Date(clock.now()).toISOString());

    clock.advance(30_000);
    await settle();
    expect(events).toHaveLength(1); // still the same process

    source.next = snapshot();
    clock.advance(30_000);
    await settle();
    source.next = anydeskRunning(777);
    clock.advance(30_000);
    await settle();
    expect(events.map((e) => e.evidence.pid)).toEqual([501, 777]); // stopped and started again
    watch.stop();
    expect(clock.pending).toBe(0);
  });

  it('does not report what was already there at start; reports installs and unattended access', async () => {
    const clock = new FakeClock();
    const source = new FakeInventory(anydeskRunning(10));
    const events: NewToolEvent[] = [];
    const watch = watchForNewTools({ source, clock, matcher, intervalMs: 1_000, onEvent: (e) => events.push(e) });
    await settle();
    expect(events).toEqual([]);
    source.next = snapshot({
      processes: [{ pid: 10, name: 'AnyDesk.exe', path: 'C:\\Users\\h\\Downloads\\AnyDesk.exe' }],
      installed: [{ name: 'TeamViewer', source: 'reg' }],
      artifacts: [{ path: 'C:\\ProgramData\\AnyDesk\\service.conf', content: 'ad.anynet.pwd_hash=0123456789abcdef0123\n', modifiedAt: '2026-11-22T12:00:00Z' }],
    });
    clock.advance(1_000);
    await settle();
    expect(events.map((e) => `${e.type}:${e.finding.toolId}`).sort()).toEqual(['appeared:teamviewer', 'unattended:anydesk']);
    // A settings file rewritten later (new time stamp) is not news.
    source.next = snapshot({
      processes: [{ pid: 10, name: 'AnyDesk.exe', path: 'C:\\Users\\h\\Downloads\\AnyDesk.exe' }],
      installed: [{ name: 'TeamViewer', source: 'reg' }],
      artifacts: [{ path: 'C:\\ProgramData\\AnyDesk\\service.conf', content: 'ad.anynet.pwd_hash=0123456789abcdef0123\n', modifiedAt: '2026-11-22T12:05:00Z' }],
    });
    clock.advance(1_000);
    await settle();
    expect(events).toHaveLength(2);
    watch.stop();
  });

  it('keeps going after a failed check and never runs two checks at once', async () => {
    const clock = new FakeClock();
    let fail = true;
    let release: (() => void) | undefined;
    const source = new FakeInventory(async () => {
      if (fail) throw new Error('boom');
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return anydeskRunning(3);
    });
    const errors: unknown[] = [];
    const events: NewToolEvent[] = [];
    const watch = watchForNewTools({ source, clock, matcher, intervalMs: 5_000, onEvent: (e) => events.push(e), onError: (e) => errors.push(e) });
    await settle();
    expect(errors).toEqual([]); // a failing snapshot becomes failed sources, not an exception
    expect(clock.pending).toBe(1);
    fail = false;
    const first = watch.checkNow();
    const second = watch.checkNow();
    expect(second).toBe(first);
    release?.();
    expect((await first).map((e) => e.type)).toEqual(['started']);
    watch.stop();
  });
});
