/**
 * The network journal on Windows: one PowerShell call lists the adapters, the default routes and
 * the DNS servers as JSON (netsh's tables are translated on Japanese Windows); the connected
 * Wi-Fi profiles come from `netsh wlan show interfaces`. Taken before the first change, so the
 * profile list is saved even if the disconnect never finishes.
 */
import type { NetworkSnapshot, RestoredItem } from '../../engine/ports/system-actions.js';
import { parseNetworkStatus } from './network.js';
import { powershell, type CommandLine } from './powershell.js';

/** Adapters, default routes and DNS servers as one JSON document. */
export function networkSnapshotCommand(): CommandLine {
  return powershell(
    [
      '$a = @(Get-NetAdapter -Physical | Select-Object Name, InterfaceDescription, Status, AdminStatus, MediaType)',
      '$r = @(Get-NetRoute -DestinationPrefix 0.0.0.0/0, ::/0 -ErrorAction SilentlyContinue | Select-Object DestinationPrefix, NextHop, InterfaceAlias)',
      '$d = @(Get-DnsClientServerAddress -ErrorAction SilentlyContinue | Where-Object { $_.ServerAddresses.Count -gt 0 } | Select-Object InterfaceAlias, ServerAddresses)',
      '[pscustomobject]@{ adapters = $a; defaultRoutes = $r.Count; routes = $r; dns = $d } | ConvertTo-Json -Compress -Depth 4',
    ].join('; '),
  );
}

/** ConvertTo-Json writes a one-element list as a bare object. */
function list(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value as Record<string, unknown>[];
  return value === undefined || value === null ? [] : [value as Record<string, unknown>];
}

/** Routes (`PREFIX via NEXTHOP if ALIAS`) and DNS servers (`ALIAS=ADDRESS`) from the JSON. */
export function parseRoutesAndDns(json: string): { routes: string[]; dns: string[] } {
  const parsed = JSON.parse(json) as { routes?: unknown; dns?: unknown };
  const routes = list(parsed.routes).flatMap((route) =>
    typeof route['DestinationPrefix'] === 'string' && typeof route['InterfaceAlias'] === 'string'
      ? [`${route['DestinationPrefix']} via ${String(route['NextHop'] ?? '')} if ${route['InterfaceAlias']}`]
      : [],
  );
  const dns = list(parsed.dns).flatMap((entry) =>
    typeof entry['InterfaceAlias'] === 'string' ? list(entry['ServerAddresses']).map((address) => `${String(entry['InterfaceAlias'])}=${String(address)}`) : [],
  );
  return { routes: [...new Set(routes)], dns: [...new Set(dns)] };
}

/** The snapshot from {@link networkSnapshotCommand}'s JSON and the connected Wi-Fi profiles. */
export function parseNetworkSnapshot(json: string, wifiProfiles: readonly string[], now: number): NetworkSnapshot {
  const { interfaces } = parseNetworkStatus(json);
  const { routes, dns } = parseRoutesAndDns(json);
  return { takenAt: now, interfaces: interfaces.filter((item) => item.up), routes, dns, wifiProfiles: [...wifiProfiles] };
}

/** Each saved item checked against what is there now. */
export function compareSnapshots(saved: NetworkSnapshot, now: NetworkSnapshot): RestoredItem[] {
  const up = new Set(now.interfaces.map((item) => item.name));
  return [
    ...saved.interfaces.map((item): RestoredItem => ({ kind: 'interface', name: item.name, back: up.has(item.name) })),
    ...saved.wifiProfiles.map((name): RestoredItem => ({ kind: 'wifi', name, back: now.wifiProfiles.includes(name) })),
    ...saved.routes.map((route): RestoredItem => ({ kind: 'route', name: route, back: now.routes.includes(route) })),
    ...saved.dns.map((server): RestoredItem => ({ kind: 'dns', name: server, back: now.dns.includes(server) })),
  ];
}
