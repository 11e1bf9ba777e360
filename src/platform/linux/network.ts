/**
 * Network off/on on Linux: NetworkManager (`nmcli networking off|on`) when it runs, else
 * `ip link set DEV down|up` for every non-loopback interface. Before any change the engine saves
 * a snapshot (interfaces, every route of the main table, DNS) in the network journal; `restore`
 * puts each item back (links up, missing routes re-added, resolv.conf rewritten if it changed)
 * and reads each one back to say what came back and what did not.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { PlatformError } from '../../engine/ports/errors.js';
import type { DisconnectResult, NetworkSnapshot, NetworkStatus, RestoredItem, RestoreResult, SystemActionResult } from '../../engine/ports/system-actions.js';
import { describeFailure, runCommand, type CommandOutput } from '../system-command.js';
import { parseDefaultRoutes, parseIpLinks, parseNameservers, parseRoutes, restoreOrder } from './network-parse.js';

export { parseDefaultRoutes, parseIpLinks, parseNameservers, parseRoutes } from './network-parse.js';

/** Runs a program; injectable for tests. */
export type CommandRunner = (file: string, args: readonly string[]) => Promise<CommandOutput>;

/** Options for {@link LinuxNetwork}. */
export interface LinuxNetworkOptions {
  /** `auto` uses nmcli when NetworkManager answers. `SCARESTOP_NETWORK_BACKEND` can force one. */
  readonly backend?: 'auto' | 'nmcli' | 'ip-link';
  /** Work inside this network namespace (`ip -n NS`); tests use it. */
  readonly netns?: string;
  /** The resolver file (default `/etc/netns/NS/resolv.conf` inside a namespace, else `/etc/resolv.conf`). */
  readonly resolvConf?: string;
  readonly run?: CommandRunner;
  /** How long to wait for NetworkManager to bring things back before checking (default 30 s). */
  readonly settleMs?: number;
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

  /** Interfaces that are up, every route of the main table, and the DNS servers. Changes nothing. */
  async snapshot(now: number): Promise<NetworkSnapshot> {
    const status = await this.status();
    const routes = await this.routes();
    const resolv = await this.readResolvConf();
    return {
      takenAt: now,
      interfaces: status.interfaces.filter((item) => item.up),
      routes,
      dns: parseNameservers(resolv ?? ''),
      wifiProfiles: [],
      ...(resolv === undefined ? {} : { restoreData: { resolvConf: resolv } }),
    };
  }

  /** Turns off what the snapshot says is up (each `ip link set down` is one step). */
  async disconnect(snapshot?: NetworkSnapshot): Promise<DisconnectResult> {
    try {
      const before = await this.status();
      const upNames = (snapshot?.interfaces ?? before.interfaces).map((item) => item.name).filter((name) => before.interfaces.some((item) => item.name === name && item.up));
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

  /** Without a journal: turns on the named interfaces (all when unknown) and puts routes back. */
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

  /** Puts every item of the snapshot back, then reads each one back. */
  async restore(snapshot: NetworkSnapshot): Promise<RestoreResult> {
    try {
      const stepped = await this.bringUp(
        snapshot.interfaces.map((item) => item.name),
        snapshot.routes,
      );
      if (stepped !== undefined && stepped.status === 'needs-admin') return { ...stepped, items: [] };
      await this.restoreDns(snapshot);
      const items = await this.check(snapshot);
      const missing = items.filter((item) => !item.back);
      if (missing.length === 0) return { status: 'done', detail: `Restored and checked ${items.length} items.`, items };
      return { status: 'failed', detail: stepped?.detail ?? `Not back: ${missing.map((item) => item.name).join(', ')}.`, items };
    } catch (error) {
      return { ...failure('Could not turn the network back on', error), items: [] };
    }
  }

  /** Each snapshot item as it is now. */
  private async check(snapshot: NetworkSnapshot): Promise<RestoredItem[]> {
    const now = await this.status();
    const routes = new Set(await this.routes());
    const dns = parseNameservers((await this.readResolvConf()) ?? '');
    const items: RestoredItem[] = snapshot.interfaces.map((wanted) => ({ kind: 'interface', name: wanted.name, back: now.interfaces.some((item) => item.name === wanted.name && item.up) }));
    for (const route of snapshot.routes) items.push({ kind: 'route', name: route, back: routes.has(route) });
    for (const server of snapshot.dns) items.push({ kind: 'dns', name: server, back: dns.includes(server) });
    return items;
  }

  /** Links up, then the missing routes; returns a result only when a step failed. */
  private async bringUp(names: readonly string[], routes: readonly string[]): Promise<SystemActionResult | undefined> {
    let problem: SystemActionResult | undefined;
    if ((await this.backend()) === 'nmcli') {
      const output = await this.run('nmcli', ['networking', 'on']);
      if (output.code !== 0) return this.failedOrAdmin('nmcli', output);
      await this.settle(routes);
    } else {
      const links = (await this.status()).interfaces;
      for (const name of names) {
        if (links.some((item) => item.name === name && item.up)) continue;
        const output = await this.ip(['link', 'set', 'dev', name, 'up']);
        if (output.code !== 0) {
          problem = this.failedOrAdmin(`ip link ${name}`, output);
          if (problem.status === 'needs-admin') return problem;
        }
      }
    }
    // The kernel drops routes with the link; put back the ones the journal saw (DHCP clients would).
    const present = new Set(await this.routes());
    for (const route of restoreOrder(routes)) {
      if (present.has(route)) continue;
      const output = await this.ip(['route', 'replace', ...route.split(' ')]);
      if (output.code !== 0) problem ??= this.failedOrAdmin('ip route', output);
    }
    return problem;
  }

  /** NetworkManager reconnects on its own: wait (bounded) until the saved routes are back. */
  private async settle(routes: readonly string[]): Promise<void> {
    const deadline = Date.now() + (this.options.settleMs ?? 30_000);
    while (Date.now() < deadline) {
      const present = new Set(await this.routes());
      if (routes.every((route) => present.has(route))) return;
      await sleep(1000);
    }
  }

  /** Rewrites resolv.conf when its servers changed (ip-link only: NetworkManager owns it otherwise). */
  private async restoreDns(snapshot: NetworkSnapshot): Promise<void> {
    const saved = snapshot.restoreData?.['resolvConf'];
    const path = this.resolvConfPath();
    if (saved === undefined || (await this.backend()) === 'nmcli') return;
    const now = parseNameservers((await this.readResolvConf()) ?? '');
    if (snapshot.dns.every((server) => now.includes(server))) return;
    // In place, not via rename: resolv.conf is often a bind mount or a symlink.
    await writeFile(path, saved);
  }

  private async routes(): Promise<string[]> {
    const output = await this.ip(['-j', 'route', 'show']);
    if (output.code !== 0) throw new PlatformError('command-failed', describeFailure('ip route', output));
    return parseRoutes(output.stdout);
  }

  private resolvConfPath(): string {
    if (this.options.resolvConf !== undefined) return this.options.resolvConf;
    const inNamespace = this.options.netns === undefined ? undefined : `/etc/netns/${this.options.netns}/resolv.conf`;
    return inNamespace !== undefined && existsSync(inNamespace) ? inNamespace : '/etc/resolv.conf';
  }

  private async readResolvConf(): Promise<string | undefined> {
    try {
      return await readFile(this.resolvConfPath(), 'utf8');
    } catch {
      return undefined; // no resolver file: no DNS item in the journal
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

function failure(what: string, error: unknown): SystemActionResult & { status: 'failed' } {
  const platformError = error instanceof PlatformError ? error : new PlatformError('command-failed', String(error), { cause: error });
  return { status: 'failed', detail: `${what}: ${platformError.message}`, error: platformError };
}
