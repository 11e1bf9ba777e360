/**
 * A private network namespace for the recovery tests: a veth pair (one end in the namespace,
 * one in the host namespace), addresses on both ends and a default route in the namespace, so
 * "offline" (link down, no default route) and "online" mean something. Optionally a pid+mount
 * namespace "holder" so the scanner and the wizard see only the test's own processes.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';

/** A namespace made by {@link createNetns}. */
export interface TestNetns {
  readonly name: string;
  /** Interface inside the namespace. */
  readonly inner: string;
  /** With `second: true`: a second interface with a static route through it. */
  readonly second?: { readonly inner: string; readonly route: string; readonly hostAddress: string };
  /** With `second: true`: the namespace's resolver file (`ip netns exec` mounts it on /etc/resolv.conf). */
  readonly resolvConf?: string;
  /** Address of the host end (reachable from inside when online). */
  readonly hostAddress: string;
  readonly innerAddress: string;
  remove(): void;
}

const ip = (...args: string[]) => execFileSync('ip', args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString();

/**
 * A third octet no host interface uses in 10.231-233.x (another test file running beside this
 * one, or a namespace a killed run left behind, would otherwise route the same /30 twice).
 */
function freeOctet(): number {
  const used = new Set([...ip('-br', 'addr').matchAll(/\b10\.23[123]\.(\d+)\./g)].map((match) => Number(match[1])));
  const free = Array.from({ length: 250 }, (_, index) => index + 1).filter((octet) => !used.has(octet));
  const pick = free[Math.floor(Math.random() * free.length)];
  if (pick === undefined) throw new Error('no free 10.231.x.0/30 test network left (old ss-* namespaces: ip netns list)');
  return pick;
}

/**
 * Creates `ss-<random>` with a veth pair and a default route via the host end; with `second`,
 * also a second veth pair carrying a static route, and a resolv.conf for the namespace.
 */
export function createNetns(options: { readonly second?: boolean } = {}): TestNetns {
  const id = Math.random().toString(36).slice(2, 8);
  const name = `ss-${id}`;
  const host = `ssh${id}`;
  const inner = `ssn${id}`;
  const octet = freeOctet();
  const hostAddress = `10.231.${octet}.1`;
  const innerAddress = `10.231.${octet}.2`;
  ip('netns', 'add', name);
  try {
    ip('link', 'add', host, 'type', 'veth', 'peer', 'name', inner);
    ip('link', 'set', inner, 'netns', name);
    ip('addr', 'add', `${hostAddress}/30`, 'dev', host);
    ip('link', 'set', host, 'up');
    ip('-n', name, 'link', 'set', 'lo', 'up');
    ip('-n', name, 'addr', 'add', `${innerAddress}/30`, 'dev', inner);
    ip('-n', name, 'link', 'set', inner, 'up');
    ip('-n', name, 'route', 'add', 'default', 'via', hostAddress);
  } catch (error) {
    removeQuietly(name, host);
    throw error;
  }
  if (options.second !== true) return { name, inner, hostAddress, innerAddress, remove: () => removeQuietly(name, host) };
  const host2 = `ssj${id}`;
  const inner2 = `ssm${id}`;
  const second = { inner: inner2, hostAddress: `10.232.${octet}.1`, route: `10.233.${octet}.0/24 via 10.232.${octet}.1 dev ${inner2}` };
  const resolvConf = `/etc/netns/${name}/resolv.conf`;
  try {
    ip('link', 'add', host2, 'type', 'veth', 'peer', 'name', inner2);
    ip('link', 'set', inner2, 'netns', name);
    ip('addr', 'add', `${second.hostAddress}/30`, 'dev', host2);
    ip('link', 'set', host2, 'up');
    ip('-n', name, 'addr', 'add', `10.232.${octet}.2/30`, 'dev', inner2);
    ip('-n', name, 'link', 'set', inner2, 'up');
    ip('-n', name, 'route', 'add', ...second.route.split(' '));
    mkdirSync(`/etc/netns/${name}`, { recursive: true });
    writeFileSync(resolvConf, `# test resolver\nnameserver ${hostAddress}\nnameserver ${second.hostAddress}\n`);
  } catch (error) {
    removeQuietly(name, host, host2);
    throw error;
  }
  return { name, inner, hostAddress, innerAddress, second, resolvConf, remove: () => removeQuietly(name, host, host2) };
}

function removeQuietly(name: string, host: string, host2?: string): void {
  rmSync(`/etc/netns/${name}`, { recursive: true, force: true });
  for (const args of [['netns', 'del', name], ['link', 'del', host], ...(host2 === undefined ? [] : [['link', 'del', host2]])]) {
    try {
      ip(...args);
    } catch {
      // already gone: deleting the namespace also deletes its end of the pair
    }
  }
}

/** The namespace's view: is the inner link up, and is there a default route? */
export function innerState(ns: TestNetns): { up: boolean; defaultRoute: boolean } {
  const links = JSON.parse(ip('-n', ns.name, '-j', 'link', 'show', 'dev', ns.inner)) as { flags: string[] }[];
  const routes = JSON.parse(ip('-n', ns.name, '-j', 'route', 'show', 'default')) as unknown[];
  return { up: links[0]?.flags.includes('UP') === true, defaultRoute: routes.length > 0 };
}

/** A process holding a new pid + mount namespace (own /proc) inside the network namespace. */
export interface Holder {
  /** Host pid of the holder (pid 1 inside). */
  readonly pid: number;
  /** Runs a command inside all three namespaces. */
  spawn(command: string, args: readonly string[], env: NodeJS.ProcessEnv): ChildProcess;
  stop(): Promise<void>;
}

/** Starts the holder: `ip netns exec NS unshare --pid --fork --mount-proc sleep`. */
export async function startHolder(ns: TestNetns): Promise<Holder> {
  const unshare = spawn('ip', ['netns', 'exec', ns.name, 'unshare', '--pid', '--fork', '--mount-proc', 'sleep', '3600'], { stdio: 'ignore' });
  let pid: number | undefined;
  for (let i = 0; i < 100 && pid === undefined; i += 1) {
    await delay(50);
    pid = childOf(unshare.pid ?? -1);
  }
  if (pid === undefined) throw new Error('namespace holder did not start');
  const holderPid = pid;
  return {
    pid: holderPid,
    spawn: (command, args, env) => spawn('nsenter', ['-t', String(holderPid), '-n', '-p', '-m', '--', command, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] }),
    stop: async () => {
      // Ending pid 1 of the namespace ends everything left inside it.
      process.kill(holderPid, 'SIGKILL');
      for (let i = 0; i < 100 && unshare.exitCode === null; i += 1) await delay(50);
    },
  };
}

/** First child pid of a process (from /proc), if any. */
export function childOf(pid: number): number | undefined {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/u).filter(Boolean).map(Number);
    return children[0];
  } catch {
    return undefined;
  }
}

/** True while a pid exists and is not a zombie. */
export function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}
