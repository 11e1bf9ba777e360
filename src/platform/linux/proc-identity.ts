/**
 * Who a Linux process is right now, read from /proc: start ticks (unique over pid reuse),
 * state letter and image (the `exe` link, else the name). Shared by the process watch and the
 * signal control so both compare identities the same way.
 */
import { readFileSync, readlinkSync } from 'node:fs';
import type { ProcessIdentity } from '../../engine/ports/remote-live.js';
import { parseProcStat } from './inventory-parse.js';

/** A process as /proc shows it now. */
export interface ProcNow {
  readonly identity: ProcessIdentity;
  readonly comm: string;
  readonly state: string;
  readonly ppid: number;
  /** The executable path when readable (not for kernel threads or other users' processes). */
  readonly exe?: string;
}

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return ''; // the process ended
  }
}

/** The program a process runs (its `exe` link), or undefined when it cannot be read. */
export function exeOf(path: string): string | undefined {
  try {
    return readlinkSync(path).replace(/ \(deleted\)$/u, '');
  } catch {
    return undefined; // kernel threads and other users' processes hide it
  }
}

/**
 * Reads one process; undefined when it is gone (or was never there). Synchronous on purpose:
 * /proc files are generated in memory (a few µs), while each asynchronous read costs a thread
 * pool round trip that made the idle watch several times dearer.
 */
export function readProcNow(pid: number, procRoot = '/proc'): ProcNow | undefined {
  const stat = parseProcStat(readOrEmpty(`${procRoot}/${pid}/stat`));
  if (stat === undefined) return undefined;
  const exe = exeOf(`${procRoot}/${pid}/exe`);
  return {
    identity: { pid, start: String(stat.startTicks), image: exe ?? stat.comm },
    comm: stat.comm,
    state: stat.state,
    ppid: stat.ppid,
    ...(exe !== undefined ? { exe } : {}),
  };
}

/** Same process: same pid, start ticks and image. */
export function sameIdentity(a: ProcessIdentity, b: ProcessIdentity): boolean {
  return a.pid === b.pid && a.start === b.start && a.image === b.image;
}

/** Exited or exiting (a zombie waits only for its parent to collect it). */
export function isGoneState(state: string): boolean {
  return state === 'Z' || state === 'X' || state === 'x';
}
