/**
 * Uninstall command lines on Windows. The Uninstall key's `QuietUninstallString` is used when
 * present; MSI products become `MsiExec.exe /X{GUID} /qn /norestart`; known installers get
 * their silent switch (AnyDesk `--remove`, NSIS `/S`, Inno Setup `/VERYSILENT`).
 */
import { elevatedPowershell, psQuote, type CommandLine } from './powershell.js';

/** What will run, and whether it is the quiet (no questions) form. */
export interface UninstallPlan extends CommandLine {
  readonly quiet: boolean;
}

/** Splits a Windows command line into the program and its argument string. */
export function splitCommandLine(commandLine: string): { file: string; rest: string } {
  const text = commandLine.trim();
  if (text.startsWith('"')) {
    const end = text.indexOf('"', 1);
    if (end > 0) return { file: text.slice(1, end), rest: text.slice(end + 1).trim() };
  }
  // Unquoted paths with spaces are common in Uninstall keys: cut after the first ".exe".
  const exe = /^(.+?\.exe)(?=\s|$)/iu.exec(text);
  if (exe?.[1] !== undefined) return { file: exe[1], rest: text.slice(exe[1].length).trim() };
  const space = text.indexOf(' ');
  return space < 0 ? { file: text, rest: '' } : { file: text.slice(0, space), rest: text.slice(space + 1).trim() };
}

/** Splits an argument string on spaces outside double quotes (quotes removed). */
export function splitArguments(rest: string): string[] {
  return [...rest.matchAll(/"([^"]*)"|(\S+)/gu)].map((match) => match[1] ?? match[2] ?? '').filter((arg) => arg !== '');
}

const MSI = /msiexec(?:\.exe)?$/iu;
const GUID = /\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}/iu;

/** Chooses the command line to uninstall a program. */
export function buildUninstallCommand(target: { readonly command: string; readonly quietCommand?: string }): UninstallPlan {
  if (target.quietCommand !== undefined && target.quietCommand.trim() !== '') {
    const { file, rest } = splitCommandLine(target.quietCommand);
    return { file, args: splitArguments(rest), quiet: true };
  }
  const { file, rest } = splitCommandLine(target.command);
  const guid = GUID.exec(rest)?.[0];
  if (MSI.test(file) && guid !== undefined) return { file: 'MsiExec.exe', args: [`/X${guid.toUpperCase()}`, '/qn', '/norestart'], quiet: true };
  const args = splitArguments(rest);
  const base = file.split(/[\\/]/u).pop()?.toLowerCase() ?? '';
  if (base === 'anydesk.exe') return { file, args: ['--remove'], quiet: true };
  if (/^unins\d{3}\.exe$/u.test(base)) return { file, args: [...args, '/VERYSILENT', '/SUPPRESSMSGBOXES', '/NORESTART'], quiet: true };
  if (/^(uninstall|uninst|uninstaller)\.exe$/u.test(base) && !args.some((arg) => /^\/S$/iu.test(arg))) return { file, args: [...args, '/S'], quiet: true };
  return { file, args, quiet: args.some((arg) => /^(\/S|\/quiet|\/qn|\/silent|\/verysilent|--silent)$/iu.test(arg)) };
}

/** Runs the plan elevated (most uninstallers need admin rights), waiting for it to finish. */
export function elevatedUninstallCommand(plan: CommandLine): CommandLine {
  const args = plan.args.length === 0 ? '' : ` -ArgumentList ${plan.args.map(psQuote).join(',')}`;
  return elevatedPowershell(`$p = Start-Process -FilePath ${psQuote(plan.file)}${args} -Wait -PassThru; exit $p.ExitCode`);
}

/** Backs up and deletes one Run-key value (`reg export` first, so it can be put back). */
export function runKeyRemovalCommands(key: string, valueName: string, backupFile: string): { backup: CommandLine; remove: CommandLine; needsAdmin: boolean } {
  return {
    backup: { file: 'reg', args: ['export', key, backupFile, '/y'] },
    remove: { file: 'reg', args: ['delete', key, '/v', valueName, '/f'] },
    needsAdmin: /^(HKLM|HKEY_LOCAL_MACHINE)\\/iu.test(key),
  };
}
