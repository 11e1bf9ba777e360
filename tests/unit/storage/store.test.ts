import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openIncidentStore, type SqliteIncidentStore } from '../../../src/storage/index.js';
import type { TimelineEvent } from '../../../src/engine/ports/store.js';

let home: string;
let store: SqliteIncidentStore;

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'scarestop-store-'));
  store = openIncidentStore({ dataHome: home });
});
afterEach(() => {
  store.close();
  rmSync(home, { recursive: true, force: true });
});

const detection = (id: string, incidentId: string, at: number): TimelineEvent => ({
  id,
  incidentId,
  at,
  payload: { kind: 'detection', title: 'Microsoft Security Alert - Call 050-6881-5063', verdict: 'scam', score: 0.97, brand: 'Microsoft', phones: ['050-6881-5063'] },
});

describe('incident store on a real file', () => {
  it('creates a new database and reports it', () => {
    expect(store.openReport.kind).toBe('created');
    expect(store.database.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.database.pragma('synchronous', { simple: true })).toBe(2); // FULL
  });

  it('keeps incidents and events across reopen, oldest event first', () => {
    const incident = store.createIncident({ openedAt: 1000, title: 'Fake Microsoft warning' });
    expect(store.appendEvent(detection('e1', incident.id, 1000))).toBe('added');
    store.appendEvent({ id: 'e2', incidentId: incident.id, at: 2000, payload: { kind: 'action', action: 'close-window', status: 'done' } });
    store.close();
    store = openIncidentStore({ dataHome: home });
    expect(store.openReport).toEqual({ kind: 'opened', path: join(home, 'scarestop.db') });
    expect(store.getIncident(incident.id)).toEqual(incident);
    expect(store.timeline(incident.id).map((e) => e.id)).toEqual(['e1', 'e2']);
    const [summary] = store.listIncidents();
    expect(summary).toMatchObject({ id: incident.id, eventCount: 2, lastEventAt: 2000 });
  });

  it('ignores a retried event with the same id', () => {
    const incident = store.createIncident({ openedAt: 1, title: 'x' });
    expect(store.appendEvent(detection('same', incident.id, 1))).toBe('added');
    expect(store.appendEvent(detection('same', incident.id, 5))).toBe('duplicate');
    expect(store.timeline(incident.id)).toHaveLength(1);
    expect(store.timeline(incident.id)[0]?.at).toBe(1);
  });

  it('bounds hostile text and hides secrets before storing', () => {
    const incident = store.createIncident({ openedAt: 1, title: 'x' });
    store.appendEvent({ ...detection('long', incident.id, 1), payload: { kind: 'detection', title: 'A'.repeat(5000) + '\u202e', verdict: 'scam', score: 1, phones: [] } });
    store.appendEvent({ id: 'sec', incidentId: incident.id, at: 2, payload: { kind: 'note', text: 'ad.anynet.pwd_hash=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 end' } });
    const [title, note] = store.timeline(incident.id).map((e) => e.payload);
    expect(title?.kind === 'detection' && title.title.length).toBeLessThanOrEqual(300);
    expect(JSON.stringify(note)).not.toContain('9f86d08');
    expect(JSON.stringify(note)).toContain('[hidden]');
  });

  it('lists events since a time by kind, across incidents', () => {
    const a = store.createIncident({ openedAt: 1, title: 'a' });
    const b = store.createIncident({ openedAt: 2, title: 'b' });
    store.appendEvent(detection('old', a.id, 10));
    store.appendEvent(detection('new', b.id, 100));
    store.appendEvent({ id: 'n', incidentId: b.id, at: 101, payload: { kind: 'note', text: 'hi' } });
    expect(store.eventsSince(50, ['detection']).map((e) => e.id)).toEqual(['new']);
    expect(store.latestOpenIncident()?.id).toBe(b.id);
    store.closeIncident(b.id, 200);
    expect(store.latestOpenIncident()?.id).toBe(a.id);
    expect(store.getIncident(b.id)?.closedAt).toBe(200);
  });

  it('skips an event row that no longer parses instead of failing', () => {
    const incident = store.createIncident({ openedAt: 1, title: 'x' });
    store.appendEvent(detection('good', incident.id, 1));
    store.database.prepare("INSERT INTO events (id, incident_id, at, kind, data, seq) VALUES ('bad', ?, 2, 'note', '{not json', 99)").run(incident.id);
    expect(store.timeline(incident.id).map((e) => e.id)).toEqual(['good']);
    expect(store.unreadableEvents).toBe(1);
  });
});

describe('settings', () => {
  it('starts from defaults and validates updates', () => {
    expect(store.getSettings()).toMatchObject({ closeMode: 'ask', language: 'auto', startAtLogin: true });
    const updated = store.updateSettings({ closeMode: 'auto', language: 'ja', allowList: ['example.com'], region: 'JP' });
    expect(updated.ok).toBe(true);
    store.close();
    store = openIncidentStore({ dataHome: home });
    expect(store.getSettings()).toMatchObject({ closeMode: 'auto', language: 'ja', allowList: ['example.com'], region: 'JP' });
  });

  it('refuses wrong values and unknown keys without changing anything', () => {
    const bad = store.updateSettings({ closeMode: 'sometimes' as never, language: 'ja' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-setting' } });
    expect(store.getSettings().language).toBe('auto');
    expect(store.updateSettings({ colour: 'red' } as never)).toMatchObject({ ok: false, error: { code: 'unknown-setting' } });
    expect(store.updateSettings({ hotkey: 'rm -rf' })).toMatchObject({ ok: false });
    expect(store.updateSettings({ helpContacts: [{ name: 'Bank', phone: '<script>' }] })).toMatchObject({ ok: false });
    expect(store.updateSettings({ helpContacts: [{ name: 'Bank', phone: '+44 20 7946 0000', url: 'https://example.org/help' }] }).ok).toBe(true);
  });

  it('falls back to the default for a stored value that became invalid', () => {
    store.database.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('closeMode', '\"bogus\"', 1), ('hotkey', '{broken', 1)").run();
    expect(store.getSettings()).toMatchObject({ closeMode: 'ask', hotkey: 'Ctrl+Alt+S' });
  });
});

describe('wizard state', () => {
  it('saves state and events atomically and refuses a stale seq', () => {
    const incident = store.createIncident({ openedAt: 1, title: 'x' });
    expect(store.loadWizard(incident.id)).toBeUndefined();
    const step = (id: string): TimelineEvent => ({ id, incidentId: incident.id, at: 5, payload: { kind: 'step', step: 'disconnect', status: 'started' } });
    const first = store.saveWizard(incident.id, 0, { at: 'disconnect' }, [step('w1')], 5);
    expect(first).toMatchObject({ ok: true, value: { seq: 1 } });
    const stale = store.saveWizard(incident.id, 0, { at: 'other' }, [step('w2')], 6);
    expect(stale).toMatchObject({ ok: false, error: { code: 'stale-state' } });
    // The refused save wrote nothing.
    expect(store.timeline(incident.id).map((e) => e.id)).toEqual(['w1']);
    expect(store.loadWizard(incident.id)).toMatchObject({ seq: 1, state: { at: 'disconnect' } });
  });
});
