/** Builders for inventory snapshots in remote-access tests, and a fake clock. */
import type { Clock, TimerHandle } from '../../../../src/engine/ports/clock.js';
import type { InventorySnapshot, InventorySource, SnapshotOptions, SourceResult } from '../../../../src/engine/ports/inventory.js';

const ok = <T>(items: readonly T[] = []): SourceResult<T> => ({ ok: true, items });

/** A snapshot with every source empty, overridden by `parts` (items or results). */
export function snapshot(parts: { [K in keyof InventorySnapshot]?: InventorySnapshot[K] extends SourceResult<infer T> ? readonly T[] | SourceResult<T> : never } = {}): InventorySnapshot {
  const pick = <T>(value: readonly T[] | SourceResult<T> | undefined): SourceResult<T> =>
    value === undefined ? ok<T>() : Array.isArray(value) ? ok(value as readonly T[]) : (value as SourceResult<T>);
  return {
    installed: pick(parts.installed),
    processes: pick(parts.processes),
    services: pick(parts.services),
    userFiles: pick(parts.userFiles),
    autostart: pick(parts.autostart),
    artifacts: pick(parts.artifacts),
    connections: pick(parts.connections),
  };
}

/** An InventorySource returning whatever `next` says, recording the options it was given. */
export class FakeInventory implements InventorySource {
  readonly calls: SnapshotOptions[] = [];
  constructor(public next: InventorySnapshot | (() => Promise<InventorySnapshot>)) {}
  async snapshot(options: SnapshotOptions): Promise<InventorySnapshot> {
    this.calls.push(options);
    return typeof this.next === 'function' ? this.next() : this.next;
  }
}

/** A clock that moves only when told to. */
export class FakeClock implements Clock {
  private time: number;
  private timers = new Map<number, { at: number; fn: () => void }>();
  private nextId = 1;
  constructor(start = Date.parse('2026-11-22T12:00:00Z')) {
    this.time = start;
  }
  now(): number {
    return this.time;
  }
  setTimeout(fn: () => void, ms: number): TimerHandle {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + ms, fn });
    return id as unknown as TimerHandle;
  }
  clearTimeout(handle: TimerHandle): void {
    this.timers.delete(handle as unknown as number);
  }
  /** Timers waiting. */
  get pending(): number {
    return this.timers.size;
  }
  /** Advances time, firing due timers in order. */
  advance(ms: number): void {
    const target = this.time + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= target).sort((a, b) => a[1].at - b[1].at)[0];
      if (due === undefined) break;
      this.timers.delete(due[0]);
      this.time = due[1].at;
      due[1].fn();
    }
    this.time = target;
  }
}
