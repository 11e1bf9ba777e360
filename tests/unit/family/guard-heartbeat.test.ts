import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GuardHeartbeat } from '../../../src/engine/family/guard-heartbeat.js';
import { SqliteHeartbeatStore } from '../../../src/storage/contacts-repo.js';
import { FakeClock } from './support/fake-clock.js';
import { tempDatabase } from './support/temp-db.js';

describe('guard heartbeat', () => {
  let temp: ReturnType<typeof tempDatabase>;
  beforeEach(() => (temp = tempDatabase()));
  afterEach(() => temp.cleanup());

  it('first run and clean restarts report nothing', () => {
    const clock = new FakeClock();
    const first = new GuardHeartbeat(new SqliteHeartbeatStore(temp.db), clock);
    expect(first.begin()).toEqual({ kind: 'first-run' });
    first.end();
    const second = new GuardHeartbeat(new SqliteHeartbeatStore(temp.reopen()), clock);
    expect(second.begin()).toEqual({ kind: 'clean' });
    second.end();
  });

  it('a run that never ended is reported at the next start with its last heartbeat', async () => {
    const clock = new FakeClock(Date.UTC(2026, 10, 22, 10, 0, 0));
    const crashed = new GuardHeartbeat(new SqliteHeartbeatStore(temp.db), clock, 60_000);
    crashed.begin();
    await clock.advance(5 * 60_000 + 30_000);
    // No end(): the process was killed. The database is simply reopened by the next start.
    const store = new SqliteHeartbeatStore(temp.reopen());
    expect(store.read()).toMatchObject({ state: 'running', lastSeenAt: Date.UTC(2026, 10, 22, 10, 5, 0) });
    // The next start has its own clock (the dead process's timers are gone with it).
    const later = new FakeClock(Date.UTC(2026, 10, 22, 11, 5, 30));
    const next = new GuardHeartbeat(store, later).begin();
    expect(next).toMatchObject({
      kind: 'unexpected',
      event: { kind: 'guard-stopped', lastSeenAt: '2026-11-22T10:05:00.000Z', at: '2026-11-22T11:05:30.000Z' },
    });
  });
});
