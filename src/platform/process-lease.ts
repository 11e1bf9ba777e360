/**
 * Who holds an outbox lease: this process's pid plus its start time, so a lease can be taken
 * over at once when its holder is gone, and a new process that got the same pid is not
 * mistaken for the holder. Start time comes from /proc where there is one (Linux); elsewhere
 * it is empty and only the pid is checked.
 */
import { readFileSync } from 'node:fs';
import type { LeaseOwner } from '../engine/ports/notify.js';

/** Field 22 of /proc/PID/stat (start time in clock ticks since boot), or '' when unreadable. */
export function processStartToken(pid: number, procRoot = '/proc'): string {
  let stat: string;
  try {
    stat = readFileSync(`${procRoot}/${pid}/stat`, 'utf8');
  } catch {
    return ''; // no /proc (Windows) or the process is gone
  }
  // The command name (field 2) may hold spaces and parentheses: count from the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[19] ?? '';
}

/** This process as a lease holder. */
export function currentLeaseOwner(): LeaseOwner {
  return { pid: process.pid, started: processStartToken(process.pid) };
}

/** True while the lease holder still runs (same pid and, where known, the same start time). */
export function leaseOwnerAlive(owner: LeaseOwner, procRoot = '/proc'): boolean {
  if (owner.started !== '') {
    const now = processStartToken(owner.pid, procRoot);
    if (now !== '') return now === owner.started;
  }
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else. Only ESRCH means it is gone.
    return (error as { code?: unknown }).code !== 'ESRCH';
  }
}
