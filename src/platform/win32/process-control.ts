/**
 * Stopping a remote tool on Windows: the pid's image path is checked through kernel32
 * (QueryFullProcessImageNameW; pids are reused) and the process identified again (creation time
 * + image) before each step, then `taskkill` asks it to close and TerminateProcess ends it if it
 * does not. Services go through `Stop-Service` +
 * `Set-Service -StartupType Disabled` behind UAC.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { ProcessIdentity } from '../../engine/ports/processes.js';
import type { ProcessTarget, SystemActionResult } from '../../engine/ports/system-actions.js';
import { sameProcess } from '../../engine/watch/browser-tree.js';
import type { CommandOutput } from '../system-command.js';
import type { Kernel32 } from './kernel32.js';
import { elevatedPowershell, psQuote, type CommandLine } from './powershell.js';

/** `taskkill /PID n` (asks the program to close) or with `/F` (forced). */
export function taskkillCommand(pid: number, force: boolean): CommandLine {
  return { file: 'taskkill', args: ['/PID', String(pid), ...(force ? ['/F'] : [])] };
}

/** `tasklist` row for one pid, as CSV without header. */
export function tasklistCommand(pid: number): CommandLine {
  return { file: 'tasklist', args: ['/FI', `PID eq ${pid}`, '/FO', 'CSV', '/NH'] };
}

/** The image name from `tasklist /FO CSV /NH` output, or undefined when the pid is not running. */
export function parseTasklistImage(csv: string, pid: number): string | undefined {
  for (const line of csv.split(/\r?\n/u)) {
    const cells = [...line.matchAll(/"((?:[^"]|"")*)"/gu)].map((match) => (match[1] ?? '').replace(/""/gu, '"'));
    if (cells.length >= 2 && cells[1] === String(pid)) return cells[0];
  }
  return undefined;
}

/** Stops a service (by name or display name) and keeps it from starting again; elevated. */
export function stopServiceCommand(name: string): CommandLine {
  // The scanner may know only the display name ("AnyDesk Service"): try the name, then that.
  return elevatedPowershell(
    [
      `$s = Get-Service -Name ${psQuote(name)} -ErrorAction SilentlyContinue`,
      `if (-not $s) { $s = Get-Service -DisplayName ${psQuote(name)} -ErrorAction Stop }`,
      'Stop-Service -InputObject $s -Force -ErrorAction Stop',
      'Set-Service -Name $s.Name -StartupType Disabled -ErrorAction Stop',
    ].join('; '),
  );
}

/** The file name of a Windows path, lower-cased. */
const fileNameOf = (path: string): string => (path.split(/[\\/]/u).pop() ?? path).toLowerCase();

/** True when the running image is the program the scan saw (same path, or same file name). */
export function sameWin32Program(target: ProcessTarget, imagePath: string): boolean {
  if (target.path !== undefined && target.path.toLowerCase() === imagePath.toLowerCase()) return true;
  const wanted = target.name ?? (target.path === undefined ? undefined : fileNameOf(target.path));
  return wanted !== undefined && fileNameOf(imagePath) === wanted.toLowerCase();
}

/** True once `seen` is no longer running (ended, or its pid taken by another process). */
async function waitGone(seen: ProcessIdentity, kernel32: Pick<Kernel32, 'identity'>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    const now = kernel32.identity(seen.pid);
    if (!sameProcess(seen, now === undefined ? undefined : { pid: seen.pid, ...now })) return true;
    if (Date.now() >= deadline) return false;
    await sleep(50);
  }
}

/**
 * Checks the image, asks politely (`taskkill /PID`), then TerminateProcess; verifies the end.
 * The process is named by pid + creation time + image when it is checked, and identified again
 * right before each request (TerminateProcess through the very handle it checks), so a pid that
 * another process took meanwhile is never ended.
 */
export async function stopWin32Process(
  target: ProcessTarget,
  kernel32: Pick<Kernel32, 'identity' | 'isAlive' | 'terminateIfSame'>,
  run: (command: CommandLine) => Promise<CommandOutput>,
  graceMs = 3000,
): Promise<SystemActionResult> {
  const found = kernel32.identity(target.pid);
  if (found === undefined) {
    // Gone, or a process we may not open (another user's, protected): never guess.
    return kernel32.isAlive(target.pid) === true
      ? { status: 'needs-admin', detail: `Process ${target.pid} can only be stopped with administrator permission.` }
      : { status: 'not-needed', detail: `Process ${target.pid} is not running.` };
  }
  const seen: ProcessIdentity = { pid: target.pid, ...found };
  const name = fileNameOf(seen.image);
  if (!sameWin32Program(target, seen.image)) return { status: 'failed', detail: `Process ${target.pid} is now ${seen.image}; left alone.` };
  // The polite request is worth a try, not a wait: if taskkill fails or hangs (seen under Wine
  // on a busy machine), the forced end below still runs on the re-identified process.
  await run(taskkillCommand(target.pid, false)).catch(() => undefined);
  if (await waitGone(seen, kernel32, graceMs)) return { status: 'done', detail: `Stopped ${name}.` };
  const ended = kernel32.terminateIfSame(seen, 1);
  if (ended.result === 'gone' || ended.result === 'changed') return { status: 'done', detail: `Stopped ${name}.` };
  if (ended.result === 'terminated' && (await waitGone(seen, kernel32, 5000))) return { status: 'done', detail: `Force-stopped ${name}.` };
  return { status: 'needs-admin', detail: `${name} (process ${target.pid}) did not end; it may run as administrator.` };
}
