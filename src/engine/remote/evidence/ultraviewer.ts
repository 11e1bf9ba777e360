/**
 * UltraViewer's incoming-connection log, `%AppData%\UltraViewer\Connection_IN_Log.txt`. Its exact
 * layout is not documented; what is known is that each incoming connection is one line with the
 * partner's ID (9 digits, shown as `123 456 789`) and a local date and time. So this reads any
 * line holding both, and never guesses more (approval unknown). Times are the PC's local time.
 */
import { cleanRemoteText, type IncomingSession, type ParsedEvidence } from './types.js';

const ID = /(?<!\d)(?<!\d )(\d{3}) ?(\d{3}) ?(\d{3})(?![\d])/;
const DMY = /(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?/;
const YMD = /(\d{4})-(\d{2})-(\d{2})[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?/;

function localIso(line: string): { iso: string; rest: string } | undefined {
  const ymd = YMD.exec(line);
  const dmy = ymd === null ? DMY.exec(line) : null;
  const m = ymd ?? dmy;
  if (m === null) return undefined;
  const n = m.slice(1).map((v) => (v === undefined ? 0 : Number(v)));
  const [year, month, day] = ymd !== null ? [n[0], n[1], n[2]] : [n[2], n[1], n[0]];
  const date = new Date(year ?? 0, (month ?? 1) - 1, day, n[3], n[4], n[5]);
  if (Number.isNaN(date.getTime())) return undefined;
  return { iso: date.toISOString(), rest: line.replace(m[0], ' ') };
}

/** Incoming sessions in `Connection_IN_Log.txt`. */
export function parseUltraViewerConnections(text: string): ParsedEvidence {
  const sessions: IncomingSession[] = [];
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const when = localIso(line);
    if (when === undefined) continue;
    const id = ID.exec(when.rest);
    if (id === null) continue;
    const name = cleanRemoteText(when.rest.replace(id[0], ' ').replace(/[|;,\t]+/g, ' ').replace(/\b(connected|connection|from|partner|id|in)\b:?/gi, ' '));
    sessions.push({ at: when.iso, auth: 'unknown', remoteId: `${id[1]}${id[2]}${id[3]}`, ...(name !== '' ? { remoteName: name } : {}) });
  }
  return { sessions };
}
