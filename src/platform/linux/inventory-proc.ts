/**
 * Processes and TCP connections from /proc: each process with its executable path
 * (`/proc/PID/exe`, unreadable for other users' processes: then only the name), and established
 * TCP sockets mapped to their process through the socket inodes in `/proc/PID/fd`.
 */
import { readdir, readFile, readlink } from 'node:fs/promises';
import type { NetConnection, ProcessEntry } from '../../engine/ports/inventory.js';
import { parseProcNetTcp, parseProcStat, type ProcTcpRow } from './inventory-parse.js';

const CLOCK_TICKS = 100; // USER_HZ on every mainstream Linux build
const MAX_CMDLINE = 2_000;

async function bootTimeMs(proc: string): Promise<number | undefined> {
  const stat = await readFile(`${proc}/stat`, 'utf8').catch(() => '');
  const btime = /^btime (\d+)$/m.exec(stat)?.[1];
  return btime === undefined ? undefined : Number(btime) * 1000;
}

async function pids(proc: string): Promise<number[]> {
  const names = await readdir(proc);
  return names.filter((n) => /^\d+$/.test(n)).map(Number);
}

/** Lists processes. Throws only when /proc itself cannot be read. */
export async function listProcesses(proc = '/proc'): Promise<ProcessEntry[]> {
  const boot = await bootTimeMs(proc);
  const out: ProcessEntry[] = [];
  for (const pid of await pids(proc)) {
    const base = `${proc}/${pid}`;
    // A process may exit between readdir and these reads: skip it quietly, that is not an error.
    const comm = (await readFile(`${base}/comm`, 'utf8').catch(() => undefined))?.trim();
    if (comm === undefined) continue;
    const exe = await readlink(`${base}/exe`).catch(() => undefined);
    const path = exe?.replace(/ \(deleted\)$/, '');
    const cmdline = (await readFile(`${base}/cmdline`, 'utf8').catch(() => '')).slice(0, MAX_CMDLINE).replace(/\0/g, ' ').trim();
    const stat = parseProcStat(await readFile(`${base}/stat`, 'utf8').catch(() => ''));
    const name = path !== undefined ? (path.split('/').pop() ?? comm) : comm;
    out.push({
      pid,
      name,
      ...(path !== undefined ? { path } : {}),
      ...(stat !== undefined ? { ppid: stat.ppid } : {}),
      ...(cmdline !== '' ? { commandLine: cmdline } : {}),
      ...(stat !== undefined && boot !== undefined ? { startedAt: new Date(boot + (stat.startTicks / CLOCK_TICKS) * 1000).toISOString() } : {}),
    });
  }
  return out;
}

/** Socket inode → owning pid, for the inodes asked about (stops early when all are found). */
async function socketOwners(proc: string, wanted: Set<number>): Promise<Map<number, number>> {
  const owners = new Map<number, number>();
  if (wanted.size === 0) return owners;
  for (const pid of await pids(proc)) {
    const fds = await readdir(`${proc}/${pid}/fd`).catch(() => [] as string[]);
    for (const fd of fds) {
      const target = await readlink(`${proc}/${pid}/fd/${fd}`).catch(() => '');
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode !== undefined && wanted.has(Number(inode))) owners.set(Number(inode), pid);
    }
    if (owners.size === wanted.size) break;
  }
  return owners;
}

/** Established TCP connections (IPv4 and IPv6) with their pid when it can be seen. */
export async function listConnections(proc = '/proc'): Promise<NetConnection[]> {
  const rows: ProcTcpRow[] = [];
  let readAny = false;
  for (const file of ['tcp', 'tcp6']) {
    const text = await readFile(`${proc}/net/${file}`, 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    readAny = true;
    rows.push(...parseProcNetTcp(text).filter((r) => r.state === 'ESTABLISHED'));
  }
  if (!readAny) throw new Error(`cannot read ${proc}/net/tcp`);
  const owners = await socketOwners(proc, new Set(rows.map((r) => r.inode).filter((i) => i > 0)));
  return rows.map((r) => {
    const pid = owners.get(r.inode);
    return { localAddress: r.localAddress, remoteAddress: r.remoteAddress, remotePort: r.remotePort, state: r.state, ...(pid !== undefined ? { pid } : {}) };
  });
}
