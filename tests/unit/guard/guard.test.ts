/**
 * The guard as both front doors use it: one composition over a real SQLite store, a recording
 * family port, a scripted desktop and a fake inventory. What it records, what the family hears,
 * the exact allow list replaced without rebuilding the watcher, and the person's close.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AlertEvent } from '../../../src/engine/family/alert-event.js';
import { createGuard, type Guard, type GuardEvent } from '../../../src/engine/guard/index.js';
import type { InventorySnapshot } from '../../../src/engine/ports/inventory.js';
import { openIncidentStore, type SqliteIncidentStore } from '../../../src/storage/index.js';
import { FakeInventory, snapshot } from '../remote/support/inventory.js';
import { browserWindow, FakeClock, FakeDesktop, SCAM_TITLE } from '../watch/fakes.js';

const FAST = { fullscreenVerifyMs: 50, closeWaitMs: 200, terminateWaitMs: 200, windowlessGraceMs: 50, pollMs: 10 };
const anydeskRunning = (pid: number): InventorySnapshot => snapshot({ processes: [{ pid, name: 'AnyDesk.exe', path: 'C:\\Users\\h\\Downloads\\AnyDesk.exe' }] });

let home: string;
let store: SqliteIncidentStore;
let clock: FakeClock;
let desktop: FakeDesktop;
let inventory: FakeInventory;
let family: AlertEvent[];
let events: GuardEvent[];
let guard: Guard;

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'scarestop-guard-'));
  store = openIncidentStore({ dataHome: home });
  clock = new FakeClock();
  desktop = new FakeDesktop();
  inventory = new FakeInventory(snapshot());
  family = [];
  events = [];
  guard = createGuard(
    {
      windows: desktop,
      actions: desktop,
      clock,
      store,
      inventory,
      family: { notify: (event) => family.push(event), start: () => undefined, stop: () => undefined },
    },
    { closeMode: 'auto', escalation: FAST, newToolIntervalMs: 30_000 },
  );
  guard.subscribe((event) => events.push(event));
  guard.start();
});

afterEach(() => {
  guard.stop();
  store.close();
  rmSync(home, { recursive: true, force: true });
});

const watchEvents = () => events.flatMap((event) => (event.kind === 'watch' ? [event.event] : []));
const actions = () => store.listIncidents().flatMap((incident) => store.timeline(incident.id)).flatMap((event) => (event.payload.kind === 'action' ? [event.payload] : []));

describe('the guard', () => {
  it('records a detection and the close it did, and tells the family of the scam page', async () => {
    desktop.show(browserWindow('0x1', SCAM_TITLE));
    await clock.advance(5_000);
    expect(watchEvents().map((e) => e.type)).toEqual(expect.arrayContaining(['detected', 'action-taken']));
    expect(watchEvents().find((e) => e.type === 'action-taken')).toMatchObject({ decidedBy: 'guard' });
    expect(actions()).toEqual([expect.objectContaining({ action: 'close-scam-page', status: 'done' })]);
    expect(family.map((alert) => alert.kind)).toEqual(['scam-page']);
  });

  it('takes a new allow list without rebuilding the watcher, and allows exact titles only', async () => {
    const allowed = SCAM_TITLE;
    guard.allowTitle(allowed);
    expect(store.getSettings().allowList).toEqual([guard.allowList()[0]]);
    desktop.show(browserWindow('0x1', allowed));
    await clock.advance(5_000);
    expect(watchEvents().filter((e) => e.type === 'detected').map((e) => e.type === 'detected' && e.next)).toEqual(['allow-listed']);
    // A title that merely contains the allowed one is not allowed.
    desktop.show(browserWindow('0x2', `${allowed.replace(' - Chromium', '')} now - Chromium`));
    await clock.advance(5_000);
    guard.removeAllowed(guard.allowList()[0] ?? '');
    expect(store.getSettings().allowList).toEqual([]);
    desktop.show(browserWindow('0x3', allowed));
    await clock.advance(5_000);
    expect(watchEvents().filter((e) => e.type === 'detected').map((e) => e.type === 'detected' && e.next)).toEqual(['allow-listed', 'close', 'close']);
    // The same watcher all along: it never stopped.
    expect(watchEvents().filter((e) => e.type === 'status' && e.state === 'stopped')).toEqual([]);
    expect(events.filter((e) => e.kind === 'allow-list')).toHaveLength(2);
  });

  it('the person\'s close closes the browser window in front whatever the verdict, recorded as theirs', async () => {
    desktop.show(browserWindow('0x9', 'Welcome - Chromium', { fullscreen: true }));
    const result = guard.closeNow();
    await clock.advance(5_000);
    expect((await result).status).toBe('closed');
    expect(watchEvents().find((e) => e.type === 'action-taken')).toMatchObject({ decidedBy: 'person', window: { windowId: '0x9' } });
    expect(actions()).toContainEqual(expect.objectContaining({ action: 'person-closed-page', status: 'done' }));
    expect(family).toEqual([]); // closing a page is not news for the family
  });

  it('reports a remote-access tool that starts, records it and tells the family', async () => {
    await clock.advance(10); // the first look sets the baseline
    inventory.next = anydeskRunning(501);
    await clock.advance(30_000);
    const tool = events.find((e) => e.kind === 'new-tool');
    expect(tool?.kind === 'new-tool' && [tool.event.type, tool.event.finding.toolId]).toEqual(['started', 'anydesk']);
    expect(family).toEqual([expect.objectContaining({ kind: 'remote-tool', tool: 'AnyDesk', action: 'started' })]);
    expect(store.listIncidents().flatMap((incident) => store.timeline(incident.id)).some((event) => event.payload.kind === 'finding')).toBe(true);
  });

  it('one rule for scan findings: a tool running or connected now alerts the family, one merely installed does not', () => {
    guard.noteScanFindings([
      { name: 'TeamViewer', risk: 'installed', evidence: [{ kind: 'installed' }] },
      { name: 'AnyDesk', risk: 'running', evidence: [{ kind: 'running' }] },
      { name: 'RustDesk', risk: 'connected', evidence: [{ kind: 'connected' }] },
    ]);
    expect(family.map((alert) => (alert.kind === 'remote-tool' ? `${alert.tool}:${alert.action}` : alert.kind))).toEqual(['AnyDesk:started', 'RustDesk:connected']);
  });

  it('pauses and resumes by itself', async () => {
    guard.pause(15);
    expect(guard.pausedUntil()).toBe(clock.now() + 15 * 60_000);
    desktop.show(browserWindow('0x1', SCAM_TITLE));
    await clock.advance(1_000);
    expect(watchEvents().filter((e) => e.type === 'detected')).toEqual([]);
    await clock.advance(15 * 60_000);
    expect(guard.pausedUntil()).toBeNull();
    expect(events.map((e) => e.kind)).toContain('resumed');
  });
});
