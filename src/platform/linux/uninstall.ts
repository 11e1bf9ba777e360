/**
 * Runs an uninstaller on Linux and removes autostart entries. Uninstall commands come from the
 * package manager or the catalog (e.g. `apt-get remove -y anydesk`), so they run through
 * `/bin/sh -c`; autostart files are quarantined (restorable), never deleted.
 */
import type { AutostartTarget, SystemActionResult, UninstallTarget } from '../../engine/ports/system-actions.js';
import { describeFailure, runCommand } from '../system-command.js';
import type { CommandRunner } from './network.js';
import type { FolderQuarantine } from '../folder-quarantine.js';

const defaultRun: CommandRunner = (file, args) => runCommand(file, args, { timeoutMs: 10 * 60_000 });

/** Runs the quiet uninstall command when there is one, else the plain one. */
export async function runLinuxUninstaller(target: UninstallTarget, run: CommandRunner = defaultRun): Promise<SystemActionResult> {
  const command = target.quietCommand ?? target.command;
  if (command.trim() === '') return { status: 'failed', detail: `No uninstall command for ${target.toolName}.` };
  try {
    const output = await run('/bin/sh', ['-c', command]);
    if (output.code === 0) return { status: 'done', detail: `Uninstalled ${target.toolName}.` };
    const text = `${output.stderr} ${output.stdout}`;
    if (/are you root|permission denied|not permitted|must be run as root/iu.test(text)) {
      return { status: 'needs-admin', detail: `Uninstalling ${target.toolName} needs administrator rights.` };
    }
    return { status: 'failed', detail: describeFailure(target.toolName, output) };
  } catch (error) {
    return { status: 'failed', detail: `Could not run the uninstaller of ${target.toolName}: ${String(error)}` };
  }
}

/** Quarantines an autostart file (.desktop), or disables a systemd user unit. */
export async function removeLinuxAutostart(target: AutostartTarget, quarantine: FolderQuarantine, run: CommandRunner = defaultRun): Promise<SystemActionResult> {
  if (target.source === 'systemd-user') {
    const output = await run('systemctl', ['--user', 'disable', '--now', target.name]);
    return output.code === 0 ? { status: 'done', detail: `Disabled ${target.name}.` } : { status: 'failed', detail: describeFailure('systemctl --user', output) };
  }
  if (target.source.startsWith('/')) return (await quarantine.quarantine(target.source, `autostart entry ${target.name}`)).result;
  return { status: 'failed', detail: `Do not know how to remove autostart entry from ${target.source}.` };
}
