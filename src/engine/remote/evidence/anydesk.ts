/**
 * AnyDesk evidence files (formats from vendor docs and forensic write-ups, see NOTES.md):
 * - `connection_trace.txt`: `Incoming 2022-08-23, 10:23 Passwd 547911884 547911884`, one line
 *   per incoming session; the word says how it was let in (User = clicked Accept, Passwd =
 *   unattended password, Token = remembered login, REJECTED). Times are UTC.
 * - `ad.trace` / `ad_svc.trace`: `info 2022-09-28 12:39:26.845 lsvc ... - Logged in from
 *   12.34.56.78:59562 on relay 80e496c0.` (UTC).
 * - `service.conf` / `system.conf`: `ad.anynet.pwd_hash=...` = a password for unattended access.
 */
import { cleanRemoteText, type IncomingSession, type ParsedEvidence, type SessionAuth } from './types.js';

const TRACE_LINE = /^\s*Incoming\s+(\d{4})-(\d{2})-(\d{2}),\s*(\d{1,2}):(\d{2})\s+(\S+)(?:\s+(\d{3,12}))?/i;
const LOG_LINE = /^\s*\w+\s+(\d{4}-\d{2}-\d{2})\s+(\d{2}:\d{2}:\d{2})(?:\.(\d{1,3}))?\s.*?-\s+(Logged in from\s+([0-9a-fA-F.:[\]x]{3,60})|Incoming session request:\s*(.*)$)/;

function authOf(word: string): SessionAuth {
  switch (word.toLowerCase()) {
    case 'user':
      return 'user';
    case 'passwd':
    case 'password':
      return 'password';
    case 'token':
      return 'token';
    case 'rejected':
      return 'rejected';
    default:
      return 'unknown';
  }
}

/** Incoming sessions in `connection_trace.txt`. */
export function parseAnyDeskConnectionTrace(text: string): ParsedEvidence {
  const sessions: IncomingSession[] = [];
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const m = TRACE_LINE.exec(line);
    if (m === null) continue;
    const [, y, mo, d, h, mi, word = '', id] = m;
    sessions.push({
      at: `${y}-${mo}-${d}T${(h ?? '0').padStart(2, '0')}:${mi}:00.000Z`,
      auth: authOf(word),
      ...(id !== undefined ? { remoteId: id } : {}),
    });
  }
  const byPassword = sessions.some((s) => s.auth === 'password');
  return byPassword ? { sessions, unattended: 'a caller got in with the unattended-access password' } : { sessions };
}

/** Incoming sessions in `ad.trace` / `ad_svc.trace` ("Logged in from" lines). */
export function parseAnyDeskTrace(text: string): ParsedEvidence {
  const sessions: IncomingSession[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.includes('Logged in from') && !line.includes('Incoming session request')) continue;
    const m = LOG_LINE.exec(line);
    if (m === null) continue;
    const [, date, time, ms = '0', , address, request] = m;
    const remote = address !== undefined ? address.replace(/:\d+$/, '') : cleanRemoteText(request ?? '');
    sessions.push({ at: `${date}T${time}.${ms.padEnd(3, '0')}Z`, auth: 'unknown', ...(remote !== '' ? { remoteId: cleanRemoteText(remote) } : {}) });
  }
  return { sessions };
}

const PASSWORD_KEY = /(pwd_hash|password_hash|\.pwd|\.password)$/i;

/** `service.conf` / `system.conf`: is a password for unattended access stored? Never copies it. */
export function parseAnyDeskConf(text: string): ParsedEvidence {
  for (const line of text.split(/\r?\n/)) {
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim();
    const passwordKey = PASSWORD_KEY.test(key) || (/unattended/i.test(key) && /hash|pwd/i.test(key));
    if (passwordKey && value.length >= 8) return { sessions: [], unattended: 'a password for unattended access is stored' };
  }
  return { sessions: [] };
}
