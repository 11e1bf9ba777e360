/**
 * "I am on the phone with someone who asked me to install this": kept in the settings store
 * (the app and `scarestop watch` share it), it raises the scam context for hours, pauses a tool
 * that already runs (the caller had it installed a minute ago), and is taken back with "off".
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRemoteGuard } from '../../../src/engine/remote/live/remote-guard.js';
import { onThePhoneUntil, SCAM_CONTEXT_MS } from '../../../src/engine/remote/live/scam-context.js';
import { RemoteMatcher } from '../../../src/engine/remote/matcher.js';
import { openIncidentStore } from '../../../src/storage/index.js';
import type { RemoteLiveEvent } from '../../../src/shared/remote-live.js';
import { FakeClock } from '../watch/fakes.js';
import { FakeMachine, proc } from './fakes.js';

const matcher = new RemoteMatcher();
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'scarestop-on-the-phone-'));
  dirs.push(dir);
  const clock = new FakeClock();
  const store = openIncidentStore({ dataHome: dir, now: () => clock.now() });
  const machine = new FakeMachine();
  const guard = createRemoteGuard({ ports: { processes: machine, control: machine }, clock, store, matcher });
  const events: RemoteLiveEvent[] = [];
  guard.watch.subscribe((event) => events.push(event));
  return { clock, store, machine, guard, events };
}

describe('"on the phone"', () => {
  it('pauses a tool that was already running when it is said, and is saved for the other front door', async () => {
    const { clock, store, machine, guard, events } = setup();
    const anydesk = proc('AnyDesk.exe', 'C:\\Users\\h\\Downloads\\AnyDesk.exe');
    machine.start(anydesk);
    guard.start();
    await clock.advance(1000);
    expect(machine.state(anydesk.identity.pid)).toBe('running'); // running before the watch began: reported by the scan only

    guard.setOnThePhone(true);
    await clock.advance(0);
    expect(machine.state(anydesk.identity.pid)).toBe('stopped');
    expect(events.find((e) => e.type === 'remote-paused')).toMatchObject({ toolId: 'anydesk', reason: 'on-the-phone' });
    expect(store.getSettings().remoteOnThePhoneAt).toBe(clock.now());
    expect(onThePhoneUntil(store.getSettings().remoteOnThePhoneAt, clock.now())).toBe(clock.now() + SCAM_CONTEXT_MS);
    guard.stop();
    store.close();
  });

  it('a saved "on the phone" holds for a new guard on the same store, expires after the hours, and "off" takes it back', async () => {
    const { clock, store, machine } = setup();
    store.updateSettings({ remoteOnThePhoneAt: clock.now() });
    const guard = createRemoteGuard({ ports: { processes: machine, control: machine }, clock, store, matcher });
    expect(guard.context().onThePhoneAt).toBe(clock.now());
    guard.start();
    await clock.advance(500);
    const rustdesk = proc('rustdesk.exe', 'C:\\Users\\h\\Downloads\\rustdesk.exe');
    machine.start(rustdesk);
    await clock.advance(500);
    expect(machine.state(rustdesk.identity.pid)).toBe('stopped');

    expect(onThePhoneUntil(store.getSettings().remoteOnThePhoneAt, clock.now() + SCAM_CONTEXT_MS + 1)).toBeUndefined();
    guard.setOnThePhone(false);
    expect(store.getSettings().remoteOnThePhoneAt).toBe(0);
    expect(guard.context().onThePhoneAt).toBeUndefined();
    guard.stop();
    store.close();
  });
});
