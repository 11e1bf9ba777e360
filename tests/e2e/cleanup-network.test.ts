/**
 * Real network off/on with the Linux adapter (`ip link`) inside a namespace this test creates:
 * the link goes down with no default route, and reconnect brings both back, so a TCP
 * connection from inside works again.
 */
import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LinuxNetwork } from '../../src/platform/linux/network.js';
import { createNetns, innerState, type TestNetns } from './cleanup-netns.js';

let ns: TestNetns;
let server: Server;
const PORT = 47_000 + Math.floor(Math.random() * 1000);

/** Connects once from inside the namespace to the host end; true when it worked. */
function connectsToHost(): boolean {
  const script = `const s=require('net').connect(${PORT},'${ns.hostAddress}');s.setTimeout(1500,()=>process.exit(3));s.on('connect',()=>process.exit(0));s.on('error',()=>process.exit(4));`;
  try {
    execFileSync('ip', ['netns', 'exec', ns.name, process.execPath, '-e', script], { stdio: 'ignore', timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * True once a connection from inside works, trying for up to 15 s: a veth end that was just set
 * up may carry no traffic for a moment, and a loaded machine starts node slowly.
 */
async function reachesHost(): Promise<boolean> {
  const deadline = Date.now() + 15_000;
  while (!connectsToHost()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return true;
}

beforeAll(async () => {
  ns = createNetns();
  server = createServer((socket) => socket.end());
  await new Promise<void>((resolve) => server.listen(PORT, ns.hostAddress, resolve));
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  ns.remove();
});

describe('Linux network adapter in a real namespace', () => {
  it('starts online', async () => {
    const network = new LinuxNetwork({ netns: ns.name });
    const status = await network.status();
    expect(status).toMatchObject({ online: true, defaultRoute: true, method: 'ip link' });
    expect(status.interfaces).toEqual([{ name: ns.inner, up: true, kind: 'wired' }]);
    expect(await reachesHost()).toBe(true);
  });

  it('disconnects: link down, no default route, nothing reachable; a second disconnect is not needed', async () => {
    const network = new LinuxNetwork({ netns: ns.name });
    const result = await network.disconnect();
    expect(result).toMatchObject({ status: 'done', disabled: [ns.inner] });
    expect(result.routes).toEqual([`default via ${ns.hostAddress} dev ${ns.inner}`]);
    expect(innerState(ns)).toEqual({ up: false, defaultRoute: false });
    expect(connectsToHost()).toBe(false);
    expect((await network.disconnect()).status).toBe('not-needed');

    const back = await network.reconnect(result.disabled, result.routes);
    expect(back.status).toBe('done');
    expect(innerState(ns)).toEqual({ up: true, defaultRoute: true });
    expect(await reachesHost()).toBe(true);
  }, 60_000);

  it('reports a failure without throwing when the namespace is gone', async () => {
    const network = new LinuxNetwork({ netns: 'ss-does-not-exist' });
    const result = await network.disconnect();
    expect(result.status).toBe('failed');
  });
});
