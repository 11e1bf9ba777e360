/**
 * Network off/on on Linux: NetworkManager (`nmcli networking off|on`) when it runs, else
 * `ip link set DEV down|up` for every non-loopback interface, re-adding the default routes the
 * kernel drops with the link. Verified by reading the link state and the default route back.
 */
import { PlatformError } from '../../engine/ports/errors.js';
import type { DisconnectResult, NetworkInterfaceState, NetworkStatus, SystemActionResult } from '../../engine/ports/system-actions.js';
import { describeFailure, runCommand, type CommandOutput } from '../system-command.js';

/** Runs a program; injectable for tests. */
export type CommandRunner = (file: string, args: readonly string[]) => Promise<CommandOutput>;

/** Options for {@link LinuxNetwork}. */
export interface LinuxNetworkOptions {
  /** `auto` uses nmcli when NetworkManager answers. `SCARESTOP_NETWORK_BACKEND` can force one. */
  readonly backend?: 'auto' | 'nmcli' | 'ip-link';
  /** Work inside this network namespace (`ip -n NS`); tests use it. */
  readonly netns?: string;
  readonly run?: CommandRunner;
}

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

/** Network control by nmcli or ip link. */
export class LinuxNetwork {
  private readonly run: CommandRunner;
  private backendChoice: 'nmcli' | 'ip-link' | undefined;

  constructor(private readonly options: LinuxNetworkOptions = {}) {
    this.run = options.run ?? ((file, args) => runCommand(file, args, { timeoutMs: 20_000 }));
    if (options.backend !== undefined && options.backend !== 'auto') this.backendChoice = options.backend;
  }

  async status(): Promise<NetworkStatus> {
    const backend = await this.backend();
    const links = await this.ip(['-j', 'link', 'show']);
    const routes = await this.ip(['-j', 'route', 'show', 'default']);
    if (links.code !== 0 || routes.code !== 0) throw new PlatformError('command-failed', describeFailure('ip', links.code !== 0 ? links : routes));
    const interfaces = parseIpLinks(links.stdout);
    const defaultRoute = parseDefaultRoutes(routes.stdout).length > 0;
    let online = interfaces.some((item) => item.up) && defaultRoute;
    if (backend === 'nmcli') {
      const state = await this.run('nmcli', ['-t', 'networking']);
      if (state.stdout.trim() === 'disabled') online = false;
    }
    return { online, interfaces, defaultRoute, method: backend === 'nmcli' ? 'nmcli + ip' : 'ip link' };
  }

  async disconnect(): Promise<DisconnectResult> {
    try {
      const before = await this.status();
      const upNames = before.interfaces.filter((item) => item.up).map((item) => item.name);
      if (!before.online && upNames.length === 0) return { status: 'not-needed', detail: 'Already offline.', disabled: [] };
      const savedRoutes = parseDefaultRoutes((await this.ip(['-j', 'route', 'show', 'default'])).stdout).map((args) => args.join(' '));
      if ((await this.backend()) === 'nmcli') {
        const output = await this.run('nmcli', ['networking', 'off']);
        if (output.code !== 0) return this.failedOrAdmin('nmcli', output);
      } else {
        for (const name of upNames) {
          const output = await this.ip(['link', 'set', 'dev', name, 'down']);
          if (output.code !== 0) return this.failedOrAdmin('ip link', output);
        }
      }
      const after = await this.status();
      const stillUp = after.interfaces.filter((item) => item.up).map((item) => item.name);
      if (after.online || ((await this.backend()) === 'ip-link' && stillUp.length > 0)) {
        return { status: 'failed', detail: `Still connected (up: ${stillUp.join(', ') || 'none'}; default route: ${after.defaultRoute ? 'yes' : 'no'}).` };
      }
      return { status: 'done', detail: `Turned off ${upNames.join(', ') || 'networking'}; no default route.`, disabled: upNames, routes: savedRoutes };
    } catch (error) {
      return failure('Could not turn the network off', error);
    }
  }

  async reconnect(interfaces?: readonly string[], routes?: readonly string[]): Promise<SystemActionResult> {
    try {
      if ((await this.backend()) === 'nmcli') {
        const output = await this.run('nmcli', ['networking', 'on']);
        if (output.code !== 0) return this.failedOrAdmin('nmcli', output);
      } else {
        const before = await this.status();
        const names = interfaces ?? before.interfaces.map((item) => item.name);
        for (const name of names) {
          const output = await this.ip(['link', 'set', 'dev', name, 'up']);
          if (output.code !== 0) return this.failedOrAdmin('ip link', output);
        }
        // The kernel drops routes with the link; put back the ones we saw (DHCP clients would).
        const present = new Set(parseDefaultRoutes((await this.ip(['-j', 'route', 'show', 'default'])).stdout).map((args) => args.join(' ')));
        for (const route of routes ?? []) {
          if (present.has(route)) continue;
          const output = await this.ip(['route', 'add', ...route.split(' ')]);
          if (output.code !== 0 && !output.stderr.includes('File exists')) return this.failedOrAdmin('ip route', output);
        }
      }
      const after = await this.status();
      // With a known list every one must be up; otherwise (unused virtual links stay down) one is enough.
      const down = after.interfaces.filter((item) => !item.up && interfaces?.includes(item.name) === true);
      if (down.length > 0) return { status: 'failed', detail: `Still down: ${down.map((item) => item.name).join(', ')}.` };
      if (!after.interfaces.some((item) => item.up)) return { status: 'failed', detail: 'No network interface is up.' };
      if (!after.defaultRoute) return { status: 'failed', detail: 'Interfaces are up but there is no route to the internet yet.' };
      return { status: 'done', detail: `Back online (${after.interfaces.filter((item) => item.up).map((item) => item.name).join(', ')}).` };
    } catch (error) {
      return failure('Could not turn the network back on', error);
    }
  }

  private ip(args: readonly string[]): Promise<CommandOutput> {
    return this.run('ip', this.options.netns === undefined ? args : ['-n', this.options.netns, ...args]);
  }

  private async backend(): Promise<'nmcli' | 'ip-link'> {
    if (this.backendChoice !== undefined) return this.backendChoice;
    // NetworkManager is host-wide: never use it when asked to work inside a namespace.
    if (this.options.netns !== undefined) return (this.backendChoice = 'ip-link');
    try {
      const output = await this.run('nmcli', ['-t', '-f', 'RUNNING', 'general']);
      this.backendChoice = output.code === 0 && output.stdout.trim() === 'running' ? 'nmcli' : 'ip-link';
    } catch {
      this.backendChoice = 'ip-link'; // nmcli is not installed
    }
    return this.backendChoice;
  }

  private failedOrAdmin(what: string, output: CommandOutput): SystemActionResult {
    const text = `${output.stderr} ${output.stdout}`;
    if (/Operation not permitted|not authori[sz]ed|permission denied|insufficient privileges/iu.test(text)) {
      return { status: 'needs-admin', detail: `${what} needs administrator rights.` };
    }
    return { status: 'failed', detail: describeFailure(what, output) };
  }
}

function failure(what: string, error: unknown): SystemActionResult {
  const platformError = error instanceof PlatformError ? error : new PlatformError('command-failed', String(error), { cause: error });
  return { status: 'failed', detail: `${what}: ${platformError.message}`, error: platformError };
}
