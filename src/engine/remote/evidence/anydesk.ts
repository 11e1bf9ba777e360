/**
 * AnyDesk evidence files (formats from AnyDesk's "Connection Log" help page and forensic
 * write-ups, see NOTES.md):
 * - `connection_trace.txt`: one line per session, `Direction  YYYY-MM-DD, HH:MM  Method  Alias  ID`,
 *   e.g. `Incoming 2022-08-23, 10:23 Passwd 547911884 547911884`. The method says how it was let
 *   in (User = the person clicked Accept, Passwd = unattended password, Token = remembered login,
 *   REJECTED). Times are UTC.
 * - `ad.trace` / `ad_svc.trace`: `info 2022-09-28 12:39:26.845 lsvc ... - <message>` (UTC); a
 *   session is "Incoming session request: <alias> (<id>)", its address "Logged in from <ip>:<port>",
 *   its approval "Authenticated by local user / by password / with permanent token", files
 *   "Preparing files in '<folder>'", its end "Session closed ..." / "Session stopped".
 * - `service.conf` / `system.conf`: `ad.anynet.pwd_hash=...` = a password for unattended access.
 */
import { cleanRemoteText, type IncomingSession, type ParsedEvidence, type SessionAuth } from './types.js';

const TRACE_LINE = /^\s*(Incoming|Outgoing)\s+(\d{4})-(\d{2})-(\d{2}),\s*(\d{1,2}):(\d{2})\s+(\S+)\s*(.*)$/i;
const LOG_LINE = /^\s*\w+\s+(\d{4}-\d{2}-\d{2})\s+(\d{2}:\d{2}:\d{2})(?:\.(\d{1,3}))?\s.*?\s-\s+(.*)$/;
/** Files listed per session at most (a copy of a whole folder is one line per file). */
const MAX_TRANSFERS = 20;

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

/** Sessions in `connection_trace.txt` (incoming, and outgoing where a version writes them). */
export function parseAnyDeskConnectionTrace(text: string): ParsedEvidence {
  const sessions: IncomingSession[] = [];
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const m = TRACE_LINE.exec(line);
    if (m === null) continue;
    const [, direction = '', y, mo, d, h, mi, word = '', rest = ''] = m;
    const tokens = rest.trim().split(/\s+/).filter((t) => t !== '');
    const id = tokens.find((t) => /^\d{3,12}$/.test(t));
    const alias = tokens.filter((t) => !/^\d{3,12}$/.test(t)).join(' ');
    sessions.push({
      at: `${y}-${mo}-${d}T${(h ?? '0').padStart(2, '0')}:${mi}:00.000Z`,
      auth: authOf(word),
      ...(id !== undefined ? { remoteId: id } : {}),
      ...(alias !== '' ? { remoteName: cleanRemoteText(alias) } : {}),
      ...(direction.toLowerCase() === 'outgoing' ? { direction: 'outgoing' as const } : {}),
    });
  }
  const byPassword = sessions.some((s) => s.auth === 'password' && s.direction === undefined);
  return byPassword ? { sessions, unattended: 'a caller got in with the unattended-access password' } : { sessions };
}

interface OpenSession {
  at: string;
  auth: SessionAuth;
  remoteId?: string;
  remoteName?: string;
  remoteAddress?: string;
  endedAt?: string;
  files: string[];
}

function finish(session: OpenSession): IncomingSession {
  return {
    at: session.at,
    auth: session.auth,
    ...(session.endedAt !== undefined ? { endedAt: session.endedAt } : {}),
    ...(session.remoteId !== undefined ? { remoteId: session.remoteId } : {}),
    ...(session.remoteName !== undefined ? { remoteName: session.remoteName } : {}),
    ...(session.remoteAddress !== undefined ? { remoteAddress: session.remoteAddress } : {}),
    ...(session.files.length > 0 ? { fileTransfers: session.files } : {}),
  };
}

/** Incoming sessions in `ad.trace` / `ad_svc.trace`: request, address, approval, files, end. */
export function parseAnyDeskTrace(text: string): ParsedEvidence {
  const sessions: IncomingSession[] = [];
  let current: OpenSession | undefined;
  let lastAddress: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    const m = LOG_LINE.exec(line);
    if (m === null) continue;
    const [, date, time, ms = '0', message = ''] = m;
    const at = `${date}T${time}.${ms.padEnd(3, '0')}Z`;
    const address = /Logged in from\s+([0-9a-fA-F.:[\]]{3,60}?)(?::\d+)?\s+on relay/.exec(message)?.[1];
    if (address !== undefined) {
      // The relay login comes just before the request it carries.
      lastAddress = cleanRemoteText(address);
      if (current !== undefined && current.remoteAddress === undefined && current.endedAt === undefined) current.remoteAddress = lastAddress;
      continue;
    }
    const request = /Incoming session request:\s*(.*?)\s*(?:\((\d{3,12})\))?\s*$/.exec(message);
    if (request !== null) {
      if (current !== undefined) sessions.push(finish(current));
      const name = cleanRemoteText(request[1] ?? '');
      current = { at, auth: 'unknown', files: [], ...(request[2] !== undefined ? { remoteId: request[2] } : {}), ...(name !== '' ? { remoteName: name } : {}), ...(lastAddress !== undefined ? { remoteAddress: lastAddress } : {}) };
      lastAddress = undefined;
      continue;
    }
    if (current === undefined) continue;
    if (/Authenticated by local user/i.test(message)) current.auth = 'user';
    else if (/Authenticated by password|Authenticated with correct passphrase/i.test(message)) current.auth = 'password';
    else if (/Authenticated with permanent token/i.test(message)) current.auth = 'token';
    else if (/rejected|denied the request/i.test(message) && current.auth === 'unknown') current.auth = 'rejected';
    const files = /Preparing files in\s+'([^']{1,400})'/.exec(message)?.[1];
    if (files !== undefined && current.files.length < MAX_TRANSFERS) current.files.push(cleanRemoteText(files, 120));
    if (/Session (closed|stopped|ended)/i.test(message) && current.endedAt === undefined) {
      current.endedAt = at;
      sessions.push(finish(current));
      current = undefined;
    }
  }
  if (current !== undefined) sessions.push(finish(current));
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
