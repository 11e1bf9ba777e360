/**
 * What the idle watch costs: the session logs are read every second only while a catalog tool
 * runs (a session needs one); with none running, every 15 s. A tool start still reaches the
 * logs within a second.
 */
import { describe, expect, it } from 'vitest';
import type { LogChange } from '../../../src/engine/ports/remote-live.js';
import { createRemoteLiveWatch } from '../../../src/engine/remote/live/remote-live-watch.js';
import { RemoteMatcher } from '../../../src/engine/remote/matcher.js';
import { FakeClock } from '../watch/fakes.js';
import { calm, FakeMachine, proc } from './fakes.js';

describe('session-log pace', () => {
  it('reads logs every 15 s while no tool runs, and every second once one starts', async () => {
    const clock = new FakeClock();
    const machine = new FakeMachine();
    let reads = 0;
    const logs = { poll: (): Promise<readonly LogChange[]> => ((reads += 1), Promise.resolve([])) };
    const watch = createRemoteLiveWatch({ ports: { processes: machine, control: machine, logs }, clock, matcher: new RemoteMatcher(), context: () => calm() });
    watch.start();
    await clock.advance(0);
    expect(reads).toBe(1); // the baseline reads every log once
    await clock.advance(14_000);
    expect(reads).toBe(1);
    await clock.advance(1_500);
    expect(reads).toBe(2);

    machine.start(proc('AnyDesk.exe', 'C:\\Users\\h\\Downloads\\AnyDesk.exe'));
    await clock.advance(1_000);
    const atStart = reads;
    await clock.advance(3_000);
    expect(reads - atStart).toBeGreaterThanOrEqual(3);
    watch.stop();
  });
});
