/**
 * Who a Linux process is right now, read from /proc: start ticks (unique over pid reuse),
 * state letter and image (the `exe` link, else the name). Shared by the process watch and the
 * signal control so both compare identities the same way.
 */
import { readFile, readlink } from 'node:fs/promises';
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

/** Reads one process; undefined when it is gone (or was never there). */
export async function readProcNow(pid: number, procRoot = '/proc'): Promise<ProcNow | undefined> {
  const stat = parseProcStat(await readFile(`${procRoot}/${pid}/stat`, 'utf8').catch(() => ''));
  if (stat === undefined) return undefined;
  const exe = await readlink(`${procRoot}/${pid}/exe`).then(
    (link) => link.replace(/ \(deleted\)$/u, ''),
    () => undefined, // kernel threads and other users' processes hide it
  );
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
