/**
 * The Windows {@link SystemActions}: thin spawners around the command builders in this folder.
 * Elevated steps show a UAC prompt only when the wizard passes `elevate: true`.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { NetworkSnapshot, SystemActionResult, SystemActions } from '../../engine/ports/system-actions.js';
import { compareSnapshots, networkSnapshotCommand, parseNetworkSnapshot } from './network-snapshot.js';
import { describeFailure, runCommand, type CommandOutput } from '../system-command.js';
import {
  disableAdaptersCommand,
  enableAdaptersCommand,
  networkStatusCommand,
  parseNetworkStatus,
  parseWlanProfiles,
  WLAN_PREFIX,
  wlanConnectCommand,
  wlanDisconnectCommand,
  wlanInterfacesCommand,
} from './network.js';
import { UAC_DECLINED, type CommandLine } from './powershell.js';
import { stopServiceCommand, stopWin32Process } from './process-control.js';
import { createWin32Quarantine } from './quarantine.js';
import { win32 } from './win32-api.js';
import { buildUninstallCommand, elevatedUninstallCommand, runKeyRemovalCommands } from './uninstall.js';

const run = (command: CommandLine, timeoutMs = 60_000): Promise<CommandOutput> => runCommand(command.file, command.args, { timeoutMs });

function fromExit(output: CommandOutput, what: string, done: string): SystemActionResult {
  if (output.code === 0) return { status: 'done', detail: done };
  if (output.code === UAC_DECLINED) return { status: 'needs-admin', detail: `${what}: the administrator prompt was declined.` };
  return { status: 'failed', detail: describeFailure(what, output) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Builds the Windows adapter. */
export function createWin32SystemActions(options: { readonly dataHome: string }): SystemActions {
  const quarantine = createWin32Quarantine(options.dataHome);
  const status = async () => {
    const output = await run(networkStatusCommand());
    const parsed = parseNetworkStatus(output.stdout.trim() || '{}');
    return { ...parsed, online: parsed.defaultRoute && parsed.interfaces.some((item) => item.up), method: 'Get-NetAdapter' };
  };
  const guard = async (what: string, action: () => Promise<SystemActionResult>): Promise<SystemActionResult> => {
    try {
      return await action();
    } catch (error) {
      return { status: 'failed', detail: `${what}: ${String(error)}` };
    }
  };
  const snapshot = async (): Promise<NetworkSnapshot> => {
    const output = await run(networkSnapshotCommand());
    const profiles = parseWlanProfiles((await run(wlanInterfacesCommand())).stdout);
    return parseNetworkSnapshot(output.stdout.trim() || '{}', profiles, Date.now());
  };
  return {
    networkStatus: status,
    networkSnapshot: snapshot,
    async disconnectNetwork({ elevate, snapshot: saved }) {
      try {
        const before = await status();
        const up = before.interfaces.filter((item) => item.up).map((item) => item.name);
        if (up.length === 0) return { status: 'not-needed', detail: 'Already offline.', disabled: [] };
        if (!elevate) {
          // The journal already holds the Wi-Fi profiles (saved before this); read them only without one.
          const names = saved?.wifiProfiles ?? parseWlanProfiles((await run(wlanInterfacesCommand())).stdout);
          const profiles = names.map((name) => `${WLAN_PREFIX}${name}`);
          await run(wlanDisconnectCommand());
          const after = await status();
          if (!after.online) return { status: 'done', detail: 'Wi-Fi disconnected.', disabled: profiles };
          return { status: 'needs-admin', detail: 'Wi-Fi is off, but a cable connection needs administrator rights (or unplug the LAN cable).' };
        }
        const result = fromExit(await run(disableAdaptersCommand(up), 120_000), 'Disable-NetAdapter', `Turned off ${up.join(', ')}.`);
        if (result.status !== 'done') return result;
        const after = await status();
        return after.online ? { status: 'failed', detail: 'Adapters still report a connection.' } : { ...result, disabled: up };
      } catch (error) {
        return { status: 'failed', detail: `Could not turn the network off: ${String(error)}` };
      }
    },
    reconnectNetwork: ({ interfaces, elevate }) =>
      guard('Enable-NetAdapter', async () => {
        const known = interfaces ?? (await status()).interfaces.filter((item) => !item.up).map((item) => item.name);
        const profiles = known.filter((name) => name.startsWith(WLAN_PREFIX)).map((name) => name.slice(WLAN_PREFIX.length));
        const names = known.filter((name) => !name.startsWith(WLAN_PREFIX));
        for (const profile of profiles) await run(wlanConnectCommand(profile));
        if (names.length > 0) {
          if (!elevate) return { status: 'needs-admin', detail: `Turning ${names.join(', ')} back on needs administrator permission.` };
          const result = fromExit(await run(enableAdaptersCommand(names), 120_000), 'Enable-NetAdapter', `Turned on ${names.join(', ')}.`);
          if (result.status !== 'done') return result;
        }
        // DHCP takes a few seconds after the adapter comes back.
        for (let attempt = 0; attempt < 15; attempt += 1) {
          if ((await status()).online) return { status: 'done', detail: 'Back online.' };
          await sleep(1000);
        }
        return { status: 'failed', detail: 'Adapters are on but there is no route to the internet yet.' };
      }),
    restoreNetwork: async (saved, { elevate }) => {
      try {
        for (const profile of saved.wifiProfiles) await run(wlanConnectCommand(profile));
        const current = await status();
        const down = saved.interfaces.filter((item) => !current.interfaces.some((now) => now.name === item.name && now.up)).map((item) => item.name);
        if (down.length > 0 && elevate) await run(enableAdaptersCommand(down), 120_000);
        // DHCP and Wi-Fi association take a few seconds: check again until all is back (15 s at most).
        let items = compareSnapshots(saved, await snapshot());
        for (let attempt = 0; attempt < 15 && items.some((item) => !item.back); attempt += 1) {
          await sleep(1000);
          items = compareSnapshots(saved, await snapshot());
        }
        const missing = items.filter((item) => !item.back);
        if (missing.length === 0) return { status: 'done', detail: 'Back online.', items };
        const adaptersDown = missing.some((item) => item.kind === 'interface');
        if (adaptersDown && !elevate) return { status: 'needs-admin', detail: `Turning ${down.join(', ')} back on needs administrator permission.`, items };
        return { status: 'failed', detail: `Not back: ${missing.map((item) => item.name).join(', ')}.`, items };
      } catch (error) {
        return { status: 'failed', detail: `Could not turn the network back on: ${String(error)}`, items: [] };
      }
    },
    stopProcess: (target) => guard('stop process', async () => stopWin32Process(target, await win32('kernel32'), (command) => run(command, 15_000))),
    stopService: (name, { elevate }) =>
      guard('Stop-Service', async () => {
        // Services are machine-wide: without the user's yes to the UAC prompt there is nothing to try.
        if (!elevate) return { status: 'needs-admin', detail: `Stopping the service "${name}" needs administrator permission.` };
        return fromExit(await run(stopServiceCommand(name), 120_000), 'Stop-Service', `Stopped and disabled ${name}.`);
      }),
    runUninstaller: (target, { elevate }) =>
      guard('uninstall', async () => {
        const plan = buildUninstallCommand(target);
        const command = elevate ? elevatedUninstallCommand(plan) : plan;
        return fromExit(await run(command, 15 * 60_000), target.toolName, `Uninstalled ${target.toolName}.`);
      }),
    quarantine: (path, reason) => quarantine.quarantine(path, reason),
    restore: (id) => quarantine.restore(id),
    listQuarantine: () => quarantine.list(),
    removeAutostart: (target) =>
      guard('autostart', async () => {
        if (!/^(HK[A-Z_]+)\\/iu.test(target.source)) return (await quarantine.quarantine(target.source, `autostart entry ${target.name}`)).result;
        await mkdir(join(options.dataHome, 'quarantine'), { recursive: true });
        const backupFile = join(options.dataHome, 'quarantine', `run-key-${Date.now()}.reg`);
        const commands = runKeyRemovalCommands(target.source, target.name, backupFile);
        const backup = await run(commands.backup);
        if (backup.code !== 0) return { status: 'failed', detail: describeFailure('reg export', backup) };
        return fromExit(await run(commands.remove), 'reg delete', `Removed ${target.name} from ${target.source} (backup ${backupFile}).`);
      }),
  };
}
