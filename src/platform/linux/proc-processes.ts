/**
 * Processes as /proc shows them, identified by pid + start time (field 22 of `/proc/PID/stat`)
 * + executable (`/proc/PID/exe`), and signals sent only after the identity was read again.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import type { ProcessIdentity, ProcessRow } from '../../engine/ports/processes.js';
import { sameProcess } from '../../engine/watch/browser-tree.js';
import { parseProcStat } from './x11-parse.js';

/** The process listing the closer plans and signals through (a seam for fault tests). */
export interface ProcessTable {
  /** Every live process with its parent. */
  list(): ProcessRow[];
  /** Who runs as `pid` now; undefined when gone, a zombie, or its executable cannot be read. */
  identify(pid: number): ProcessIdentity | undefined;
  /** Sends a signal (the caller identified the process just before). Resolves once sent. */
  signal(pid: number, signal: NodeJS.Signals): Promise<void>;
}

function readRow(pid: number, procRoot: string): ProcessRow | undefined {
  let stat;
  try {
    stat = parseProcStat(readFileSync(`${procRoot}/${pid}/stat`, 'utf8'));
  } catch {
    return undefined; // gone
  }
  if (stat === undefined || stat.startTicks === undefined || stat.state === 'Z' || stat.state === 'X') return undefined;
  let image: string;
  try {
    // A browser updated while it runs shows " (deleted)": still the same program.
    image = readlinkSync(`${procRoot}/${pid}/exe`).replace(/ \(deleted\)$/u, '');
  } catch {
    return undefined; // kernel thread, another user's process, or gone: never identified, never signalled
  }
  // The exe link and the stat line are two reads: if the pid changed owner in between, the
  // start time read again differs and the row is dropped.
  try {
    const again = parseProcStat(readFileSync(`${procRoot}/${pid}/stat`, 'utf8'));
    if (again?.startTicks !== stat.startTicks) return undefined;
  } catch {
    return undefined;
  }
  return { pid, ppid: stat.ppid, startTime: stat.startTicks, image };
}

/** The real /proc. `procRoot` lets tests point at a recorded copy. */
export function procProcessTable(procRoot = '/proc'): ProcessTable {
  return {
    list() {
      const rows: ProcessRow[] = [];
      for (const name of readdirSync(procRoot)) {
        if (!/^\d+$/u.test(name)) continue;
        const row = readRow(Number(name), procRoot);
        if (row !== undefined) rows.push(row);
      }
      return rows;
    },
    identify(pid) {
      const row = readRow(pid, procRoot);
      return row === undefined ? undefined : { pid: row.pid, startTime: row.startTime, image: row.image };
    },
    signal(pid, signal) {
      process.kill(pid, signal);
      return Promise.resolve();
    },
  };
}

/** What became of a signal: sent, not needed (gone), or refused (the pid is another process now). */
export type Sent = 'sent' | 'gone' | { readonly changed: ProcessIdentity };

/** Signals `member` only if it is still that very process. */
export async function signalIfSame(table: ProcessTable, member: ProcessIdentity, signal: NodeJS.Signals): Promise<Sent> {
  const now = table.identify(member.pid);
  if (now === undefined) return 'gone';
  if (!sameProcess(member, now)) return { changed: now };
  try {
    await table.signal(member.pid, signal);
    return 'sent';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return 'gone';
    throw error;
  }
}

/** True once none of `members` is still that very process (ended, or its pid taken by another). */
export async function waitEnded(table: ProcessTable, members: readonly ProcessIdentity[], timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (members.every((member) => !sameProcess(member, table.identify(member.pid)))) return true;
    if (Date.now() > deadline) return false;
    await delay(50);
  }
}
