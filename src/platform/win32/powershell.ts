/**
 * PowerShell command builders for Windows system actions. Scripts are passed with
 * `-EncodedCommand` (UTF-16LE base64), so names with quotes or spaces never break the command
 * line; UAC elevation wraps a script in `Start-Process -Verb RunAs -Wait`.
 */

/** A program and its arguments, ready for spawn (no shell). */
export interface CommandLine {
  readonly file: string;
  readonly args: readonly string[];
}

/** Quotes a value as a PowerShell single-quoted string. */
export function psQuote(value: string): string {
  return `'${value.replace(/'/gu, "''")}'`;
}

/** `-EncodedCommand` payload for a script. */
export function encodeScript(script: string): string {
  return Buffer.from(script, 'utf16le').toString('base64');
}

/** Runs a script in a non-interactive PowerShell without elevation. */
export function powershell(script: string): CommandLine {
  return { file: 'powershell.exe', args: ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand', encodeScript(script)] };
}

/**
 * Runs a script elevated: the outer PowerShell shows the UAC prompt and waits; the inner one's
 * exit code is passed back. Declining the prompt makes Start-Process throw ("canceled by the
 * user"), which the outer script turns into exit code 1223 (ERROR_CANCELLED).
 */
export function elevatedPowershell(script: string): CommandLine {
  const inner = encodeScript(script);
  const outer = [
    '$ErrorActionPreference = "Stop"',
    'try {',
    `  $p = Start-Process -FilePath powershell.exe -Verb RunAs -Wait -PassThru -WindowStyle Hidden -ArgumentList '-NoProfile','-NonInteractive','-ExecutionPolicy','Bypass','-EncodedCommand','${inner}'`,
    '  exit $p.ExitCode',
    '} catch { exit 1223 }',
  ].join('\n');
  return powershell(outer);
}

/** Exit code of an elevated command whose UAC prompt was declined. */
export const UAC_DECLINED = 1223;
