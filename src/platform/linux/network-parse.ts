/** Pure parsers for the Linux network adapter: `ip -j link/route` output and resolv.conf. */
import type { NetworkInterfaceState } from '../../engine/ports/system-actions.js';

interface IpLink {
  ifname?: unknown;
  flags?: unknown;
  link_type?: unknown;
}

/** Parses `ip -j link show`: every non-loopback interface with its admin state. */
export function parseIpLinks(json: string): NetworkInterfaceState[] {
  const parsed: unknown = JSON.parse(json === '' ? '[]' : json);
  if (!Array.isArray(parsed)) throw new Error('ip -j link: not a list');
  const result: NetworkInterfaceState[] = [];
  for (const item of parsed as IpLink[]) {
    if (typeof item.ifname !== 'string' || item.link_type === 'loopback') continue;
    const flags = Array.isArray(item.flags) ? (item.flags as unknown[]) : [];
    result.push({ name: item.ifname, up: flags.includes('UP'), kind: item.ifname.startsWith('wl') ? 'wireless' : item.link_type === 'ether' ? 'wired' : 'other' });
  }
  return result;
}

/** Parses `ip -j route show default` into `ip route add` argument lists. */
export function parseDefaultRoutes(json: string): string[][] {
  const parsed: unknown = JSON.parse(json === '' ? '[]' : json);
  if (!Array.isArray(parsed)) throw new Error('ip -j route: not a list');
  const routes: string[][] = [];
  for (const route of parsed as Record<string, unknown>[]) {
    if (route['dst'] !== 'default' || typeof route['dev'] !== 'string') continue;
    const args = ['default'];
    if (typeof route['gateway'] === 'string') args.push('via', route['gateway']);
    args.push('dev', route['dev']);
    if (typeof route['metric'] === 'number') args.push('metric', String(route['metric']));
    routes.push(args);
  }
  return routes;
}

/**
 * Parses `ip -j route show` (main table) into `ip route replace` argument strings, the same text
 * for the same route whether the link is up or down, so a snapshot can be compared with now.
 * Routes without a device (unreachable, blackhole) are left out: link changes do not touch them.
 */
export function parseRoutes(json: string): string[] {
  const parsed: unknown = JSON.parse(json === '' ? '[]' : json);
  if (!Array.isArray(parsed)) throw new Error('ip -j route: not a list');
  const routes: string[] = [];
  for (const route of parsed as Record<string, unknown>[]) {
    if (typeof route['dst'] !== 'string' || typeof route['dev'] !== 'string' || route['type'] !== undefined) continue;
    const words = [route['dst']];
    if (typeof route['gateway'] === 'string') words.push('via', route['gateway']);
    words.push('dev', route['dev']);
    if (typeof route['protocol'] === 'string' && route['protocol'] !== 'boot') words.push('proto', route['protocol']);
    if (typeof route['scope'] === 'string' && route['scope'] !== 'global') words.push('scope', route['scope']);
    if (typeof route['prefsrc'] === 'string') words.push('src', route['prefsrc']);
    if (typeof route['metric'] === 'number') words.push('metric', String(route['metric']));
    routes.push(words.join(' '));
  }
  return routes;
}

/** The `nameserver` addresses of a resolv.conf, in order. */
export function parseNameservers(text: string): string[] {
  const servers: string[] = [];
  for (const match of text.matchAll(/^\s*nameserver\s+(\S+)/gmu)) {
    if (match[1] !== undefined) servers.push(match[1]);
  }
  return servers;
}

/** Routes through a gateway need the link's own route first: those without `via` go first. */
export function restoreOrder(routes: readonly string[]): string[] {
  return [...routes].sort((a, b) => Number(a.includes(' via ')) - Number(b.includes(' via ')));
}
