/**
 * Real processes and files: a running fake remote tool (a copy of /bin/sleep named AnyDesk) is
 * found by the scanner, stopped, its portable file quarantined (sha256 manifest, not runnable)
 * and restored; the rescan is clean. The pid check never stops a different program.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinuxSystemActions } from '../../src/platform/linux/system-actions.js';
import { FolderQuarantine, sha256File } from '../../src/platform/folder-quarantine.js';
import { stopLinuxProcess } from '../../src/platform/linux/process-control.js';
import { scanForCleanup } from '../../src/cli/commands/recovery-context.js';
import type { RemoteFinding } from '../../src/shared/remote.js';
import { isAlive } from './cleanup-netns.js';

let home: string;
const started: ChildProcess[] = [];

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'scarestop-tools-'));
  mkdirSync(join(home, 'Downloads'));
  mkdirSync(join(home, 'tmp'));
});
afterAll(() => {
  for (const child of started) if (child.pid !== undefined && isAlive(child.pid)) child.kill('SIGKILL');
  rmSync(home, { recursive: true, force: true });
});

function startTool(path: string, args: string[] = ['600']): ChildProcess {
  const child = spawn(path, args, { stdio: 'ignore' });
  started.push(child);
  return child;
}

async function waitFor(check: () => boolean, ms = 10_000): Promise<void> {
  for (let waited = 0; waited < ms; waited += 50) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('condition not met in time');
}

/** Only evidence about files of this test (other tests may run their own stand-ins). */
function ours(findings: readonly RemoteFinding[]): RemoteFinding[] {
  return findings.map((finding) => ({ ...finding, evidence: finding.evidence.filter((item) => item.path?.startsWith(home) === true) })).filter((finding) => finding.evidence.length > 0);
}

describe('stopping, quarantining and restoring a real portable tool', () => {
  it('finds it, stops it, quarantines it, rescans clean, and restores it', async () => {
    const tool = join(home, 'Downloads', 'AnyDesk');
    copyFileSync('/bin/sleep', tool);
    const originalHash = await sha256File(tool);
    const child = startTool(tool);
    const pid = child.pid ?? -1;
    const env = { ...process.env, HOME: home, TMPDIR: join(home, 'tmp') };

    const before = ours((await scanForCleanup(env, 'en')).findings);
    expect(before.map((finding) => finding.toolId)).toEqual(['anydesk']);
    expect(before[0]?.evidence.map((item) => item.kind).sort()).toEqual(['portable', 'running']);

    const actions = createLinuxSystemActions({ dataHome: join(home, 'data') });
    expect(await actions.stopProcess({ pid, name: 'AnyDesk', path: tool })).toMatchObject({ status: 'done' });
    await waitFor(() => child.exitCode !== null || child.signalCode !== null);
    expect(isAlive(pid)).toBe(false);
    expect((await actions.stopProcess({ pid, name: 'AnyDesk', path: tool })).status).toBe('not-needed');

    const moved = await actions.quarantine(tool, 'portable');
    expect(moved.result.status).toBe('done');
    const entry = moved.entry;
    if (entry === undefined) throw new Error('no quarantine entry');
    expect(existsSync(tool)).toBe(false);
    const folder = join(home, 'data', 'quarantine', entry.id);
    const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ originalPath: tool, sha256: originalHash, state: 'quarantined', reason: 'portable' });
    expect(statSync(join(folder, 'file.quarantined')).mode & 0o777).toBe(0o400);
    expect(await actions.listQuarantine()).toEqual([entry]);

    expect(ours((await scanForCleanup(env, 'en')).findings)).toEqual([]);

    expect(await actions.restore(entry.id)).toMatchObject({ status: 'done' });
    expect(await sha256File(tool)).toBe(originalHash);
    expect(statSync(tool).mode & 0o111).not.toBe(0);
    expect((await actions.restore(entry.id)).status).toBe('not-needed');
  }, 90_000);

  it('escalates to SIGKILL when the tool ignores SIGTERM', async () => {
    const tool = join(home, 'Downloads', 'RustDesk');
    copyFileSync('/bin/bash', tool);
    const fifo = join(home, 'tmp', 'hold');
    const child = startTool(tool, ['-c', `trap '' TERM; mkfifo ${fifo}; read -r _ <> ${fifo}`]);
    await waitFor(() => existsSync(fifo));
    const result = await stopLinuxProcess({ pid: child.pid ?? -1, name: 'RustDesk', path: tool }, { graceMs: 300 });
    expect(result).toMatchObject({ status: 'done', detail: 'Force-stopped RustDesk.' });
  }, 30_000);

  it('never stops a process that is not the program the scan saw', async () => {
    const other = startTool('/bin/sleep');
    await waitFor(() => isAlive(other.pid ?? -1));
    const result = await stopLinuxProcess({ pid: other.pid ?? -1, name: 'AnyDesk', path: join(home, 'Downloads', 'AnyDesk') });
    expect(result.status).toBe('failed');
    expect(isAlive(other.pid ?? -1)).toBe(true);
  });

  it('moves across devices by copy, verify, remove; refuses to overwrite on restore', async () => {
    const shm = mkdtempSync('/dev/shm/scarestop-q-');
    try {
      const file = join(home, 'Downloads', 'ToDesk');
      writeFileSync(file, 'portable tool bytes');
      const quarantine = new FolderQuarantine(shm);
      const { result, entry } = await quarantine.quarantine(file, 'portable');
      expect(result.status).toBe('done');
      expect(existsSync(file)).toBe(false);
      writeFileSync(file, 'a new file the user made');
      const refused = await quarantine.restore(entry?.id ?? '');
      expect(refused).toMatchObject({ status: 'failed' });
      expect(readFileSync(file, 'utf8')).toBe('a new file the user made');
      rmSync(file);
      expect((await quarantine.restore(entry?.id ?? '')).status).toBe('done');
      expect(readFileSync(file, 'utf8')).toBe('portable tool bytes');
    } finally {
      rmSync(shm, { recursive: true, force: true });
    }
  });
});
