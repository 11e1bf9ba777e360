/**
 * ScreenConnect's session evidence: its client's events in the Windows Application log, as
 * `wevtutil … /f:xml` prints them (tests/fixtures/remote/screenconnect, written from the
 * documented layout). Sessions pair connect and disconnect per instance and operator, collect
 * the files moved meanwhile, keep the UTC times (shown in local time with the zone), ignore other
 * providers' events, and reach the scan's findings and History's words.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InventorySnapshot } from '../../../src/engine/ports/inventory.js';
import { parseScreenConnectEvents } from '../../../src/engine/remote/evidence/screenconnect.js';
import { describeSession, toSessionAccount } from '../../../src/engine/remote/live/session-account.js';
import { RemoteMatcher } from '../../../src/engine/remote/matcher.js';
import { eventLogQueryArgs, eventsOfProvider, readEventLogArtifacts, splitEventLogPath } from '../../../src/platform/win32/event-log-artifacts.js';

const xml = readFileSync(join(import.meta.dirname, '../../fixtures/remote/screenconnect/application-events.xml'), 'utf8');
const PATH = 'EVENTLOG\\Application\\ScreenConnect Client';

describe('ScreenConnect Application-log events', () => {
  it('pairs connected and disconnected, gathers the files moved, and ignores other providers', () => {
    expect(parseScreenConnectEvents(xml).sessions).toEqual([
      {
        at: '2026-11-22T03:25:21.679Z',
        endedAt: '2026-11-22T03:41:09.302Z',
        remoteId: '7a3f2c91e0b4d655',
        remoteName: 'Cloud Account Administrator',
        auth: 'unknown',
        fileTransfers: ['support-tool.exe', 'bank-login.png', 'C:\\Users\\hanako\\Documents\\口座.xlsx'],
      },
      { at: '2026-11-23T01:10:05.120Z', remoteId: 'c0ffee0123456789', remoteName: 'Support & Billing Desk', auth: 'unknown' },
    ]);
  });

  it('tells the session in local time with the zone, in Japanese and English', () => {
    const [first] = parseScreenConnectEvents(xml).sessions;
    if (first === undefined) throw new Error('no session');
    const account = toSessionAccount({ toolId: 'screenconnect', tool: 'ScreenConnect' }, first, 'Application');
    const ja = describeSession(account, 'ja', 'Asia/Tokyo');
    expect(ja).toContain('2026年11月22日 12:25 JST');
    expect(ja).toContain('12:41 JST');
    expect(ja).toContain('ID 7a3f2c91e0b4d655');
    expect(ja).toContain('support-tool.exe');
    const en = describeSession(account, 'en', 'Europe/London');
    expect(en).toMatch(/from 22 Nov 2026, 03:25 GMT until 22 Nov 2026, 03:41 GMT/);
    expect(en).toContain('"Cloud Account Administrator"');
  });

  it('keeps hostile operator text inert and bounded, and reads nothing from a log without its events', () => {
    const hostile = xml.replace('Cloud Account Administrator Connected', `\u202Eevil\u0007${'x'.repeat(90)} Connected`).replace('Cloud Account Administrator Disconnected', `\u202Eevil\u0007${'x'.repeat(90)} Disconnected`);
    const name = parseScreenConnectEvents(hostile).sessions[0]?.remoteName ?? '';
    expect(name.includes('\u202E') || name.includes('\u0007')).toBe(false);
    expect(name.length).toBeLessThanOrEqual(40);
    expect(parseScreenConnectEvents('<Events></Events>').sessions).toEqual([]);
  });

  it('the scan finds ScreenConnect from the log: incoming sessions, and no file path to quarantine', () => {
    const matcher = new RemoteMatcher();
    expect(matcher.artifactPaths()).toContain(PATH);
    const empty = { ok: true as const, items: [] };
    const snapshot: InventorySnapshot = { installed: empty, processes: empty, services: empty, userFiles: empty, autostart: empty, connections: empty, artifacts: { ok: true, items: [{ path: PATH, content: xml }] } };
    const finding = matcher.match(snapshot, Date.parse('2026-11-23T02:00:00Z')).find((f) => f.toolId === 'screenconnect');
    const sessions = finding?.evidence.filter((e) => e.kind === 'incoming-session') ?? [];
    expect(sessions.length).toBe(2);
    expect(finding?.evidence.every((e) => e.path === undefined)).toBe(true);
  });
});

describe('Windows event-log artifacts (wevtutil)', () => {
  it('names the log and the provider prefix, and asks only for the newest session events as XML', () => {
    expect(splitEventLogPath(PATH)).toEqual({ log: 'Application', provider: 'ScreenConnect Client' });
    expect(splitEventLogPath('C:\\x.txt')).toBeUndefined();
    expect(eventLogQueryArgs('Application')).toEqual(['qe', 'Application', '/q:*[System[(EventID=100 or EventID=101 or EventID=201)]]', '/f:xml', '/rd:true', '/c:1000']);
  });

  it('keeps only the provider’s events and skips a log that cannot be read', async () => {
    const kept = eventsOfProvider(xml, 'ScreenConnect Client');
    expect(kept.match(/<Event\b/g)).toHaveLength(5);
    expect(kept).not.toContain('MsiInstaller');
    const calls: string[][] = [];
    const read = await readEventLogArtifacts([PATH, 'EVENTLOG\\Missing\\X'], (file, args) => {
      calls.push([file, ...args]);
      return Promise.resolve(args[1] === 'Application' ? { code: 0, signal: null, stdout: xml, stderr: '' } : { code: 15007, signal: null, stdout: '', stderr: 'channel not found' });
    });
    expect(calls.map((c) => c[2])).toEqual(['Application', 'Missing']);
    expect(read).toEqual([{ path: PATH, content: kept }]);
  });
});
