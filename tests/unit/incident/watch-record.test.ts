/**
 * What the guard keeps of watcher events: the incident timeline (real SQLite store in a temp
 * folder) and the family alert for a real detection.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { classify } from '../../../src/engine/detect/index.js';
import type { AlertEvent } from '../../../src/engine/family/alert-event.js';
import { familyAlertFromWatchEvent, notifyFamilyOfWatchEvents } from '../../../src/engine/family/watch-alerts.js';
import { createIncidentRecorder, recordNewTool } from '../../../src/engine/incident/incident-recorder.js';
import type { NewToolEvent } from '../../../src/engine/remote/new-tool-watch.js';
import type { Clock, TimerHandle } from '../../../src/engine/ports.js';
import type { WatchEvent, WatchedWindow } from '../../../src/shared/watch-events.js';
import { openIncidentStore } from '../../../src/storage/index.js';

const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);
const SCAM_TITLE = 'Windows Defender Security Warning - Your PC is infected with Trojan! Call +1-888-555-0147 - Google Chrome';
const window: WatchedWindow = { windowId: '0x3a00004', title: SCAM_TITLE, pid: 4242, process: 'chrome', fullscreen: true };

function fakeClock(start: number): Clock & { advance(ms: number): void } {
  let now = start;
  return {
    now: () => now,
    setTimeout: () => ({}) as TimerHandle,
    clearTimeout: () => undefined,
    advance(ms) {
      now += ms;
    },
  };
}

function detected(at: number, next: 'close' | 'allow-listed' = 'close', title = SCAM_TITLE): WatchEvent {
  const verdict = classify({ title, process: 'chrome' });
  return { type: 'detected', at, ms: 3, window: { ...window, title }, verdict, stage: 'title', next };
}

const homes: string[] = [];
afterEach(() => {
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
});

describe('incident recorder', () => {
  it('writes a detection and the close into one incident; a later detection joins it within the hour', () => {
    const home = mkdtempSync(join(tmpdir(), 'scarestop-record-'));
    homes.push(home);
    const store = openIncidentStore({ dataHome: home });
    const clock = fakeClock(T0);
    const record = createIncidentRecorder(store, clock);
    record(detected(T0));
    record({ type: 'action-taken', at: T0 + 500, ms: 480, window, steps: [], message: 'closed', outcome: 'closed', closedAllBrowserWindows: false } as unknown as WatchEvent);
    clock.advance(30 * 60_000);
    record(detected(T0 + 30 * 60_000));
    const incidents = store.listIncidents({ limit: 10 });
    expect(incidents).toHaveLength(1);
    const kinds = store.timeline(incidents[0]!.id).map((event) => (event.payload as { kind: string }).kind);
    expect(kinds).toEqual(['detection', 'action', 'detection']);
    store.close();
  });

  it('starts a new incident after an hour, and ignores allow-listed pages', () => {
    const home = mkdtempSync(join(tmpdir(), 'scarestop-record-'));
    homes.push(home);
    const store = openIncidentStore({ dataHome: home });
    const clock = fakeClock(T0);
    const record = createIncidentRecorder(store, clock);
    record(detected(T0));
    record(detected(T0 + 61 * 60_000));
    record(detected(T0 + 62 * 60_000, 'allow-listed'));
    const incidents = store.listIncidents({ limit: 10 });
    expect(incidents).toHaveLength(2);
    expect(incidents.map((incident) => store.timeline(incident.id).length).sort()).toEqual([1, 1]);
    store.close();
  });
});

describe('remote-access tools seen by the periodic re-check', () => {
  it('join the incident of the scam page shown minutes before, once per event', () => {
    const home = mkdtempSync(join(tmpdir(), 'scarestop-record-'));
    homes.push(home);
    const store = openIncidentStore({ dataHome: home });
    createIncidentRecorder(store, fakeClock(T0))(detected(T0));
    const evidence = { kind: 'running' as const, detail: 'running now from Downloads', path: 'C:\\Users\\a\\Downloads\\AnyDesk.exe', pid: 77 };
    const event: NewToolEvent = {
      type: 'started',
      finding: { toolId: 'anydesk', name: 'AnyDesk', priority: 1, evidence: [evidence], risk: 'running' },
      evidence,
      detectedAt: new Date(T0 + 12 * 60_000).toISOString(),
    };
    recordNewTool(store, event, T0 + 12 * 60_000);
    recordNewTool(store, event, T0 + 12 * 60_000); // the same event again (a retried write)
    const incidents = store.listIncidents({ limit: 10 });
    expect(incidents).toHaveLength(1);
    const timeline = store.timeline(incidents[0]!.id).map((e) => e.payload);
    expect(timeline.map((p) => p.kind)).toEqual(['detection', 'finding']);
    expect(timeline[1]).toMatchObject({ kind: 'finding', finding: { toolId: 'anydesk', risk: 'running' } });
    store.close();
  });
});

describe('family alerts from watcher events', () => {
  it('a detected scam page becomes a scam-page alert with brand and number, nothing else does', () => {
    const alert = familyAlertFromWatchEvent(detected(T0));
    expect(alert).toMatchObject({ kind: 'scam-page', brand: 'Microsoft', at: new Date(T0).toISOString() });
    expect(alert?.kind === 'scam-page' ? alert.phone?.e164 : undefined).toBe('+18885550147');
    expect(familyAlertFromWatchEvent(detected(T0, 'allow-listed'))).toBeUndefined();
    expect(familyAlertFromWatchEvent({ type: 'status', at: T0, state: 'watching' } as unknown as WatchEvent)).toBeUndefined();
  });

  it('the subscriber queues one alert per detection', () => {
    const queued: AlertEvent[] = [];
    const subscriber = notifyFamilyOfWatchEvents({ notify: (event) => queued.push(event) });
    subscriber(detected(T0));
    subscriber(detected(T0 + 1000, 'allow-listed'));
    subscriber(detected(T0 + 2000));
    expect(queued.map((event) => event.kind)).toEqual(['scam-page', 'scam-page']);
  });
});
