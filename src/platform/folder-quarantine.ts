/**
 * The quarantine folder, one implementation for every OS (plain node:fs): `<dataHome>/quarantine/<id>/`
 * holds the file (renamed, not runnable) and `manifest.json` (original path, sha256, size,
 * mode, time). Nothing is ever deleted outright, and nothing is lost on a fault:
 *
 *   write the undo record (manifest: where it came from, hash) → copy → fsync → verify the
 *   copy's hash → mark the record `quarantined` → only then remove the original.
 *
 * Any failure before the original is removed (a full disk, a read-only folder, a file that
 * changed while it was copied) leaves the original exactly where it was, removes our partial
 * copy, and says so. Restore runs the same steps the other way.
 */
import { constants, createReadStream } from 'node:fs';
import { chmod, copyFile, lstat, mkdir, open, readdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { createHash, randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { QuarantineEntry, SystemActionResult } from '../engine/ports/system-actions.js';

const STORED_NAME = 'file.quarantined';
const PARTIAL_NAME = 'file.partial';

interface Manifest extends QuarantineEntry {
  readonly mode: number;
  /**
   * `copying` until the copy is verified (the original is untouched then; `moving` is the same
   * state written by older versions); `quarantined` once the copy is safe, written before the
   * original is removed.
   */
  readonly state: 'copying' | 'moving' | 'quarantined' | 'restored';
}

/** sha256 of a file, hex. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Options for {@link FolderQuarantine}. */
export interface QuarantineOptions {
  readonly now?: () => Date;
  /** Permission bits for the stored file (Linux: read-only, not executable). */
  readonly storedMode?: number;
  /** fsync folders after a rename (POSIX); Windows cannot open a folder for that. Default true. */
  readonly syncFolders?: boolean;
}

/** A failure with the plain words to report, and where the original is. */
class QuarantineFault extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** Plain words for an OS error code. */
function describeCode(code: string | undefined): string | undefined {
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full';
    case 'EROFS':
      return 'the disk is read-only';
    case 'EACCES':
    case 'EPERM':
      return 'permission was refused';
    case 'EBUSY':
      return 'the file is in use';
    default:
      return undefined;
  }
}

function codeOf(error: unknown): string | undefined {
  return error instanceof QuarantineFault ? error.code : (error as NodeJS.ErrnoException | undefined)?.code;
}

function reasonOf(error: unknown): string {
  return describeCode(codeOf(error)) ?? (error instanceof Error ? error.message : String(error));
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
    let created = false;
    let done: Manifest;
    try {
      const sha256 = await sha256File(path);
      await mkdir(this.root, { recursive: true });
      await mkdir(folder); // new and ours alone: the only folder a failure below ever removes
      created = true;
      const manifest: Manifest = { id, originalPath: path, sha256, size: info.size, quarantinedAt: now.toISOString(), reason, mode: info.mode & 0o7777, state: 'copying' };
      await this.writeManifest(folder, manifest); // the undo record, before anything is copied
      await this.copyVerified(path, folder, sha256);
      done = { ...manifest, state: 'quarantined' };
      await this.writeManifest(folder, done);
    } catch (error) {
      // The original was not touched: drop our partial copy and record, and say so.
      const cleaned = created ? await rm(folder, { recursive: true, force: true }).then(() => '', (cause: unknown) => ` A partial copy could not be removed from ${folder} (${reasonOf(cause)}).`) : '';
      const code = codeOf(error);
      if ((code === 'EACCES' || code === 'EPERM') && !created) return { result: { status: 'needs-admin', detail: `Moving ${path} needs administrator rights. It was left where it was.` } };
      return { result: { status: 'failed', detail: `Could not quarantine ${path}: ${reasonOf(error)}. The file was left where it was; nothing was removed.${cleaned}` } };
    }
    try {
      await unlink(path);
      await this.syncFolder(dirname(path));
    } catch (error) {
      if (await exists(path)) {
        // Still in place (read-only folder, locked file): the copy goes, the original stays.
        await rm(folder, { recursive: true, force: true }).catch(() => undefined); // a leftover copy of a file still in place is harmless
        const code = codeOf(error);
        if (code === 'EACCES' || code === 'EPERM') return { result: { status: 'needs-admin', detail: `Removing ${path} needs administrator rights. It was left where it was.` } };
        return { result: { status: 'failed', detail: `Could not remove ${path}: ${reasonOf(error)}. The file was left where it was.` } };
      }
      // Removed, only the folder sync failed: the file is safely in quarantine.
    }
    return { result: { status: 'done', detail: `Moved ${path} to quarantine (${id}).` }, entry: toEntry(done) };
  }

  async restore(id: string): Promise<SystemActionResult> {
    if (!/^[\w-]{1,80}$/u.test(id)) return { status: 'failed', detail: `No quarantine entry ${id}.` };
    const folder = join(this.root, id);
    const manifest = await this.readManifest(folder);
    if (manifest === undefined || manifest.state === 'copying' || manifest.state === 'moving') return { status: 'failed', detail: `No quarantine entry ${id}.` };
    if (manifest.state === 'restored') return { status: 'not-needed', detail: `${manifest.originalPath} was already restored.` };
    if (await exists(manifest.originalPath)) return { status: 'failed', detail: `${manifest.originalPath} exists again; not overwritten.` };
    const stored = join(folder, STORED_NAME);
    const partial = join(dirname(manifest.originalPath), `.${basename(manifest.originalPath)}.scarestop-restore-${randomBytes(3).toString('hex')}`);
    try {
      if ((await sha256File(stored)) !== manifest.sha256) return { status: 'failed', detail: `The quarantined copy of ${manifest.originalPath} changed; not restored.` };
      await mkdir(dirname(manifest.originalPath), { recursive: true });
      await copyFile(stored, partial, constants.COPYFILE_EXCL);
      await syncFile(partial);
      if ((await sha256File(partial)) !== manifest.sha256) throw new QuarantineFault('the restored copy did not match');
      await chmod(partial, manifest.mode);
      if (await exists(manifest.originalPath)) throw new QuarantineFault(`${manifest.originalPath} appeared while restoring; not overwritten`);
      await rename(partial, manifest.originalPath);
      await this.syncFolder(dirname(manifest.originalPath));
    } catch (error) {
      await rm(partial, { force: true }).catch(() => undefined); // our own half-written copy; the quarantined file is untouched
      return { status: 'failed', detail: `Could not restore ${manifest.originalPath}: ${reasonOf(error)}. It is still kept in quarantine.` };
    }
    try {
      await this.writeManifest(folder, { ...manifest, state: 'restored', restoredAt: new Date().toISOString() });
      await unlink(stored);
    } catch (error) {
      // The file is back; the quarantine keeps a second copy until its record can be updated.
      return { status: 'done', detail: `Restored ${manifest.originalPath} (the quarantine copy stays until there is room to update its record: ${reasonOf(error)}).` };
    }
    return { status: 'done', detail: `Restored ${manifest.originalPath}.` };
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
      // A crash before the copy was verified leaves `copying`: the original is still in place.
      if (manifest === undefined || manifest.state === 'copying' || manifest.state === 'moving') continue;
      entries.push(toEntry(manifest));
    }
    return entries;
  }

  /** Copies into `<folder>/file.partial`, fsyncs, checks the hash, then names it the stored file. */
  private async copyVerified(from: string, folder: string, sha256: string): Promise<void> {
    const partial = join(folder, PARTIAL_NAME);
    await copyFile(from, partial, constants.COPYFILE_EXCL);
    await syncFile(partial);
    if ((await sha256File(partial)) !== sha256) throw new QuarantineFault('the copy did not match the original (the file changed while it was copied)');
    if (this.options.storedMode !== undefined) await chmod(partial, this.options.storedMode);
    await rename(partial, join(folder, STORED_NAME));
    await this.syncFolder(folder);
  }

  /** Writes the manifest durably: temporary file, fsync, rename, folder fsync. */
  private async writeManifest(folder: string, manifest: Manifest): Promise<void> {
    const temporary = join(folder, 'manifest.json.tmp');
    await writeFile(temporary, `${JSON.stringify(manifest, null, 2)}\n`, { flush: true });
    await rename(temporary, join(folder, 'manifest.json'));
    await this.syncFolder(folder);
  }

  private async readManifest(folder: string): Promise<Manifest | undefined> {
    try {
      return JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8')) as Manifest;
    } catch {
      return undefined; // not a quarantine folder (or a damaged manifest): listed nowhere, deleted never
    }
  }

  /** fsync a folder so a rename or removal in it survives a power cut. */
  private async syncFolder(folder: string): Promise<void> {
    if (this.options.syncFolders === false) return;
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
}

async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
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
