/**
 * Quarantine under real faults on Linux: a full disk (a 1 MB tmpfs, mounted here as root), a
 * disk filled so that only the undo record or only the final record fails, and an original on a
 * read-only mount. Whatever fails, the original stays exactly where it was (same bytes, same
 * mode, same folder), no partial copy is left behind, and the result says so.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FolderQuarantine, sha256File } from '../../src/platform/folder-quarantine.js';

const PAGE = 4096;

/** Mounts a tmpfs of `size` on a new folder; undefined when mounting is not allowed here. */
function mountTmpfs(size: string): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'scarestop-tmpfs-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', dir], { encoding: 'utf8' });
  if (mounted.status === 0) return dir;
  rmSync(dir, { recursive: true, force: true });
  return undefined;
}

function unmount(dir: string): void {
  spawnSync('umount', [dir]);
  if (spawnSync('mountpoint', ['-q', dir]).status === 0) spawnSync('umount', ['-l', dir]);
  rmSync(dir, { recursive: true, force: true });
}

const probe = mountTmpfs('64k');
if (probe !== undefined) unmount(probe);
/** Mounting needs root (CAP_SYS_ADMIN); without it these fault tests cannot build their disk. */
const canMount = probe !== undefined;

const mounts: string[] = [];
let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'scarestop-q-home-'));
});
afterEach(() => {
  for (const dir of mounts.splice(0).reverse()) unmount(dir);
  rmSync(home, { recursive: true, force: true });
});

function tmpfs(size: string): string {
  const dir = mountTmpfs(size);
  if (dir === undefined) throw new Error('mount failed');
  mounts.push(dir);
  return dir;
}

/** A file of `bytes` pseudo-random bytes (so a hash mismatch would show), mode 0755. */
function makeOriginal(folder: string, name: string, bytes: number): string {
  mkdirSync(folder, { recursive: true });
  const path = join(folder, name);
  const data = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i += 1) data[i] = (i * 2_654_435_761) >>> 24;
  writeFileSync(path, data);
  chmodSync(path, 0o755);
  return path;
}

/** Fills `dir` with one file so that exactly `leavePages` pages stay free. */
function fillLeaving(dir: string, leavePages: number): void {
  const free = statfsSync(dir).bavail * statfsSync(dir).bsize;
  const fill = free - leavePages * PAGE;
  if (fill > 0) writeFileSync(join(dir, 'filler'), Buffer.alloc(fill));
  expect(statfsSync(dir).bavail * statfsSync(dir).bsize).toBe(leavePages * PAGE);
}

/** The original's bytes, mode and folder, to compare before and after. */
async function snapshot(path: string): Promise<{ sha256: string; mode: number; siblings: string[] }> {
  return { sha256: await sha256File(path), mode: statSync(path).mode, siblings: readdirSync(join(path, '..')).sort() };
}

/** Quarantine folders left in the data folder (none after a failure). */
function leftovers(root: string): string[] {
  return existsSync(root) ? readdirSync(root) : [];
}

describe.skipIf(!canMount)('quarantine under faults (tmpfs)', () => {
  it('disk full while copying: the original stays where it was, no partial copy is left, and it says so', async () => {
    const data = tmpfs('1m');
    const original = makeOriginal(join(home, 'Downloads', 'tool'), 'AnyDesk', 2 * 1024 * 1024);
    const before = await snapshot(original);
    const quarantine = new FolderQuarantine(join(data, 'quarantine'), { storedMode: 0o400 });
    const { result, entry } = await quarantine.quarantine(original, 'portable');
    expect(result).toMatchObject({ status: 'failed', detail: expect.stringMatching(/disk is full.*left where it was/) });
    expect(entry).toBeUndefined();
    expect(await snapshot(original)).toEqual(before);
    expect(leftovers(join(data, 'quarantine'))).toEqual([]);
    expect(await quarantine.list()).toEqual([]);
  });

  it('disk full with the original on the same disk: same result', async () => {
    const disk = tmpfs('1m');
    const original = makeOriginal(join(disk, 'Downloads'), 'TeamViewer', 600 * 1024);
    const before = await snapshot(original);
    const quarantine = new FolderQuarantine(join(disk, 'quarantine'));
    const { result } = await quarantine.quarantine(original, 'portable');
    expect(result).toMatchObject({ status: 'failed', detail: expect.stringMatching(/disk is full/) });
    expect(await snapshot(original)).toEqual(before);
    expect(leftovers(join(disk, 'quarantine'))).toEqual([]);
  });

  it('same disk with room for one record only (where a rename-then-record quarantine lost the file): the original stays', async () => {
    const disk = tmpfs('1m');
    const original = makeOriginal(join(disk, 'Downloads'), 'AnyDesk', 40 * PAGE);
    mkdirSync(join(disk, 'quarantine'));
    fillLeaving(disk, 1);
    const before = await snapshot(original);
    const { result } = await new FolderQuarantine(join(disk, 'quarantine')).quarantine(original, 'portable');
    expect(existsSync(original)).toBe(true);
    expect(await snapshot(original)).toEqual(before);
    expect(result).toMatchObject({ status: 'failed', detail: expect.stringMatching(/disk is full.*left where it was/) });
    expect(leftovers(join(disk, 'quarantine'))).toEqual([]);
  });

  it('no room even for the undo record: nothing is copied and the original stays', async () => {
    const data = tmpfs('1m');
    mkdirSync(join(data, 'quarantine'));
    fillLeaving(data, 0);
    const original = makeOriginal(join(home, 'Downloads'), 'rustdesk', 10_000);
    const before = await snapshot(original);
    const { result } = await new FolderQuarantine(join(data, 'quarantine')).quarantine(original, 'portable');
    expect(result).toMatchObject({ status: 'failed', detail: expect.stringMatching(/disk is full/) });
    expect(await snapshot(original)).toEqual(before);
    expect(leftovers(join(data, 'quarantine'))).toEqual([]);
  });

  it('room for the copy but not for the final record: the verified copy is dropped and the original stays', async () => {
    const data = tmpfs('1m');
    mkdirSync(join(data, 'quarantine'));
    const pages = 20;
    // One page for the first record and the copy's pages: the second record finds the disk full.
    fillLeaving(data, 1 + pages);
    const original = makeOriginal(join(home, 'Downloads'), 'ultraviewer', pages * PAGE);
    const before = await snapshot(original);
    const { result } = await new FolderQuarantine(join(data, 'quarantine')).quarantine(original, 'portable');
    expect(result).toMatchObject({ status: 'failed', detail: expect.stringMatching(/disk is full/) });
    expect(await snapshot(original)).toEqual(before);
    expect(leftovers(join(data, 'quarantine'))).toEqual([]);
  });

  it('original on a read-only disk: the copy is dropped again and the original stays', async () => {
    const disk = tmpfs('1m');
    const original = makeOriginal(join(disk, 'Downloads'), 'AnyDesk', 50_000);
    const before = await snapshot(original);
    expect(spawnSync('mount', ['-o', 'remount,ro', disk]).status).toBe(0);
    const quarantine = new FolderQuarantine(join(home, 'data', 'quarantine'));
    const { result } = await quarantine.quarantine(original, 'portable');
    expect(result).toMatchObject({ status: 'failed', detail: expect.stringMatching(/Could not remove .*read-only.*left where it was/) });
    expect(await snapshot(original)).toEqual(before);
    expect(leftovers(join(home, 'data', 'quarantine'))).toEqual([]);
  });

  it('when it works, the undo record (where from, hash) is on disk and restore brings the same bytes back', async () => {
    const data = tmpfs('1m');
    const original = makeOriginal(join(home, 'Downloads'), 'AnyDesk', 100_000);
    const before = await snapshot(original);
    const quarantine = new FolderQuarantine(join(data, 'quarantine'), { storedMode: 0o400 });
    const { result, entry } = await quarantine.quarantine(original, 'portable');
    expect(result.status).toBe('done');
    expect(existsSync(original)).toBe(false);
    const folder = join(data, 'quarantine', entry?.id ?? '');
    expect(readdirSync(folder).sort()).toEqual(['file.quarantined', 'manifest.json']);
    expect(JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'))).toMatchObject({ originalPath: original, sha256: before.sha256, state: 'quarantined' });
    expect(await sha256File(join(folder, 'file.quarantined'))).toBe(before.sha256);
    expect((await quarantine.restore(entry?.id ?? '')).status).toBe('done');
    expect(await snapshot(original)).toEqual(before);
  });

  it('restore onto a full disk: the quarantined file is kept and nothing half-written is left', async () => {
    const data = tmpfs('1m');
    const target = tmpfs('1m');
    const original = makeOriginal(join(target, 'Downloads'), 'AnyDesk', 400 * 1024);
    const quarantine = new FolderQuarantine(join(data, 'quarantine'));
    const { entry } = await quarantine.quarantine(original, 'portable');
    fillLeaving(target, 10);
    const restored = await quarantine.restore(entry?.id ?? '');
    expect(restored).toMatchObject({ status: 'failed', detail: expect.stringMatching(/disk is full.*still kept in quarantine/) });
    expect(readdirSync(join(target, 'Downloads'))).toEqual([]);
    expect(await quarantine.list()).toEqual([entry]);
    expect(await sha256File(join(data, 'quarantine', entry?.id ?? '', 'file.quarantined'))).toBe(entry?.sha256);
  });
});
