import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAnyDeskConf, parseAnyDeskConnectionTrace, parseAnyDeskTrace } from '../../../src/engine/remote/evidence/anydesk.js';
import { parseRustDeskConfig } from '../../../src/engine/remote/evidence/rustdesk.js';
import { parseTeamViewerConnections } from '../../../src/engine/remote/evidence/teamviewer.js';
import { cleanRemoteText } from '../../../src/engine/remote/evidence/types.js';

const fixture = (...parts: string[]): string => readFileSync(join(import.meta.dirname, '../../fixtures/remote', ...parts), 'utf8');

describe('AnyDesk evidence', () => {
  it('reads every incoming session of connection_trace.txt with how it was let in', () => {
    const parsed = parseAnyDeskConnectionTrace(fixture('anydesk', 'connection_trace.txt'));
    expect(parsed.sessions).toEqual([
      { at: '2026-11-20T09:12:00.000Z', auth: 'user', remoteId: '412345678' },
      { at: '2026-11-20T14:47:00.000Z', auth: 'password', remoteId: '412345678' },
      { at: '2026-11-21T08:03:00.000Z', auth: 'rejected', remoteId: '398765432' },
      { at: '2026-11-22T10:05:00.000Z', auth: 'token', remoteId: '412345678' },
    ]);
    expect(parsed.unattended).toContain('password');
  });

  it('reads the space-aligned variant (LOLRMM example lines)', () => {
    const parsed = parseAnyDeskConnectionTrace(fixture('anydesk', 'connection_trace-spaces.txt'));
    expect(parsed.sessions.map((s) => [s.at, s.auth])).toEqual([
      ['2022-08-23T10:23:00.000Z', 'password'],
      ['2022-09-28T12:39:00.000Z', 'user'],
    ]);
  });

  it('reads one session from ad.trace: request, relay address, end', () => {
    const parsed = parseAnyDeskTrace(fixture('anydesk', 'ad.trace'));
    expect(parsed.sessions).toEqual([
      { at: '2026-11-20T14:47:02.560Z', endedAt: '2026-11-20T14:52:40.001Z', auth: 'unknown', remoteId: '412345678', remoteName: 'Windows Support', remoteAddress: '185.220.101.34' },
    ]);
  });

  it('sees the unattended password hash in service.conf but never returns it', () => {
    const text = fixture('anydesk', 'service.conf');
    const parsed = parseAnyDeskConf(text);
    expect(parsed.unattended).toBe('a password for unattended access is stored');
    expect(JSON.stringify(parsed)).not.toMatch(/5f2c9a0e|a7c3e9f1/);
    expect(parseAnyDeskConf(fixture('anydesk', 'system.conf')).unattended).toBeUndefined(); // a salt alone is no password
    expect(parseAnyDeskConf('ad.anynet.pwd_hash=\n').unattended).toBeUndefined();
  });
});

describe('TeamViewer Connections_incoming.txt', () => {
  it('reads sessions with start, end and a cleaned caller name', () => {
    const parsed = parseTeamViewerConnections(fixture('teamviewer', 'Connections_incoming.txt'));
    expect(parsed.sessions).toHaveLength(2);
    expect(parsed.sessions[0]).toEqual({
      at: new Date(2026, 10, 20, 14, 47, 51).toISOString(),
      endedAt: new Date(2026, 10, 20, 15, 32, 7).toISOString(),
      remoteId: '1485632907',
      remoteName: 'Microsoft Support',
      auth: 'unknown',
    });
    expect(parsed.sessions[1]?.endedAt).toBeUndefined(); // still open when the log was read
  });

  it('bounds and cleans hostile caller names', () => {
    const hostile = `123456789\t\u202eMicrosoft\u0007 Security ${'x'.repeat(200)}\t01-01-2026 10:00:00\t01-01-2026 10:05:00\tu\tRemoteControl\t{g}`;
    const [session] = parseTeamViewerConnections(hostile).sessions;
    expect(session?.remoteName?.length).toBeLessThanOrEqual(40);
    expect(session?.remoteName?.includes('\u202e')).toBe(false);
    expect(session?.remoteName?.includes('\u0007')).toBe(false);
    expect(cleanRemoteText('a\nb')).toBe('a b');
  });

  it('skips lines that are not sessions', () => {
    expect(parseTeamViewerConnections('garbage\nstill\tnot\ta session\n').sessions).toEqual([]);
  });
});

describe('RustDesk settings', () => {
  it('sees a permanent password or password-only mode as unattended, without copying it', () => {
    expect(parseRustDeskConfig(fixture('rustdesk', 'RustDesk.toml')).unattended).toBe('a permanent password is set');
    expect(JSON.stringify(parseRustDeskConfig(fixture('rustdesk', 'RustDesk.toml')))).not.toContain('00vE4t');
    expect(parseRustDeskConfig(fixture('rustdesk', 'RustDesk2.toml')).unattended).toContain('without asking');
    expect(parseRustDeskConfig(fixture('rustdesk', 'RustDesk2-default.toml')).unattended).toBeUndefined();
    expect(parseRustDeskConfig(fixture('rustdesk', 'RustDesk-default.toml')).unattended).toBeUndefined();
  });
});
