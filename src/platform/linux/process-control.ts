/**
 * Stops a remote tool's process or service on Linux. The pid is checked against the program the
 * scanner saw (pids are reused), then the process is named by pid + start time + executable and
 * identified again right before each signal, the way the browser close does
 * (proc-processes.ts): a pid that ends during the grace time and is taken by another program,
 * or by a new start of the same one, is never signalled.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { ProcessTarget, SystemActionResult } from '../../engine/ports/system-actions.js';
import { describeFailure, runCommand } from '../system-command.js';
import type { CommandRunner } from './network.js';
import { parseProcStat } from './inventory-parse.js';
import { procProcessTable, signalIfSame, waitEnded, type ProcessTable } from './proc-processes.js';

/** Options for {@link stopLinuxProcess}. */
export interface StopProcessOptions {
  readonly procRoot?: string;
  /** The process table to identify and signal through (tests pass a scripted one). */
  readonly table?: ProcessTable;
  /** How long to wait after SIGTERM before SIGKILL. */
  readonly graceMs?: number;
  /** How long to wait after SIGKILL. */
  readonly killWaitMs?: number;
}

/** True when the running process is still the program the target describes. */
export function sameProgram(target: ProcessTarget, seen: { exe?: string; comm?: string }): boolean {
  if (target.path === undefined && target.name === undefined) return false;
  if (target.path !== undefined && seen.exe !== undefined && seen.exe === target.path) return true;
  const wanted = (target.name ?? basename(target.path ?? '')).toLowerCase();
  if (seen.exe !== undefined && basename(seen.exe).toLowerCase() === wanted) return true;
  // comm is the first 15 bytes of the name; it may also be the quarantined file's new name.
  return seen.comm !== undefined && seen.comm.toLowerCase() === wanted.slice(0, 15);
}

/** The process name (`comm`) and whether the pid runs at all (a zombie does not). */
function procStatus(pid: number, procRoot: string): { readonly alive: boolean; readonly comm?: string } {
  try {
    const stat = parseProcStat(readFileSync(`${procRoot}/${pid}/stat`, 'utf8'));
    if (stat === undefined || stat.state === 'Z' || stat.state === 'X') return { alive: false };
    return { alive: true, comm: stat.comm };
  } catch {
    return { alive: false };
  }
}

/** SIGTERM, then SIGKILL after the grace time, each only to the very process that was checked. */
export async function stopLinuxProcess(target: ProcessTarget, options: StopProcessOptions = {}): Promise<SystemActionResult> {
  const procRoot = options.procRoot ?? '/proc';
  const table = options.table ?? procProcessTable(procRoot);
  const status = procStatus(target.pid, procRoot);
  const seen = table.identify(target.pid);
  if (seen === undefined) {
    if (!status.alive) return { status: 'not-needed', detail: `Process ${target.pid} has already ended.` };
    // Running, but its executable cannot be read (another user's process): never guess.
    return { status: 'needs-admin', detail: `Stopping process ${target.pid} needs administrator rights.` };
  }
  if (!sameProgram(target, { exe: seen.image, ...(status.comm === undefined ? {} : { comm: status.comm }) })) {
    return { status: 'failed', detail: `Process ${target.pid} is now ${seen.image}; left alone.` };
  }
  const name = target.name ?? status.comm ?? basename(seen.image);
  try {
    const term = await signalIfSame(table, seen, 'SIGTERM');
    if (term !== 'sent') return { status: 'done', detail: `Process ${target.pid} ended.` };
    if (await waitEnded(table, [seen], options.graceMs ?? 3000)) return { status: 'done', detail: `Stopped ${name}.` };
    const kill = await signalIfSame(table, seen, 'SIGKILL');
    if (kill !== 'sent') return { status: 'done', detail: `Stopped ${name}.` };
    if (await waitEnded(table, [seen], options.killWaitMs ?? 3000)) return { status: 'done', detail: `Force-stopped ${name}.` };
    return { status: 'failed', detail: `Process ${target.pid} did not end.` };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EPERM') return { status: 'needs-admin', detail: `Stopping process ${target.pid} needs administrator rights.` };
    return { status: 'failed', detail: `Could not stop process ${target.pid}: ${String(error)}` };
  }
}

/** `systemctl stop` then `disable` (so it does not come back at boot). */
export async function stopSystemdService(name: string, run: CommandRunner = (f, a) => runCommand(f, a, { timeoutMs: 60_000 })): Promise<SystemActionResult> {
  if (!/^[\w@.:-]{1,200}$/u.test(name)) return { status: 'failed', detail: `Not a service name: ${name}` };
  const stop = await run('systemctl', ['stop', name]);
  const disable = stop.code === 0 ? await run('systemctl', ['disable', name]) : stop;
  const failed = stop.code !== 0 ? stop : disable;
  if (failed.code === 0) return { status: 'done', detail: `Stopped and disabled service ${name}.` };
  const text = `${failed.stderr} ${failed.stdout}`;
  if (/Access denied|Interactive authentication required|Permission denied/iu.test(text)) {
    return { status: 'needs-admin', detail: `Stopping service ${name} needs administrator rights.` };
  }
  if (/not loaded|does not exist|not found/iu.test(text)) return { status: 'not-needed', detail: `Service ${name} is not installed.` };
  return { status: 'failed', detail: describeFailure('systemctl', failed) };
}
