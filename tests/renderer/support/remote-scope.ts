/**
 * The real Linux live remote-access adapters (/proc watch, SIGSTOP/SIGCONT/SIGTERM with
 * re-identification, session-log tail, /proc connections), told to see only processes whose
 * program lies in this test's own folder: the watch then never pauses another engineer's
 * stand-ins on this shared machine. Plus stand-in tools: a copy of /bin/sleep named like the tool.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RemoteLivePorts } from '../../../src/engine/ports/remote-live.js';
import { createRemoteLivePorts } from '../../../src/platform/index.js';

/** The live adapters limited to programs under `folder`. */
export async function scopedRemoteLive(folder: string, home: string): Promise<RemoteLivePorts> {
  const real = await createRemoteLivePorts({ env: { ...process.env, HOME: home } });
  return {
    ...real,
    processes: {
      poll: async () => (await real.processes.poll()).filter((started) => started.path?.startsWith(folder) === true),
      alive: (identities) => real.processes.alive(identities),
    },
  };
}

/** Starts a copy of /bin/sleep named `name` in `folder` (e.g. ~/Downloads/AnyDesk). */
export function startStandIn(folder: string, name: string): ChildProcess {
  mkdirSync(folder, { recursive: true });
  const program = join(folder, name);
  copyFileSync('/bin/sleep', program);
  return spawn(program, ['600'], { stdio: 'ignore' });
}

/** The process state letter in /proc (`T` = stopped), or `gone`. */
export function procState(pid: number | undefined): string {
  if (pid === undefined) return 'gone';
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state === 'Z' || state === 'X' ? 'gone' : state;
  } catch {
    return 'gone';
  }
}
