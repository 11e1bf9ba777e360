/**
 * Network off/on on Windows. Without elevation only `netsh wlan disconnect` works (Wi-Fi);
 * turning adapters off needs `Disable-NetAdapter` behind a UAC prompt. Status comes from
 * `Get-NetAdapter`/`Get-NetRoute` as JSON (netsh's table is translated on Japanese Windows).
 */
import type { NetworkInterfaceState } from '../../engine/ports/system-actions.js';
import { elevatedPowershell, powershell, psQuote, type CommandLine } from './powershell.js';

/** Lists physical adapters and whether a default route exists, as one JSON document. */
export function networkStatusCommand(): CommandLine {
  return powershell(
    [
      '$a = @(Get-NetAdapter -Physical | Select-Object Name, InterfaceDescription, Status, AdminStatus, MediaType)',
      '$r = @(Get-NetRoute -DestinationPrefix 0.0.0.0/0, ::/0 -ErrorAction SilentlyContinue).Count',
      '[pscustomobject]@{ adapters = $a; defaultRoutes = $r } | ConvertTo-Json -Compress -Depth 3',
    ].join('; '),
  );
}

/** Parsed output of {@link networkStatusCommand}. */
export function parseNetworkStatus(json: string): { interfaces: NetworkInterfaceState[]; defaultRoute: boolean } {
  const parsed = JSON.parse(json) as { adapters?: unknown; defaultRoutes?: unknown };
  // ConvertTo-Json writes a single adapter as an object, not a one-element list.
  const adapters = Array.isArray(parsed.adapters) ? parsed.adapters : parsed.adapters === undefined || parsed.adapters === null ? [] : [parsed.adapters];
  const interfaces: NetworkInterfaceState[] = [];
  for (const adapter of adapters as Record<string, unknown>[]) {
    if (typeof adapter['Name'] !== 'string') continue;
    const media = `${String(adapter['MediaType'] ?? '')} ${String(adapter['InterfaceDescription'] ?? '')}`;
    const admin = adapter['AdminStatus'];
    // AdminStatus is "Up"/"Down" in Windows PowerShell 5 (or 1/2 as numbers in some hosts).
    const up = admin === 'Up' || admin === 1;
    interfaces.push({ name: adapter['Name'], up, kind: /802\.11|wireless|wi-?fi/iu.test(media) ? 'wireless' : /802\.3|ethernet/iu.test(media) ? 'wired' : 'other' });
  }
  return { interfaces, defaultRoute: typeof parsed.defaultRoutes === 'number' && parsed.defaultRoutes > 0 };
}

/** Disconnects Wi-Fi without admin rights (the adapter stays enabled). */
export function wlanDisconnectCommand(): CommandLine {
  return { file: 'netsh', args: ['wlan', 'disconnect'] };
}

/** Turns adapters off; needs elevation (UAC). */
export function disableAdaptersCommand(names: readonly string[]): CommandLine {
  return elevatedPowershell(`Disable-NetAdapter -Name ${names.map(psQuote).join(',')} -Confirm:$false`);
}

/** Turns adapters back on; needs elevation (UAC). */
export function enableAdaptersCommand(names: readonly string[]): CommandLine {
  return elevatedPowershell(`Enable-NetAdapter -Name ${names.map(psQuote).join(',')} -Confirm:$false`);
}

/** The same with netsh, for systems without the NetAdapter module (Windows 7). */
export function netshSetInterfaceCommand(name: string, enabled: boolean): CommandLine {
  return elevatedPowershell(`netsh interface set interface name=${psQuote(name).replace(/^'|'$/gu, '"')} admin=${enabled ? 'enabled' : 'disabled'}; exit $LASTEXITCODE`);
}

/** Reconnects Wi-Fi to a saved profile (after `netsh wlan disconnect`). */
export function wlanConnectCommand(profile: string): CommandLine {
  return { file: 'netsh', args: ['wlan', 'connect', `name=${profile}`] };
}

/** Lists the Wi-Fi interfaces and their connected profile (`netsh wlan show interfaces`). */
export function wlanInterfacesCommand(): CommandLine {
  return { file: 'netsh', args: ['wlan', 'show', 'interfaces'] };
}

/** Connected Wi-Fi profile names from `netsh wlan show interfaces` (English or Japanese Windows). */
export function parseWlanProfiles(text: string): string[] {
  const profiles: string[] = [];
  for (const match of text.matchAll(/^\s*(?:Profile|プロファイル)\s*:\s*(.+?)\s*$/gmu)) {
    const name = match[1];
    if (name !== undefined && name !== '' && !profiles.includes(name)) profiles.push(name);
  }
  return profiles;
}

/** Prefix marking a Wi-Fi profile (not an adapter) in a disconnect's `disabled` list. */
export const WLAN_PREFIX = 'wlan:';
