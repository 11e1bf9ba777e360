/**
 * Windows event logs named in the catalog's evidence list (`EVENTLOG\Application\ScreenConnect
 * Client`), read as artifacts: the newest session events of that log (`wevtutil qe … /f:xml`,
 * the OS's own reader; no elevation needed for the Application log), kept only from providers
 * whose name starts with the given prefix, one ArtifactFile per path for the engine's parsers.
 * A log that cannot be read is skipped (absence is normal); the scan goes on.
 */
import type { ArtifactFile } from '../../engine/ports/inventory.js';
import { runCommand } from '../system-command.js';

/** Session events the catalog's event-log parsers read (ScreenConnect: 100 connected, 101 disconnected, 201 files). */
const SESSION_EVENT_IDS = [100, 101, 201];
/** Newest events read per log: weeks of sessions, a bounded read. */
const MAX_EVENTS = 1000;

/** `EVENTLOG\Application\ScreenConnect Client` → log name and provider prefix. */
export function splitEventLogPath(path: string): { log: string; provider: string } | undefined {
  const match = /^EVENTLOG\\([^\\]+)\\(.+)$/i.exec(path);
  if (match?.[1] === undefined || match[2] === undefined) return undefined;
  return { log: match[1], provider: match[2] };
}

/** wevtutil's arguments for one log's newest session events, as XML. */
export function eventLogQueryArgs(log: string): string[] {
  const ids = SESSION_EVENT_IDS.map((id) => `EventID=${id}`).join(' or ');
  return ['qe', log, `/q:*[System[(${ids})]]`, '/f:xml', '/rd:true', `/c:${MAX_EVENTS}`];
}

/** The `<Event>` elements of `xml` whose provider name starts with `provider` (pure). */
export function eventsOfProvider(xml: string, provider: string): string {
  const prefix = provider.toLowerCase();
  return (xml.match(/<Event\b[\s\S]*?<\/Event>/gi) ?? [])
    .filter((event) => {
      const name = /<Provider\b[^>]*\bName\s*=\s*(?:'([^']*)'|"([^"]*)")/i.exec(event);
      return (name?.[1] ?? name?.[2] ?? '').toLowerCase().startsWith(prefix);
    })
    .join('\n');
}

/** Reads the event-log paths; a log with no matching events gives nothing. */
export async function readEventLogArtifacts(paths: readonly string[], run: typeof runCommand = runCommand): Promise<ArtifactFile[]> {
  const artifacts: ArtifactFile[] = [];
  for (const path of paths) {
    const target = splitEventLogPath(path);
    if (target === undefined) continue;
    const output = await run('wevtutil.exe', eventLogQueryArgs(target.log), { timeoutMs: 15_000, maxBytes: 4 * 1024 * 1024 }).catch(() => undefined);
    if (output === undefined || output.code !== 0) continue;
    const events = eventsOfProvider(output.stdout, target.provider);
    if (events !== '') artifacts.push({ path, content: events });
  }
  return artifacts;
}
