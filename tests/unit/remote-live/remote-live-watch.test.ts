import { describe, expect, it } from 'vitest';
import { RemoteMatcher } from '../../../src/engine/remote/matcher.js';
import { createRemoteLiveWatch, type RemoteLiveWatch } from '../../../src/engine/remote/live/remote-live-watch.js';
import type { ScamContext } from '../../../src/engine/remote/live/scam-context.js';
import type { RemoteLiveEvent } from '../../../src/shared/remote-live.js';
import { FakeClock } from '../watch/fakes.js';
import { calm, FakeConnections, FakeLogs, FakeMachine, proc } from './fakes.js';

const matcher = new RemoteMatcher();
const ANYDESK = 'C:\\Users\\hanako\\Downloads\\AnyDesk.exe';

interface Rig {
  clock: FakeClock;
  machine: FakeMachine;
  logs: FakeLogs;
  connections: FakeConnections;
  events: RemoteLiveEvent[];
  watch: RemoteLiveWatch;
  context: { value: ScamContext };
}

async function rig(context: ScamContext = calm(), setup?: (logs: FakeLogs) => void): Promise<Rig> {
  const clock = new FakeClock();
  const machine = new FakeMachine();
  const logs = new FakeLogs();
  const connections = new FakeConnections();
  const holder = { value: context };
  const watch = createRemoteLiveWatch({ ports: { processes: machine, control: machine, logs, connections }, clock, matcher, context: () => holder.value }, { processPollMs: 400, logPollMs: 1000, connectionPollMs: 1000 });
  const events: RemoteLiveEvent[] = [];
  watch.subscribe((e) => events.push(e));
  machine.start(proc('explorer.exe', 'C:\\Windows\\explorer.exe'));
  setup?.(logs);
  watch.start();
  await clock.advance(0);
  return { clock, machine, logs, connections, events, watch, context: holder };
}

const types = (events: readonly RemoteLiveEvent[]): string[] => events.map((e) => e.type);

describe('live remote watch: pausing by scam context', () => {
  it('pauses a tool that starts within a poll of a scam page, naming the reason and its pids', async () => {
    const r = await rig();
    r.context.value = calm({ lastScamPageAt: r.clock.now() - 5 * 60_000 });
    const anydesk = proc('AnyDesk.exe', ANYDESK);
    r.machine.start(anydesk);
    await r.clock.advance(400);
    expect(types(r.events)).toEqual(['remote-started', 'remote-paused']);
    expect(r.events[0]).toMatchObject({ toolId: 'anydesk', decision: 'pause', pids: [anydesk.identity.pid], path: ANYDESK });
    expect(r.events[1]).toMatchObject({ reason: 'scam-page', pids: [anydesk.identity.pid], failed: [] });
    expect(r.machine.state(anydesk.identity.pid)).toBe('stopped');
    expect(r.watch.paused()).toHaveLength(1);
  });

  it('outside scam context only tells: the tool keeps running', async () => {
    const r = await rig();
    const anydesk = proc('AnyDesk.exe', ANYDESK);
    r.machine.start(anydesk);
    await r.clock.advance(400);
    expect(r.events).toEqual([expect.objectContaining({ type: 'remote-started', decision: 'notify' })]);
    expect(r.machine.calls).toEqual([]);
    expect(r.machine.state(anydesk.identity.pid)).toBe('running');
  });

  it('"always ask" pauses outside scam context; an open incident and "on the phone" pause too', async () => {
    for (const [context, reason] of [
      [calm({ alwaysAsk: true }), 'always-ask'],
      [calm({ incidentOpen: true }), 'open-incident'],
      [calm({ onThePhoneAt: 1_000_000 - 60_000 }), 'on-the-phone'],
    ] as const) {
      const r = await rig(context);
      r.machine.start(proc('TeamViewer.exe', 'C:\\Program Files\\TeamViewer\\TeamViewer.exe'));
      await r.clock.advance(400);
      expect(r.events.find((e) => e.type === 'remote-paused')).toMatchObject({ toolId: 'teamviewer', reason });
    }
  });

  it('a scam page more than four hours ago no longer pauses', async () => {
    const r = await rig();
    r.context.value = calm({ lastScamPageAt: r.clock.now() - 4 * 60 * 60_000 - 1 });
    r.machine.start(proc('AnyDesk.exe', ANYDESK));
    await r.clock.advance(400);
    expect(types(r.events)).toEqual(['remote-started']);
  });

  it('leaves tools that were already running at start, and processes the catalog does not know, alone', async () => {
    const clock = new FakeClock();
    const machine = new FakeMachine();
    const early = proc('AnyDesk.exe', ANYDESK);
    machine.start(early);
    const watch = createRemoteLiveWatch({ ports: { processes: machine, control: machine }, clock, matcher, context: () => calm({ lastScamPageAt: clock.now() }) });
    const events: RemoteLiveEvent[] = [];
    watch.subscribe((e) => events.push(e));
    watch.start();
    await clock.advance(0);
    machine.start(proc('AnyDisk.exe', 'C:\\Users\\hanako\\Downloads\\AnyDisk.exe'), proc('AnyDeskNotes.exe', 'C:\\Users\\hanako\\Downloads\\AnyDeskNotes.exe'));
    await clock.advance(800);
    expect(events).toEqual([]);
    expect(machine.calls).toEqual([]);
    watch.stop();
  });

  it('a tool the person called "someone I know" is not paused; "on the phone" still pauses it', async () => {
    const r = await rig(calm({ lastScamPageAt: 1_000_000, knownHelpers: ['anydesk'] }));
    r.machine.start(proc('AnyDesk.exe', ANYDESK));
    await r.clock.advance(400);
    expect(r.events).toEqual([expect.objectContaining({ type: 'remote-started', decision: 'known-helper' })]);
    r.context.value = calm({ onThePhoneAt: r.clock.now(), knownHelpers: ['anydesk'] });
    r.machine.start(proc('TeamViewer.exe', 'C:\\Program Files\\TeamViewer\\TeamViewer.exe'));
    await r.clock.advance(400);
    expect(r.events.at(-1)).toMatchObject({ type: 'remote-paused', toolId: 'teamviewer', reason: 'on-the-phone' });
  });

  it('never signals a pid that now belongs to another program', async () => {
    const r = await rig();
    const anydesk = proc('AnyDesk.exe', ANYDESK);
    r.machine.start(anydesk);
    await r.clock.advance(400);
    r.context.value = calm({ lastScamPageAt: r.clock.now() });
    r.machine.reuse(anydesk.identity.pid, 'C:\\Windows\\notepad.exe');
    r.connections.list = [{ pid: anydesk.identity.pid, remoteAddress: '203.0.113.9', remotePort: 443 }];
    await r.clock.advance(1000);
    // The exit check sees the identity changed and forgets it before anything is signalled.
    expect(r.machine.state(anydesk.identity.pid)).toBe('running');
    expect(r.machine.calls.filter((c) => c.startsWith('suspend'))).toEqual([]);
    expect(r.events.at(-1)).toMatchObject({ type: 'remote-ended', how: 'exited' });
  });
});

describe('live remote watch: the person answers', () => {
  it('"End it" ends every process of the paused tool; a later process of it while paused was paused too', async () => {
    const r = await rig(calm({ lastScamPageAt: 1_000_000 }));
    const main = proc('AnyDesk.exe', ANYDESK);
    r.machine.start(main);
    await r.clock.advance(400);
    const child = proc('AnyDesk.exe', ANYDESK);
    r.machine.start(child);
    await r.clock.advance(400);
    expect(r.machine.state(child.identity.pid)).toBe('stopped');
    const pauseId = r.watch.paused()[0]?.pauseId ?? '';
    const answer = await r.watch.endIt(pauseId);
    expect(answer).toEqual({ ok: true, pids: [main.identity.pid, child.identity.pid], failed: [] });
    expect(r.machine.state(main.identity.pid)).toBe('gone');
    expect(r.events.at(-1)).toMatchObject({ type: 'remote-ended', how: 'ended-by-person', pauseId });
    expect(r.watch.paused()).toEqual([]);
  });

  it('"This is someone I know" resumes it and it is not paused again this run', async () => {
    const r = await rig(calm({ lastScamPageAt: 1_000_000 }));
    const anydesk = proc('AnyDesk.exe', ANYDESK);
    r.machine.start(anydesk);
    await r.clock.advance(400);
    const pauseId = r.watch.paused()[0]?.pauseId ?? '';
    expect(await r.watch.knownHelper(pauseId)).toMatchObject({ ok: true, pids: [anydesk.identity.pid] });
    expect(r.machine.state(anydesk.identity.pid)).toBe('running');
    expect(r.events.at(-1)).toMatchObject({ type: 'remote-resumed', toolId: 'anydesk', pauseId });
    r.machine.exit(anydesk.identity.pid);
    await r.clock.advance(400);
    r.machine.start(proc('AnyDesk.exe', ANYDESK));
    await r.clock.advance(400);
    expect(r.events.at(-1)).toMatchObject({ type: 'remote-started', decision: 'known-helper' });
  });

  it('an unknown pause id changes nothing', async () => {
    const r = await rig();
    expect(await r.watch.endIt('pause-nothing-1')).toEqual({ ok: false, pids: [], failed: [] });
  });
});

describe('live remote watch: sessions and connections', () => {
  it('an incoming session appended to connection_trace.txt is a connect event with its account; old lines are history', async () => {
    const trace = 'C:\\ProgramData\\AnyDesk\\connection_trace.txt';
    const r = await rig(calm(), (logs) => logs.files.set(trace, 'Incoming    2026-11-20, 09:12    User    412345678    412345678\n'));
    const anydesk = proc('AnyDesk.exe', ANYDESK);
    r.machine.start(anydesk);
    await r.clock.advance(1200);
    expect(types(r.events)).toEqual(['remote-started']);
    expect(r.watch.sessions()).toHaveLength(1);
    r.context.value = calm({ lastScamPageAt: r.clock.now() });
    r.logs.files.set(trace, `${r.logs.files.get(trace) ?? ''}Incoming    2026-11-22, 12:03    Passwd    741852963    741852963\n`);
    await r.clock.advance(1200);
    const connected = r.events.find((e) => e.type === 'remote-connected');
    expect(connected).toMatchObject({ via: 'log', toolId: 'anydesk', decision: 'pause', session: { approval: 'unattended-password', remoteId: '741852963', startedAt: '2026-11-22T12:03:00.000Z', direction: 'incoming' } });
    expect(r.machine.state(anydesk.identity.pid)).toBe('stopped');
  });

  it('tails the ad.trace beside a portable copy and fills in the session as lines arrive', async () => {
    const r = await rig();
    r.machine.start(proc('AnyDesk.exe', ANYDESK));
    await r.clock.advance(1200);
    const beside = 'C:\\Users\\hanako\\Downloads\\ad.trace';
    expect(r.logs.asked).toContain(beside);
    r.logs.files.set(beside, '   info 2026-11-22 12:03:12.004       lsvc   4312   5120   21   app.backend_session - Incoming session request: Support (741852963)\n');
    await r.clock.advance(1200);
    expect(r.events.at(-1)).toMatchObject({ type: 'remote-connected', session: { remoteName: 'Support', approval: 'unknown' } });
    r.logs.files.set(beside, `${r.logs.files.get(beside) ?? ''}   info 2026-11-22 12:03:19.551       lsvc   4312   5120   21   app.backend_session - Authenticated by local user.\n warning 2026-11-22 12:21:02.870       lsvc   4312   5120   21   app.session - Session closed by remote.\n`);
    await r.clock.advance(1200);
    expect(r.events.at(-1)).toMatchObject({ type: 'remote-ended', how: 'session-ended', session: { approval: 'clicked-accept', endedAt: '2026-11-22T12:21:02.870Z' } });
  });

  it('a connection to another program counts as connecting; the tool talking to itself does not', async () => {
    const r = await rig();
    const a = proc('AnyDesk.exe', ANYDESK);
    const b = proc('AnyDesk.exe', ANYDESK);
    r.machine.start(a, b);
    await r.clock.advance(400);
    r.connections.list = [{ pid: a.identity.pid, remoteAddress: '127.0.0.1', remotePort: 7070, peerPid: b.identity.pid }];
    await r.clock.advance(1000);
    expect(types(r.events)).toEqual(['remote-started']);
    r.connections.list.push({ pid: b.identity.pid, remoteAddress: '203.0.113.9', remotePort: 443 });
    await r.clock.advance(1000);
    expect(r.events.at(-1)).toMatchObject({ type: 'remote-connected', via: 'network', remoteAddress: '203.0.113.9:443', decision: 'notify' });
    await r.clock.advance(2000);
    expect(r.events.filter((e) => e.type === 'remote-connected')).toHaveLength(1); // once, not every poll
  });

  it('reports a tool whose processes all exited', async () => {
    const r = await rig();
    const anydesk = proc('AnyDesk.exe', ANYDESK);
    r.machine.start(anydesk);
    await r.clock.advance(400);
    r.machine.exit(anydesk.identity.pid);
    await r.clock.advance(400);
    expect(r.events.at(-1)).toMatchObject({ type: 'remote-ended', how: 'exited', pids: [anydesk.identity.pid] });
  });
});
