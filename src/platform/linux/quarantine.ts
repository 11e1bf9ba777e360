/**
 * The quarantine folder: `<dataHome>/quarantine/<id>/` holds the file (renamed, not runnable)
 * and `manifest.json` (original path, sha256, size, mode, time). Nothing is ever deleted
 * outright: a move across devices copies, verifies the hash, and only then removes the source.
 * Plain node:fs, so the Windows adapter uses the same class with its own options.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { chmod, copyFile, lstat, mkdir, readdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { QuarantineEntry, SystemActionResult } from '../../engine/ports/system-actions.js';

const STORED_NAME = 'file.quarantined';

interface Manifest extends QuarantineEntry {
  readonly mode: number;
  /** `moving` until the file is safely inside: a crash in between leaves a trace, not a loss. */
  readonly state: 'moving' | 'quarantined' | 'restored';
}

/** sha256 of a file, hex. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Moves a file; across devices copies, verifies and then removes the source. */
export async function moveVerified(from: string, to: string, expectedSha256: string): Promise<void> {
  try {
    await rename(from, to);
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
  }
  await copyFile(from, to);
  const copied = await sha256File(to);
  if (copied !== expectedSha256) {
    await unlink(to);
    throw new Error(`copy of ${from} did not verify (sha256 differs); original left in place`);
  }
  await unlink(from);
}

/** Options for {@link FolderQuarantine}. */
export interface QuarantineOptions {
  readonly now?: () => Date;
  /** Permission bits for the stored file (Linux: read-only, not executable). */
  readonly storedMode?: number;
}

/** Restorable quarantine in a folder. */
export class FolderQuarantine {
  constructor(
    readonly root: string,
    private readonly options: QuarantineOptions = {},
  ) {}

  async quarantine(path: string, reason: string): Promise<{ result: SystemActionResult; entry?: QuarantineEntry }> {
    let info;
    try {
      info = await lstat(path);
    } catch {
      return { result: { status: 'not-needed', detail: `${path} is already gone.` } };
    }
    if (!info.isFile()) return { result: { status: 'failed', detail: `${path} is not a regular file; not moved.` } };
    const now = (this.options.now ?? (() => new Date()))();
    const id = `${now.toISOString().replace(/[-:.]/gu, '').slice(0, 15)}-${randomBytes(3).toString('hex')}`;
    const folder = join(this.root, id);
    try {
      const sha256 = await sha256File(path);
      await mkdir(folder, { recursive: true });
      const manifest: Manifest = { id, originalPath: path, sha256, size: info.size, quarantinedAt: now.toISOString(), reason, mode: info.mode & 0o7777, state: 'moving' };
      await this.writeManifest(folder, manifest);
      await moveVerified(path, join(folder, STORED_NAME), sha256);
      if (this.options.storedMode !== undefined) await chmod(join(folder, STORED_NAME), this.options.storedMode);
      const done: Manifest = { ...manifest, state: 'quarantined' };
      await this.writeManifest(folder, done);
      return { result: { status: 'done', detail: `Moved ${path} to quarantine (${id}).` }, entry: toEntry(done) };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Nothing was moved: drop the empty folder so the list stays honest.
      await rm(folder, { recursive: true, force: true }).catch(() => undefined);
      if (code === 'EACCES' || code === 'EPERM') return { result: { status: 'needs-admin', detail: `Moving ${path} needs administrator rights.` } };
      if (code === 'EBUSY') return { result: { status: 'failed', detail: `${path} is in use; stop the program first.` } };
      return { result: { status: 'failed', detail: `Could not quarantine ${path}: ${String(error)}` } };
    }
  }

  async restore(id: string): Promise<SystemActionResult> {
    if (!/^[\w-]{1,80}$/u.test(id)) return { status: 'failed', detail: `No quarantine entry ${id}.` };
    const folder = join(this.root, id);
    const manifest = await this.readManifest(folder);
    if (manifest === undefined) return { status: 'failed', detail: `No quarantine entry ${id}.` };
    if (manifest.state === 'restored') return { status: 'not-needed', detail: `${manifest.originalPath} was already restored.` };
    try {
      await lstat(manifest.originalPath);
      return { status: 'failed', detail: `${manifest.originalPath} exists again; not overwritten.` };
    } catch {
      // expected: the original place is free
    }
    try {
      const stored = join(folder, STORED_NAME);
      const sha256 = await sha256File(stored);
      if (sha256 !== manifest.sha256) return { status: 'failed', detail: `The quarantined copy of ${manifest.originalPath} changed; not restored.` };
      await mkdir(dirname(manifest.originalPath), { recursive: true });
      await moveVerified(stored, manifest.originalPath, sha256);
      await chmod(manifest.originalPath, manifest.mode);
      await this.writeManifest(folder, { ...manifest, state: 'restored', restoredAt: new Date().toISOString() });
      return { status: 'done', detail: `Restored ${manifest.originalPath}.` };
    } catch (error) {
      return { status: 'failed', detail: `Could not restore ${manifest.originalPath}: ${String(error)}` };
    }
  }

  async list(): Promise<QuarantineEntry[]> {
    let names: string[];
    try {
      names = await readdir(this.root);
    } catch {
      return []; // no quarantine folder yet
    }
    const entries: QuarantineEntry[] = [];
    for (const name of names.sort()) {
      const manifest = await this.readManifest(join(this.root, name));
      if (manifest === undefined) continue;
      // A crash between writing the manifest and moving the file leaves `moving` with no file:
      // nothing was quarantined, the original is still in place.
      if (manifest.state === 'moving' && !(await exists(join(this.root, name, STORED_NAME)))) continue;
      entries.push(toEntry(manifest));
    }
    return entries;
  }

  private async writeManifest(folder: string, manifest: Manifest): Promise<void> {
    const temporary = join(folder, 'manifest.json.tmp');
    await writeFile(temporary, `${JSON.stringify(manifest, null, 2)}\n`, { flush: true });
    await rename(temporary, join(folder, 'manifest.json'));
  }

  private async readManifest(folder: string): Promise<Manifest | undefined> {
    try {
      return JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8')) as Manifest;
    } catch {
      return undefined; // not a quarantine folder (or a damaged manifest): listed nowhere, deleted never
    }
  }
}

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

function toEntry(manifest: Manifest): QuarantineEntry {
  const { mode: _mode, state: _state, ...entry } = manifest;
  return entry;
}
