/**
 * TeamViewer `Connections_incoming.txt` (in its install folder): one tab-separated line per
 * incoming session —
 * `<caller ID>\t<caller name>\t<start DD-MM-YYYY HH:mm:ss>\t<end>\t<local user>\t<type>\t<GUID>`.
 * Times are the computer's local time. The type is `RemoteControl`, `FileTransfer`, `VPN`, ... The caller's name is chosen by the caller: bounded, cleaned.
 */
import { cleanRemoteText, type IncomingSession, type ParsedEvidence } from './types.js';

const STAMP = /^(\d{2})-(\d{2})-(\d{4})\s+(\d{2}):(\d{2}):(\d{2})$/;

function localIso(stamp: string | undefined): string | undefined {
  const m = STAMP.exec((stamp ?? '').trim());
  if (m === null) return undefined;
  const [, d, mo, y, h, mi, s] = m.map(Number);
  const date = new Date(y ?? 0, (mo ?? 1) - 1, d, h, mi, s);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** Incoming sessions in `Connections_incoming.txt`. */
export function parseTeamViewerConnections(text: string): ParsedEvidence {
  const sessions: IncomingSession[] = [];
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const cols = line.split('\t');
    if (cols.length < 3) continue;
    const [id = '', name = '', start, end, , type = ''] = cols;
    const at = localIso(start);
    if (at === undefined || !/^\s*\d{3,12}\s*$/.test(id)) continue;
    const endedAt = localIso(end);
    sessions.push({
      at,
      ...(endedAt !== undefined ? { endedAt } : {}),
      remoteId: id.trim(),
      ...(name.trim() !== '' ? { remoteName: cleanRemoteText(name) } : {}),
      auth: 'unknown',
      ...(/filetransfer/i.test(type) ? { fileTransfer: true as const } : {}),
    });
  }
  return { sessions };
}
