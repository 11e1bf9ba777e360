/**
 * Pure parsers for the Linux inventory: dpkg-query / rpm output, `systemctl list-units`,
 * autostart `.desktop` files, `/proc/PID/stat` and `/proc/net/tcp`. Tested with recorded output.
 */
import type { AutostartEntry, InstalledProgram, ServiceEntry } from '../../engine/ports/inventory.js';

/** `dpkg-query -W -f '${Package}\t${Version}\t${db-fsys:Last-Modified}\t${Status}\n'`. */
export function parseDpkgQuery(text: string): InstalledProgram[] {
  const out: InstalledProgram[] = [];
  for (const line of text.split('\n')) {
    const [name, version, modified, status] = line.split('\t');
    if (name === undefined || name === '' || (status !== undefined && !status.trim().endsWith(' installed'))) continue;
    const seconds = Number(modified);
    out.push({
      name,
      ...(version !== undefined && version !== '' ? { version } : {}),
      ...(Number.isFinite(seconds) && seconds > 0 ? { installedAt: new Date(seconds * 1000).toISOString() } : {}),
      source: 'dpkg',
    });
  }
  return out;
}

/** `rpm -qa --qf '%{NAME}\t%{VERSION}-%{RELEASE}\t%{INSTALLTIME}\n'`. */
export function parseRpmQuery(text: string): InstalledProgram[] {
  const out: InstalledProgram[] = [];
  for (const line of text.split('\n')) {
    const [name, version, installed] = line.split('\t');
    if (name === undefined || name === '') continue;
    const seconds = Number(installed);
    out.push({
      name,
      ...(version !== undefined && version !== '' ? { version } : {}),
      ...(Number.isFinite(seconds) && seconds > 0 ? { installedAt: new Date(seconds * 1000).toISOString() } : {}),
      source: 'rpm',
    });
  }
  return out;
}

/** `systemctl list-units --type=service --all --no-legend --plain --no-pager`. */
export function parseSystemctlUnits(text: string): ServiceEntry[] {
  const out: ServiceEntry[] = [];
  for (const raw of text.split('\n')) {
    // A leading "●" marks failed units in some versions even with --plain.
    const line = raw.replace(/^[\s●*]+/, '');
    const m = /^(\S+)\.service\s+(\S+)\s+(\S+)\s+(\S+)\s*(.*)$/.exec(line);
    if (m === null) continue;
    const [, name = '', , active, sub, description = ''] = m;
    const state = sub === 'running' ? 'running' : active === 'inactive' || active === 'failed' ? 'stopped' : 'other';
    out.push({ name, state, ...(description.trim() !== '' ? { displayName: description.trim() } : {}) });
  }
  return out;
}

/** One autostart `.desktop` file: its `Name=` and `Exec=` of the `[Desktop Entry]` group. */
export function parseDesktopEntry(text: string, source: string): AutostartEntry | undefined {
  let group = '';
  let name: string | undefined;
  let exec: string | undefined;
  let hidden = false;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const header = /^\[(.+)\]$/.exec(line);
    if (header !== null) {
      group = header[1] ?? '';
      continue;
    }
    if (group !== 'Desktop Entry') continue;
    if (line.startsWith('Name=') && name === undefined) name = line.slice(5).trim();
    else if (line.startsWith('Exec=')) exec = line.slice(5).trim();
    else if (/^Hidden\s*=\s*true$/i.test(line)) hidden = true;
  }
  if (exec === undefined || hidden) return undefined;
  return { name: name ?? source, command: exec.replace(/\s%[fFuUdDnNickvm]/g, ''), source };
}

/** Name, state letter (`R`, `S`, `T` stopped, `Z` zombie...), parent pid and start time (clock ticks after boot) from `/proc/PID/stat`. */
export function parseProcStat(text: string): { readonly comm: string; readonly state: string; readonly ppid: number; readonly startTicks: number } | undefined {
  // The command name (field 2) may hold spaces and parentheses: split after the last ")".
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (close < 0 || open < 0) return undefined;
  const fields = text.slice(close + 2).split(' ');
  const ppid = Number(fields[1]);
  const startTicks = Number(fields[19]);
  return Number.isFinite(ppid) && Number.isFinite(startTicks) ? { comm: text.slice(open + 1, close), state: fields[0] ?? '', ppid, startTicks } : undefined;
}

/** One row of `/proc/net/tcp` or `/proc/net/tcp6`. */
export interface ProcTcpRow {
  readonly localAddress: string;
  readonly localPort: number;
  readonly remoteAddress: string;
  readonly remotePort: number;
  readonly state: string;
  readonly inode: number;
}

const TCP_STATES: Readonly<Record<string, string>> = {
  '01': 'ESTABLISHED', '02': 'SYN_SENT', '03': 'SYN_RECV', '04': 'FIN_WAIT1', '05': 'FIN_WAIT2', '06': 'TIME_WAIT',
  '07': 'CLOSE', '08': 'CLOSE_WAIT', '09': 'LAST_ACK', '0A': 'LISTEN', '0B': 'CLOSING',
};

/** Kernel hex address (32-bit words in host byte order, little-endian here) → text. */
function hexAddress(hex: string): string {
  const words = hex.match(/.{8}/g) ?? [];
  const bytes = words.flatMap((w) => [6, 4, 2, 0].map((i) => parseInt(w.slice(i, i + 2), 16)));
  if (bytes.length === 4) return bytes.join('.');
  if (bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff) return `::ffff:${bytes.slice(12).join('.')}`;
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0)).toString(16));
  return groups.join(':').replace(/(^|:)0(:0)+(:|$)/, '::');
}

/** Rows of `/proc/net/tcp` / `tcp6`. */
export function parseProcNetTcp(text: string): ProcTcpRow[] {
  const out: ProcTcpRow[] = [];
  for (const line of text.split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 10) continue;
    const [local = '', remote = '', st = ''] = [f[1], f[2], f[3]];
    const [lAddr = '', lPort = ''] = local.split(':');
    const [rAddr = '', rPort = ''] = remote.split(':');
    out.push({
      localAddress: hexAddress(lAddr),
      localPort: parseInt(lPort, 16),
      remoteAddress: hexAddress(rAddr),
      remotePort: parseInt(rPort, 16),
      state: TCP_STATES[st.toUpperCase()] ?? st,
      inode: Number(f[9]),
    });
  }
  return out;
}
