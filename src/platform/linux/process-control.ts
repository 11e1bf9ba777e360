/**
 * Stops a remote tool's process or service on Linux. The pid is checked against the program the
 * scanner saw (pids are reused), so nothing else is ever killed by mistake.
 */
import { readFile, readlink } from 'node:fs/promises';
import { basename } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ProcessTarget, SystemActionResult } from '../../engine/ports/system-actions.js';
import { describeFailure, runCommand } from '../system-command.js';
import type { CommandRunner } from './network.js';

/** Options for {@link stopLinuxProcess}. */
export interface StopProcessOptions {
  readonly procRoot?: string;
  /** How long to wait after SIGTERM before SIGKILL. */
  readonly graceMs?: number;
}

type ProcState = { alive: false } | { alive: true; exe?: string; comm?: string };

async function readProc(pid: number, procRoot: string): Promise<ProcState> {
  let stat: string;
  try {
    stat = await readFile(`${procRoot}/${pid}/stat`, 'utf8');
  } catch {
    return { alive: false };
  }
  // Field 3 (after the parenthesised name) is the state; Z = exited, waiting to be reaped.
  const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  if (state === 'Z' || state === 'X') return { alive: false };
  const exe = await readlink(`${procRoot}/${pid}/exe`).then(
    (link) => link.replace(/ \(deleted\)$/u, ''),
    () => undefined, // kernel threads and other users' processes hide it: fall back to comm
  );
  const comm = await readFile(`${procRoot}/${pid}/comm`, 'utf8').then(
    (text) => text.trim(),
    () => undefined,
  );
  return { alive: true, ...(exe === undefined ? {} : { exe }), ...(comm === undefined ? {} : { comm }) };
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

async function waitGone(pid: number, procRoot: string, ms: number): Promise<boolean> {
  for (let waited = 0; waited <= ms; waited += 100) {
    if (!(await readProc(pid, procRoot)).alive) return true;
    await sleep(100);
  }
  return false;
}

/** SIGTERM, then SIGKILL after the grace time; verifies the process is gone. */
export async function stopLinuxProcess(target: ProcessTarget, options: StopProcessOptions = {}): Promise<SystemActionResult> {
  const procRoot = options.procRoot ?? '/proc';
  const seen = await readProc(target.pid, procRoot);
  if (!seen.alive) return { status: 'not-needed', detail: `Process ${target.pid} has already ended.` };
  if (!sameProgram(target, seen)) {
    return { status: 'failed', detail: `Process ${target.pid} is now ${seen.exe ?? seen.comm ?? 'another program'}; left alone.` };
  }
  try {
    process.kill(target.pid, 'SIGTERM');
    if (await waitGone(target.pid, procRoot, options.graceMs ?? 3000)) return { status: 'done', detail: `Stopped ${target.name ?? seen.comm ?? target.pid}.` };
    process.kill(target.pid, 'SIGKILL');
    if (await waitGone(target.pid, procRoot, 3000)) return { status: 'done', detail: `Force-stopped ${target.name ?? seen.comm ?? target.pid}.` };
    return { status: 'failed', detail: `Process ${target.pid} did not end.` };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ESRCH') return { status: 'done', detail: `Process ${target.pid} ended.` };
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
