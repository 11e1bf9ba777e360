/**
 * `ProcConnections`: established TCP connections of some processes, from /proc/net/tcp(6) and
 * the socket inodes in those processes' /proc/PID/fd only (not every process's). When the other
 * end of a connection is a socket of one of the same processes, it is named (`peerPid`), so the
 * engine can tell a tool talking to itself from a tool talking to someone else.
 */
import { readdir, readFile, readlink } from 'node:fs/promises';
import type { ConnectionPort, ProcessConnection } from '../../engine/ports/remote-live.js';
import { parseProcNetTcp, type ProcTcpRow } from './inventory-parse.js';

/** Established connections of the given pids, with the peer pid for local pairs. */
export function pairConnections(rows: readonly ProcTcpRow[], owners: ReadonlyMap<number, number>): ProcessConnection[] {
  const byLocal = new Map<string, ProcTcpRow>();
  for (const row of rows) byLocal.set(`${row.localAddress}|${row.localPort}|${row.remoteAddress}|${row.remotePort}`, row);
  const out: ProcessConnection[] = [];
  for (const row of rows) {
    const pid = owners.get(row.inode);
    if (pid === undefined || row.state !== 'ESTABLISHED') continue;
    const peer = byLocal.get(`${row.remoteAddress}|${row.remotePort}|${row.localAddress}|${row.localPort}`);
    const peerPid = peer === undefined ? undefined : owners.get(peer.inode);
    out.push({ pid, remoteAddress: row.remoteAddress, remotePort: row.remotePort, ...(peerPid !== undefined ? { peerPid } : {}) });
  }
  return out;
}

/** Reads connections of watched processes from /proc. */
export class ProcConnections implements ConnectionPort {
  constructor(private readonly procRoot = '/proc') {}

  async established(pids: readonly number[]): Promise<readonly ProcessConnection[]> {
    if (pids.length === 0) return [];
    const owners = new Map<number, number>();
    for (const pid of pids) {
      const fds = await readdir(`${this.procRoot}/${pid}/fd`).catch(() => [] as string[]);
      for (const fd of fds) {
        const target = await readlink(`${this.procRoot}/${pid}/fd/${fd}`).catch(() => '');
        const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
        if (inode !== undefined) owners.set(Number(inode), pid);
      }
    }
    if (owners.size === 0) return [];
    const rows: ProcTcpRow[] = [];
    for (const file of ['tcp', 'tcp6']) {
      const text = await readFile(`${this.procRoot}/net/${file}`, 'utf8').catch(() => undefined);
      if (text !== undefined) rows.push(...parseProcNetTcp(text));
    }
    return pairConnections(rows, owners);
  }
}
