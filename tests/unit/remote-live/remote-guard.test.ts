/**
 * The remote guard over a real incident store (temp dir): scam pages from the watcher raise the
 * scam context, only an incident with a scam page counts as "open", every event is recorded,
 * the family hears of pauses with the session account, and "someone I know" is kept in settings.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AlertEvent } from '../../../src/engine/family/alert-event.js';
import { createRemoteGuard, familyAlertOf } from '../../../src/engine/remote/live/remote-guard.js';
import { RemoteMatcher } from '../../../src/engine/remote/matcher.js';
import { openIncidentStore } from '../../../src/storage/index.js';
import type { WatchEvent } from '../../../src/shared/watch-events.js';
import { FakeClock } from '../watch/fakes.js';
import { FakeMachine, proc } from './fakes.js';

const matcher = new RemoteMatcher();
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'scarestop-remote-guard-'));
  dirs.push(dir);
  const clock = new FakeClock();
  const store = openIncidentStore({ dataHome: dir, now: () => clock.now() });
  const machine = new FakeMachine();
  const alerts: AlertEvent[] = [];
  const guard = createRemoteGuard({ ports: { processes: machine, control: machine }, clock, store, matcher, family: { notify: (e) => alerts.push(e) } });
  return { clock, store, machine, alerts, guard };
}

const scamPage = (at: number): WatchEvent => ({
  type: 'detected',
  at,
  ms: 5,
  window: { windowId: '0x1', title: 'Windows Defender Alert', fullscreen: true },
  verdict: { verdict: 'scam', score: 9, reasons: [], phones: [] } as unknown as Extract<WatchEvent, { type: 'detected' }>['verdict'],
  stage: 'title',
  next: 'close',
});

describe('remote guard', () => {
  it('a detected scam page makes a starting tool pause; the pause is recorded and the family told', async () => {
    const { clock, store, machine, alerts, guard } = setup();
    guard.start();
    await clock.advance(0);
    guard.noteWatchEvent(scamPage(clock.now()));
    machine.start(proc('AnyDesk.exe', 'C:\\Users\\h\\Downloads\\AnyDesk.exe'));
    await clock.advance(500);
    const incident = store.latestOpenIncident();
    const recorded = store.timeline(incident?.id ?? '').flatMap((e) => (e.payload.kind === 'remote' ? [`${e.payload.event}:${e.payload.code ?? ''}`] : []));
    expect(recorded).toEqual(['started:pause', 'paused:scam-page']);
    expect(alerts.map((a) => (a.kind === 'remote-tool' ? a.action : a.kind))).toEqual(['paused']);
    guard.stop();
    store.close();
  });

  it('an incident opened by a tool notice alone is no scam context; one with a scam page is', async () => {
    const { clock, store, machine, guard } = setup();
    guard.start();
    await clock.advance(0);
    machine.start(proc('TeamViewer.exe', 'C:\\Program Files\\TeamViewer\\TeamViewer.exe'));
    await clock.advance(500);
    expect(store.latestOpenIncident()).toBeDefined();
    expect(guard.context().incidentOpen).toBe(false);
    const incident = store.latestOpenIncident();
    store.appendEvent({ id: 'd1', incidentId: incident?.id ?? '', at: clock.now(), payload: { kind: 'detection', title: 'Alert', verdict: 'scam', score: 9, phones: [] } });
    expect(guard.context().incidentOpen).toBe(true);
    guard.stop();
    store.close();
  });

  it('"someone I know" resumes the tool and keeps it in settings', async () => {
    const { clock, store, machine, guard } = setup();
    guard.setOnThePhone(true);
    guard.start();
    await clock.advance(0);
    machine.start(proc('rustdesk', '/home/h/Downloads/rustdesk'));
    await clock.advance(500);
    const pauseId = guard.watch.paused()[0]?.pauseId ?? '';
    expect(guard.watch.paused()[0]?.reason).toBe('on-the-phone');
    await guard.watch.knownHelper(pauseId);
    expect(store.getSettings().remoteHelpers).toEqual(['rustdesk']);
    guard.stop();
    store.close();
  });

  it('tells the family of connections with who and how, but not of a known helper', () => {
    const session = { toolId: 'anydesk', tool: 'AnyDesk', direction: 'incoming' as const, remoteId: '741852963', approval: 'unattended-password' as const, fileTransfers: [], source: 'connection_trace.txt', startedAt: '2026-11-22T12:03:00.000Z' };
    const ref = { toolId: 'anydesk', tool: 'AnyDesk', builtIn: false, at: 0, pids: [1] };
    expect(familyAlertOf({ ...ref, type: 'remote-connected', via: 'log', session, decision: 'notify' })).toMatchObject({ kind: 'remote-tool', action: 'connected', session });
    expect(familyAlertOf({ ...ref, type: 'remote-connected', via: 'log', session, decision: 'known-helper' })).toBeUndefined();
    expect(familyAlertOf({ ...ref, type: 'remote-started', decision: 'pause' })).toBeUndefined(); // the pause event tells it
  });
});
