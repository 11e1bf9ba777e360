/**
 * The Linux process watch over a /proc-shaped folder: it lists the folder only when the kernel
 * handed out a new pid since the last look (/proc/loadavg's last field), reads only pids it has
 * not seen, and reads a fresh pid once more to catch its exec.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ProcProcessWatch } from '../../../src/platform/linux/proc-process-watch.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function fakeProc() {
  const root = mkdtempSync(join(tmpdir(), 'scarestop-fake-proc-'));
  roots.push(root);
  const loadavg = (lastPid: number): void => writeFileSync(join(root, 'loadavg'), `0.10 0.20 0.30 1/180 ${lastPid}\n`);
  const spawn = (pid: number, comm: string, exe: string): void => {
    mkdirSync(join(root, String(pid)));
    writeFileSync(join(root, String(pid), 'stat'), `${pid} (${comm}) S 1 ${pid} ${pid} 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 ${1000 + pid} 0 0\n`);
    symlinkSync(exe, join(root, String(pid), 'exe'));
  };
  const exec = (pid: number, comm: string, exe: string): void => {
    rmSync(join(root, String(pid)), { recursive: true });
    spawn(pid, comm, exe);
  };
  return { root, loadavg, spawn, exec };
}

describe('ProcProcessWatch', () => {
  it('skips the listing while no pid was handed out, and finds a new process once one was', async () => {
    const proc = fakeProc();
    proc.loadavg(100);
    proc.spawn(100, 'bash', '/usr/bin/bash');
    const watch = new ProcProcessWatch(proc.root);
    expect((await watch.poll()).map((p) => p.name)).toEqual(['bash']); // the baseline

    // A directory appears but the kernel's last pid did not move: not listed (a test artefact only).
    proc.spawn(101, 'AnyDesk', '/home/h/Downloads/AnyDesk');
    expect(await watch.poll()).toEqual([]);
    proc.loadavg(101);
    expect(await watch.poll()).toMatchObject([{ name: 'AnyDesk', path: '/home/h/Downloads/AnyDesk', identity: { pid: 101, start: '1101' } }]);
    expect(await watch.poll()).toEqual([]);
  });

  it('reads a fresh pid once more: a fork that execs into a tool is reported as that tool', async () => {
    const proc = fakeProc();
    proc.loadavg(200);
    const watch = new ProcProcessWatch(proc.root);
    await watch.poll();
    proc.spawn(201, 'bash', '/usr/bin/bash');
    proc.loadavg(201);
    expect((await watch.poll()).map((p) => p.name)).toEqual(['bash']);
    proc.exec(201, 'rustdesk', '/opt/rustdesk/rustdesk');
    expect((await watch.poll()).map((p) => p.path)).toEqual(['/opt/rustdesk/rustdesk']);
  });
});
