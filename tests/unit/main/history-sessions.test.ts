/**
 * History's "Who was in my PC": each remote session the tools' logs told of, once, in plain
 * words — tool, the other side's ID and name, start and end in local time with the zone, how it
 * was let in, files moved — over a real store, in both languages.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { historyView } from '../../../src/main/history-view.js';
import { openIncidentStore } from '../../../src/storage/index.js';
import type { RemoteSessionAccount } from '../../../src/shared/remote-live.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const session: RemoteSessionAccount = {
  toolId: 'anydesk',
  tool: 'AnyDesk',
  direction: 'incoming',
  remoteId: '123456789',
  remoteName: 'Microsoft Support',
  startedAt: '2026-11-22T12:03:00.000Z',
  endedAt: '2026-11-22T12:41:00.000Z',
  approval: 'unattended-password',
  fileTransfers: ['C:\\Users\\hanako\\Documents\\bank.pdf'],
  source: 'ad_svc.trace',
};

describe('History: who was in my PC', () => {
  it("lists each session once, with ID, local times and zone, approval (the log and the person's answer) and files", () => {
    const dir = mkdtempSync(join(tmpdir(), 'scarestop-history-sessions-'));
    dirs.push(dir);
    const store = openIncidentStore({ dataHome: dir });
    const incident = store.createIncident({ openedAt: Date.parse(session.startedAt ?? ''), title: 'Remote-access tool: AnyDesk' });
    // Connected, then ended: two events of one session.
    store.appendEvent({ id: 'c', incidentId: incident.id, at: 1, payload: { kind: 'remote', event: 'connected', toolId: 'anydesk', tool: 'AnyDesk', code: 'log', session: { ...session, endedAt: undefined } as RemoteSessionAccount } });
    store.appendEvent({ id: 'p', incidentId: incident.id, at: 1, payload: { kind: 'remote', event: 'paused', toolId: 'anydesk', tool: 'AnyDesk', code: 'scam-page' } });
    store.appendEvent({ id: 'r', incidentId: incident.id, at: 1, payload: { kind: 'remote', event: 'resumed', toolId: 'anydesk', tool: 'AnyDesk' } });
    store.appendEvent({ id: 'e', incidentId: incident.id, at: 2, payload: { kind: 'remote', event: 'ended', toolId: 'anydesk', tool: 'AnyDesk', code: 'session-ended', session } });
    const previous = process.env['TZ'];
    process.env['TZ'] = 'Asia/Tokyo';
    try {
      const [en] = historyView(store, 'en');
      const [ja] = historyView(store, 'ja');
      expect(en?.sessions).toHaveLength(1);
      expect(en?.sessions[0]).toContain('ID 123456789');
      expect(en?.sessions[0]).toContain('"Microsoft Support"');
      expect(en?.sessions[0]).toMatch(/from 22 Nov 2026, 21:03 GMT\+9 until 22 Nov 2026, 21:41 GMT\+9/);
      expect(en?.sessions[0]).toContain('unattended-access password');
      expect(en?.sessions[0]).toContain('bank.pdf');
      expect(ja?.sessions[0]).toContain('2026年11月22日 21:03 JST');
      expect(ja?.sessions[0]).toContain('無人アクセス用のパスワード');
      // And how the person answered ScareStop about it.
      expect(en?.sessions[0]).toContain('you said this is someone you know');
      expect(ja?.sessions[0]).toContain('「知っている人です」と答えて');
    } finally {
      if (previous === undefined) delete process.env['TZ'];
      else process.env['TZ'] = previous;
      store.close();
    }
  });
});
