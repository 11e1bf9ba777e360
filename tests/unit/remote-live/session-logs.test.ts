/**
 * Session logs written from the tools' documented formats (tests/fixtures/remote/): incoming vs
 * outgoing, unattended password vs someone clicking Accept, files moved, and times shown in the
 * PC's local time with the zone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAnyDeskConnectionTrace, parseAnyDeskTrace } from '../../../src/engine/remote/evidence/anydesk.js';
import { parseTeamViewerConnections } from '../../../src/engine/remote/evidence/teamviewer.js';
import { parseUltraViewerConnections } from '../../../src/engine/remote/evidence/ultraviewer.js';
import { describeSession, localTime, toSessionAccount } from '../../../src/engine/remote/live/session-account.js';

const fixture = (...parts: string[]): string => readFileSync(join(import.meta.dirname, '../../fixtures/remote', ...parts), 'utf8');
const ANYDESK = { toolId: 'anydesk', tool: 'AnyDesk' };

describe('AnyDesk connection_trace.txt', () => {
  const sessions = parseAnyDeskConnectionTrace(fixture('anydesk', 'connection_trace-directions.txt')).sessions.map((s) => toSessionAccount(ANYDESK, s, 'connection_trace.txt'));

  it('tells incoming from outgoing and how each incoming one was let in', () => {
    expect(sessions.map((s) => [s.direction, s.approval, s.remoteId, s.remoteName ?? null])).toEqual([
      ['incoming', 'unattended-password', '741852963', 'support-desk@ad'],
      ['outgoing', 'clicked-accept', '523698741', 'grandson@ad'],
      ['incoming', 'clicked-accept', '523698741', null],
      ['incoming', 'refused', '741852963', null],
    ]);
  });

  it('an outgoing session alone is not unattended access', () => {
    expect(parseAnyDeskConnectionTrace('Outgoing    2026-11-22, 18:40    Passwd    523698741    523698741\n').unattended).toBeUndefined();
  });

  it('says it in plain words, times in the local zone (UTC in the log, Tokyo / London on the PC)', () => {
    const [unattended] = sessions;
    if (unattended === undefined) throw new Error('no session');
    expect(describeSession(unattended, 'ja', 'Asia/Tokyo')).toBe(
      'AnyDesk：相手（ID 741852963、名前「support-desk@ad」）が、このパソコンに接続しました（2026年11月22日 21:03 JSTから（終わりの時刻は記録なし））。無人アクセス用のパスワードで入りました（だれも「承諾」を押していません）。',
    );
    expect(describeSession(unattended, 'en', 'Europe/London')).toBe(
      'AnyDesk: someone (ID 741852963, named "support-desk@ad") connected to this PC from 22 Nov 2026, 12:03 GMT (end not recorded). They got in with the unattended-access password, so nobody had to click Accept.',
    );
    const outgoing = sessions[1];
    if (outgoing === undefined) throw new Error('no session');
    expect(describeSession(outgoing, 'en', 'Asia/Tokyo')).toBe('AnyDesk: this PC connected to someone (ID 523698741, named "grandson@ad") from 23 Nov 2026, 03:40 GMT+9 (end not recorded).');
  });
});

describe('AnyDesk ad_svc.trace', () => {
  const parsed = parseAnyDeskTrace(fixture('anydesk', 'ad_svc.trace')).sessions;

  it('reads each session with address, approval, files and end', () => {
    expect(parsed).toEqual([
      {
        at: '2026-11-22T12:03:12.004Z',
        endedAt: '2026-11-22T12:21:02.870Z',
        auth: 'password',
        remoteId: '741852963',
        remoteName: 'Microsoft Support',
        remoteAddress: '203.0.113.77',
        fileTransfers: ['C:\\Users\\hanako\\Documents\\Bank', 'C:\\Users\\hanako\\Pictures'],
      },
      { at: '2026-11-23T09:15:01.300Z', auth: 'user', remoteId: '523698741', remoteName: 'Taro', remoteAddress: '198.51.100.23' },
    ]);
  });

  it('names the files moved and the end time in the account', () => {
    const account = toSessionAccount(ANYDESK, parsed[0] ?? { auth: 'unknown' }, 'ad_svc.trace');
    const ja = describeSession(account, 'ja', 'Asia/Tokyo');
    expect(ja).toContain('2026年11月22日 21:03 JSTから2026年11月22日 21:21 JSTまで');
    expect(ja).toContain('ファイルのやりとりがありました：C:\\Users\\hanako\\Documents\\Bank、C:\\Users\\hanako\\Pictures。');
    expect(describeSession(account, 'en', 'Asia/Tokyo')).toContain('until 22 Nov 2026, 21:21 GMT+9. They got in with the unattended-access password');
  });
});

describe('TeamViewer and UltraViewer', () => {
  it('TeamViewer: a FileTransfer session says files were moved; its local times stay local', () => {
    const [session] = parseTeamViewerConnections(fixture('teamviewer', 'Connections_incoming-filetransfer.txt')).sessions;
    if (session === undefined) throw new Error('no session');
    expect(session.at).toBe(new Date(2026, 10, 22, 21, 3, 11).toISOString());
    const account = toSessionAccount({ toolId: 'teamviewer', tool: 'TeamViewer' }, session, 'Connections_incoming.txt');
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(describeSession(account, 'en', timeZone)).toMatch(/from 22 Nov 2026, 21:03 \S+ until 22 Nov 2026, 21:40 \S+\. The log does not say how they were let in\. Files were moved\.$/);
  });

  it('UltraViewer: one session per line with a partner ID and a local time, other lines skipped', () => {
    const sessions = parseUltraViewerConnections(fixture('ultraviewer', 'Connection_IN_Log.txt')).sessions;
    expect(sessions).toEqual([
      { at: new Date(2026, 10, 22, 21, 3, 44).toISOString(), auth: 'unknown', remoteId: '741852963', remoteName: 'Microsoft Support' },
      { at: new Date(2026, 10, 23, 9, 15, 2).toISOString(), auth: 'unknown', remoteId: '523698741' },
    ]);
  });

  it('local time is undefined for a missing or broken stamp', () => {
    expect(localTime(undefined, 'en')).toBeUndefined();
    expect(localTime('not a time', 'ja')).toBeUndefined();
  });
});
