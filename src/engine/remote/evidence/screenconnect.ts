/**
 * ScreenConnect (ConnectWise Control) sessions from the Windows Application event log. Its
 * client writes, under the provider `ScreenConnect Client (<instance id>)`:
 * - 100 `<operator> Connected`, 101 `<operator> Disconnected`;
 * - 201 `Transferred files with action '<action>':` then one file per line;
 * each message ending with `Version: …` and `Executable Path: …` lines.
 * The input is the log as `wevtutil qe Application /f:xml` prints it (one `<Event>` element per
 * event; attributes in single or double quotes; `SystemTime` in UTC). Every text in it comes
 * from the operator's side (their name, file names): bounded and cleaned. The instance id names
 * the operator's ScreenConnect server: the one thing the bank or the police can trace.
 */
import { cleanRemoteText, type IncomingSession, type ParsedEvidence } from './types.js';

/** Events kept from one log (newest last after sorting); a week of a busy help desk is fewer. */
const MAX_EVENTS = 2000;
const MAX_FILES = 20;

interface LogEvent {
  readonly id: number;
  readonly at: string;
  readonly instance: string;
  readonly text: string;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text → plain text (the five named entities and numeric references). */
function unescapeXml(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const attribute = (element: string, name: string): string | undefined => new RegExp(`\\b${name}\\s*=\\s*(?:'([^']*)'|"([^"]*)")`).exec(element)?.slice(1).find((v) => v !== undefined);

/** `2024-02-26T03:25:21.6791347Z` or `2024-02-26 03:25:21.6791347` (UTC) → ISO 8601. */
function utcIso(stamp: string | undefined): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3})\d*)?Z?$/.exec((stamp ?? '').trim());
  if (m === null) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
  const t = Date.UTC(y ?? 0, (mo ?? 1) - 1, d, h, mi, s, Number((m[7] ?? '0').padEnd(3, '0')));
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

/** The ScreenConnect events in the log text. */
function eventsOf(text: string): LogEvent[] {
  const events: LogEvent[] = [];
  for (const block of text.split(/<\/Event>/i)) {
    const provider = /<Provider\b[^>]*>/i.exec(block)?.[0];
    const name = provider === undefined ? undefined : attribute(provider, 'Name');
    const instance = /^ScreenConnect Client \(([^)]{1,80})\)$/i.exec(name?.trim() ?? '')?.[1];
    if (instance === undefined) continue;
    const id = Number(/<EventID\b[^>]*>\s*(\d+)\s*<\/EventID>/i.exec(block)?.[1]);
    const created = /<TimeCreated\b[^>]*>/i.exec(block)?.[0];
    const at = utcIso(created === undefined ? undefined : attribute(created, 'SystemTime'));
    const data = /<Data\b[^>]*>([\s\S]*?)<\/Data>/i.exec(block)?.[1];
    if (at === undefined || data === undefined || !Number.isInteger(id)) continue;
    events.push({ id, at, instance: unescapeXml(instance), text: unescapeXml(data) });
  }
  return events.sort((a, b) => a.at.localeCompare(b.at)).slice(-MAX_EVENTS);
}

/** The message without its `Version:` / `Executable Path:` trailer, as lines. */
function messageLines(text: string): string[] {
  const lines = text.split(/\r?\n/).map((line) => line.trim());
  const end = lines.findIndex((line) => /^(Version|Executable Path):/i.test(line));
  return (end < 0 ? lines : lines.slice(0, end)).filter((line) => line !== '');
}

/** The operator's name in `<name> Connected` / `<name> Disconnected`. */
function operatorOf(lines: readonly string[], word: 'Connected' | 'Disconnected'): string | undefined {
  const m = new RegExp(`^(.{1,120}?)\\s+${word}$`, 'i').exec(lines[0] ?? '');
  return m?.[1];
}

interface OpenSession {
  at: string;
  instance: string;
  name: string;
  files: string[];
  endedAt?: string;
}

/** Incoming sessions (connect → files → disconnect) in the ScreenConnect events of `text`. */
export function parseScreenConnectEvents(text: string): ParsedEvidence {
  const done: OpenSession[] = [];
  const open = new Map<string, OpenSession>();
  const key = (instance: string, name: string): string => `${instance}|${name.toLowerCase()}`;
  for (const event of eventsOf(text)) {
    const lines = messageLines(event.text);
    if (event.id === 100) {
      const name = operatorOf(lines, 'Connected');
      if (name === undefined) continue;
      const session: OpenSession = { at: event.at, instance: event.instance, name, files: [] };
      open.set(key(event.instance, name), session);
      done.push(session);
    } else if (event.id === 101) {
      const name = operatorOf(lines, 'Disconnected');
      const session = name === undefined ? undefined : open.get(key(event.instance, name));
      if (session === undefined || name === undefined) continue;
      session.endedAt = event.at;
      open.delete(key(event.instance, name));
    } else if (event.id === 201 && /^Transferred files with action\b/i.test(lines[0] ?? '')) {
      // The newest open session of the same ScreenConnect instance moved these files.
      const session = [...open.values()].filter((s) => s.instance === event.instance).pop();
      if (session === undefined) continue;
      for (const file of lines.slice(1)) if (session.files.length < MAX_FILES) session.files.push(cleanRemoteText(file, 120));
    }
  }
  const sessions: IncomingSession[] = done.map((s) => ({
    at: s.at,
    ...(s.endedAt !== undefined ? { endedAt: s.endedAt } : {}),
    remoteId: cleanRemoteText(s.instance, 60),
    remoteName: cleanRemoteText(s.name),
    // The log does not say whether someone at the PC accepted (an installed client needs nobody).
    auth: 'unknown',
    ...(s.files.length > 0 ? { fileTransfers: s.files } : {}),
  }));
  return { sessions };
}
