/**
 * A crash after each sub-step of the disconnect, for real, in a network namespace with two
 * interfaces, a default route, a static route and a resolver file: the journal is written before
 * the first change, and `scarestop cleanup --reconnect` (a helper at the keyboard) brings back
 * every interface, route and DNS server, saying item by item what came back.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNetns, type TestNetns } from './cleanup-netns.js';

let ns: TestNetns;
let home: string;
beforeEach(() => {
  ns = createNetns({ second: true });
  home = mkdtempSync(join(tmpdir(), 'scarestop-reconnect-'));
});
afterEach(() => {
  ns.remove();
  rmSync(home, { recursive: true, force: true });
});

const env = () => ({ ...process.env, SCARESTOP_HOME: home, SCARESTOP_NETWORK_BACKEND: 'ip-link', LANG: 'C.UTF-8' });
const journalFile = () => join(home, 'network-journal.json');

/** Inside the namespace: which links are up, and the routes (as `ip route` prints them). */
function state(): { up: string[]; routes: string } {
  const links = JSON.parse(execFileSync('ip', ['-n', ns.name, '-j', 'link', 'show']).toString()) as { ifname: string; flags: string[] }[];
  return {
    up: links.filter((link) => link.ifname !== 'lo' && link.flags.includes('UP')).map((link) => link.ifname).sort(),
    routes: execFileSync('ip', ['-n', ns.name, 'route', 'show']).toString(),
  };
}

function crashDisconnect(point: string): { status: number | null; signal: NodeJS.Signals | null } {
  const run = spawnSync('ip', ['netns', 'exec', ns.name, process.execPath, '--import', 'tsx', 'tests/e2e/support/crash-disconnect.ts', home, point], { env: env(), encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, signal: run.signal };
}

function reconnect(lang = 'en'): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync('ip', ['netns', 'exec', ns.name, process.execPath, 'bin/scarestop.mjs', 'cleanup', '--reconnect', '--lang', lang], { env: env(), encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('scarestop cleanup --reconnect after a crash in the middle of turning the network off', () => {
  const both = () => [ns.inner, ns.second?.inner ?? ''].sort();

  it.each([
    ['after-journal', 2],
    ['after-down-1', 1],
    ['after-down-2', 0],
    ['never', 0],
  ])('crash %s: every interface, route and DNS server comes back', (point, upAfterCrash) => {
    const before = state();
    const resolvBefore = readFileSync(ns.resolvConf ?? '', 'utf8');
    expect(before.up).toEqual(both());
    expect(before.routes).toContain(`default via ${ns.hostAddress}`);

    const crash = crashDisconnect(point);
    if (point === 'never') expect(crash.status).toBe(0);
    else expect(crash.signal).toBe('SIGKILL');
    expect(state().up).toHaveLength(upAfterCrash);
    // Written before the first change, so even the earliest crash leaves it.
    const journal = JSON.parse(readFileSync(journalFile(), 'utf8')) as { snapshot: { interfaces: unknown[]; routes: string[]; dns: string[] } };
    expect(journal.snapshot.interfaces).toHaveLength(2);
    expect(journal.snapshot.routes).toContain(`default via ${ns.hostAddress} dev ${ns.inner}`);
    expect(journal.snapshot.dns).toEqual([ns.hostAddress, ns.second?.hostAddress]);
    // While offline the resolver file was rewritten (as a DHCP client does when its link goes down).
    if (upAfterCrash < 2) writeFileSync(ns.resolvConf ?? '', '# emptied while offline\n');

    const back = reconnect();
    expect(back.stderr).toBe('');
    expect(back.status).toBe(0);
    expect(back.stdout).toContain(`✓ Network connection ${ns.inner}: back`);
    expect(back.stdout).toContain(`✓ Network connection ${ns.second?.inner}: back`);
    expect(back.stdout).toContain(`✓ Route to the internet default via ${ns.hostAddress} dev ${ns.inner}: back`);
    expect(back.stdout).toContain(`✓ Name lookup (DNS) ${ns.hostAddress}: back`);
    expect(back.stdout).not.toContain('✗');
    expect(back.stdout).toContain('The internet connection is back as it was.');

    const after = state();
    expect(after.up).toEqual(both());
    for (const line of before.routes.trim().split('\n')) expect(after.routes).toContain(line.replace(/\s+linkdown/u, '').trim());
    expect(readFileSync(ns.resolvConf ?? '', 'utf8')).toBe(resolvBefore);
    expect(existsSync(journalFile())).toBe(false);
  }, 120_000);

  it('says exactly what did not come back (ja), and keeps the journal for the next try', () => {
    expect(crashDisconnect('after-down-2').signal).toBe('SIGKILL');
    // The second interface disappears while offline (a USB adapter pulled out): it cannot come back.
    execFileSync('ip', ['-n', ns.name, 'link', 'del', ns.second?.inner ?? '']);
    const back = reconnect('ja');
    expect(back.status).toBe(1);
    expect(back.stdout).toContain(`✓ ネットワークの接続口 ${ns.inner}：元に戻りました`);
    expect(back.stdout).toContain(`✗ ネットワークの接続口 ${ns.second?.inner}：戻りませんでした`);
    expect(back.stdout).toContain(`✓ インターネットへの道すじ default via ${ns.hostAddress} dev ${ns.inner}：元に戻りました`);
    expect(back.stdout).toContain(`✗ ネットワークの道すじ ${ns.second?.route}：戻りませんでした`);
    expect(back.stdout).toContain('3 件が元に戻りませんでした');
    expect(state().routes).toContain(`default via ${ns.hostAddress}`);
    expect(existsSync(journalFile())).toBe(true);
  }, 120_000);
});
