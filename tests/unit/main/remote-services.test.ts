/**
 * The tray app's remote side (src/main/remote-services.ts) with a fake machine and a real store:
 * a pause opens the window's record (tool names from the catalog in both languages), "End it"
 * ends the tool and makes the recovery steps ready at its removal, "put away" asks main to show
 * the wizard, and a start outside scam context is only a notice.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../src/main/app-services.js';
import { createRemoteServices } from '../../../src/main/remote-services.js';
import { createGuard } from '../../../src/engine/guard/index.js';
import { openIncidentStore } from '../../../src/storage/index.js';
import type { WizardView } from '../../../src/shared/ipc.js';
import { FakeClock } from '../watch/fakes.js';
import { FakeMachine, proc } from '../remote-live/fakes.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const idleWindows = { watch: () => () => undefined, foreground: () => Promise.resolve(null), listWindows: () => Promise.resolve([]) };
const noActions = new Proxy({}, { get: () => () => Promise.resolve({ status: 'failed', detail: 'not in this test' }) }) as never;

function setup(alwaysAsk: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'scarestop-remote-services-'));
  dirs.push(dir);
  const clock = new FakeClock();
  const store = openIncidentStore({ dataHome: dir, now: () => clock.now() });
  store.updateSettings({ remoteAlwaysAsk: alwaysAsk });
  const machine = new FakeMachine();
  const events: AppEvent[] = [];
  const asked: (string | undefined)[] = [];
  const wizard: WizardView = { status: 'in-progress', number: 5, total: 9, step: { id: 'remove:anydesk', kind: 'remove', title: 'Remove AnyDesk', explanation: null, choices: [], multi: false, items: [], automatic: true, adminNote: null, status: 'pending', detail: null, interrupted: false } };
  const remote = createRemoteServices({
    ports: { processes: machine, control: machine },
    store,
    clock,
    // The scan is the recovery's own (tests/renderer/remote.test.ts runs the real one): it must come first.
    recovery: {
      scan: () => (asked.push('scan'), Promise.resolve({ scannedAt: '', durationMs: 0, findings: [], sources: [] })),
      startWizard: (startAt) => (asked.push(startAt), Promise.resolve(wizard)),
    },
    wizardStarted: () => undefined,
    emit: (event) => events.push(event),
  });
  const guard = createGuard({ windows: idleWindows, actions: noActions, clock, store }, { plugins: remote.plugin === undefined ? [] : [remote.plugin] });
  return { clock, store, machine, events, asked, remote, guard };
}

describe('remote services', () => {
  it('"always ask": a pause opens the window; "End it" ends the tool and readies its removal; put away shows the wizard', async () => {
    const { clock, store, machine, events, asked, remote, guard } = setup(true);
    guard.start();
    await clock.advance(500);
    const anydesk = proc('AnyDesk.exe', 'C:\\Users\\h\\Downloads\\AnyDesk.exe');
    machine.start(anydesk);
    await clock.advance(500);
    const view = remote.current();
    expect(view).toMatchObject({ toolId: 'anydesk', tool: 'AnyDesk', toolJa: 'AnyDesk（エニーデスク）', reason: 'always-ask', state: 'paused', processCount: 1 });
    expect(remote.waiting()).toBe(true);
    expect(events.some((e) => e.type === 'remote' && e.remote.state === 'paused')).toBe(true);

    const ended = await remote.endIt(view?.id ?? '');
    expect(machine.state(anydesk.identity.pid)).toBe('gone');
    expect(asked).toEqual(['scan', 'remove:anydesk']);
    expect(ended).toMatchObject({ state: 'ended', removalReady: true });
    const dismissed = remote.dismiss(ended.id, 'wizard');
    expect(dismissed.state).toBe('dismissed');
    expect(events.at(-1)).toMatchObject({ type: 'remote', open: 'wizard' });
    expect(remote.current()).toBeNull();
    guard.stop();
    store.close();
  });

  it('outside scam context a start is a notice only: the tool runs on and no window opens', async () => {
    const { clock, store, machine, events, remote, guard } = setup(false);
    guard.start();
    await clock.advance(500);
    const anydesk = proc('AnyDesk.exe', 'C:\\Users\\h\\Downloads\\AnyDesk.exe');
    machine.start(anydesk);
    await clock.advance(500);
    expect(events).toContainEqual({ type: 'remote-notice', kind: 'started', tool: 'AnyDesk', toolJa: 'AnyDesk（エニーデスク）' });
    expect(machine.state(anydesk.identity.pid)).toBe('running');
    expect(remote.current()).toBeNull();
    guard.stop();
    store.close();
  });
});
