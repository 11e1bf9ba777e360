/**
 * Stopping a remote tool on Windows: `taskkill` by pid (polite, then /F) after checking the
 * image name with `tasklist`, and services via `Stop-Service` + `Set-Service -StartupType
 * Disabled` behind UAC.
 */
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
