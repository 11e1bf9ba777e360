/**
 * The record under faults, for real: a full disk and a read-only folder (a small tmpfs), a lock
 * held by another process, ten first starts at once, a damaged file, a newer schema and a
 * dropped migrations table. Only real damage may move the file aside, and then the rows that
 * can still be read are kept.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openIncidentStore } from '../../src/storage/index.js';
import { openDatabase, StoreUnavailableError } from '../../src/storage/open.js';

let home: string;
let mounted: string | undefined;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'scarestop-faults-'));
});
afterEach(() => {
  if (mounted !== undefined) execFileSync('umount', ['-l', mounted]);
  mounted = undefined;
  rmSync(home, { recursive: true, force: true });
});

const cli = (dataHome: string, ...args: string[]) =>
  spawnSync(process.execPath, ['bin/scarestop.mjs', ...args], { env: { ...process.env, SCARESTOP_HOME: dataHome, LANG: 'C.UTF-8' }, encoding: 'utf8', timeout: 60_000 });
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const asideIn = (dir: string) => readdirSync(dir).filter((name) => name.includes('.corrupt-'));

/** A record with one incident, three events and a contact, closed cleanly. */
function seed(dataHome: string): string {
  const store = openIncidentStore({ dataHome });
  const incident = store.createIncident({ openedAt: 1, title: 'kept safe' });
  for (let i = 0; i < 3; i += 1) store.appendEvent({ id: `e${i}`, incidentId: incident.id, at: i, payload: { kind: 'note', text: `note ${i}` } });
  store.database.prepare("INSERT INTO family_contacts (id, name, language, email, triggers, created_at) VALUES ('c-1', 'Hanako', 'ja', 'h@example.jp', '[]', 1)").run();
  store.close();
  return incident.id;
}

/** A small tmpfs at `<home>/disk` (we run as root in CI). */
function smallDisk(size = '2m'): string {
  const dir = join(home, 'disk');
  mkdirSync(dir);
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', dir]);
  mounted = dir;
  return dir;
}

describe('faults that are not damage never move the record', () => {
  it('disk full: history reads the record, a write says so plainly, nothing renamed; all there once space is back', () => {
    const disk = smallDisk();
    const data = join(disk, 'data');
    const id = seed(data);
    const before = sha(join(data, DATABASE_FILE));
    try {
      writeFileSync(join(disk, 'filler'), Buffer.alloc(4 * 1024 * 1024));
    } catch (error) {
      expect((error as { code?: string }).code).toBe('ENOSPC');
    }
    const history = cli(data, 'history', '--json');
    expect(history.status).toBe(0);
    const parsed = JSON.parse(history.stdout) as { incidents: { id: string }[]; database: { kind: string; reason: string } };
    expect(parsed.database).toMatchObject({ kind: 'read-only', reason: 'no-space' });
    expect(parsed.incidents.map((incident) => incident.id)).toEqual([id]);
    expect(history.stderr).toContain('disk is full');

    const add = cli(data, 'family', 'add', '--name', 'Taro', '--email', 't@example.jp');
    expect(add.status).toBe(1);
    expect(add.stderr).toContain('could not be saved');
    expect(add.stderr).not.toMatch(/SqliteError|at .*\.ts:\d+/u);

    expect(asideIn(data)).toEqual([]);
    expect(sha(join(data, DATABASE_FILE))).toBe(before);
    rmSync(join(disk, 'filler'));
    const store = openIncidentStore({ dataHome: data });
    expect(store.openReport.kind).toBe('opened');
    expect(store.timeline(id)).toHaveLength(3);
    expect(store.database.prepare('SELECT name FROM family_contacts').all()).toEqual([{ name: 'Hanako' }]);
    store.close();
  }, 120_000);

  it('read-only folder: history reads the record, nothing renamed; a folder that cannot be created is a clear error', () => {
    const disk = smallDisk();
    const data = join(disk, 'data');
    const id = seed(data);
    const before = sha(join(data, DATABASE_FILE));
    execFileSync('mount', ['-o', 'remount,ro', disk]);
    const history = cli(data, 'history', '--json');
    expect(history.status).toBe(0);
    const parsed = JSON.parse(history.stdout) as { incidents: { id: string }[]; database: { kind: string; reason: string; copy: boolean } };
    expect(parsed.database).toMatchObject({ kind: 'read-only', reason: 'cannot-write', copy: true });
    expect(parsed.incidents.map((incident) => incident.id)).toEqual([id]);

    const missing = cli(join(disk, 'never-made'), 'history');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('Nothing was deleted or moved');
    expect(() => openDatabase(join(disk, 'never-made', DATABASE_FILE))).toThrow(StoreUnavailableError);

    expect(asideIn(data)).toEqual([]);
    expect(sha(join(data, DATABASE_FILE))).toBe(before);
    execFileSync('mount', ['-o', 'remount,rw', disk]);
    const store = openIncidentStore({ dataHome: data });
    expect(store.openReport.kind).toBe('opened');
    expect(store.timeline(id)).toHaveLength(3);
    store.close();
  }, 120_000);

  it('busy file: another process holds an exclusive lock; open waits, then reads without renaming', async () => {
    const id = seed(home);
    const path = join(home, DATABASE_FILE);
    const holder = spawn(
      process.execPath,
      ['-e', `const D=require('better-sqlite3');const d=new D(${JSON.stringify(path)});d.pragma('journal_mode = DELETE');d.pragma('locking_mode = EXCLUSIVE');d.exec('BEGIN EXCLUSIVE');d.exec("INSERT INTO settings (key, value, updated_at) VALUES ('held', '1', 1)");console.log('locked');setInterval(()=>{},1000);`],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
    try {
      const opened = openDatabase(path, { busyTimeoutMs: 300 });
      expect(opened.report).toMatchObject({ kind: 'read-only', reason: 'busy' });
      expect(opened.db.prepare('SELECT title FROM incidents WHERE id = ?').get(id)).toEqual({ title: 'kept safe' });
      opened.db.close();
      expect(asideIn(home)).toEqual([]);
    } finally {
      holder.kill('SIGKILL');
      await new Promise((resolve) => holder.once('close', resolve));
    }
    const store = openIncidentStore({ dataHome: home });
    expect(store.openReport.kind).toBe('opened');
    expect(store.timeline(id)).toHaveLength(3);
    store.close();
  }, 60_000);
});

describe('first starts and schema versions', () => {
  it('ten processes starting at once on a new folder: no crash, one database, each migration once', async () => {
    const data = join(home, 'data');
    const runs = Array.from({ length: 10 }, () =>
      new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
        const child = spawn(process.execPath, ['bin/scarestop.mjs', 'history', '--json'], { env: { ...process.env, SCARESTOP_HOME: data }, stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
        child.on('close', (code) => resolve({ code, out, err }));
      }),
    );
    const results = await Promise.all(runs);
    for (const result of results) {
      expect(result.err).toBe('');
      expect(result.code).toBe(0);
      expect(['created', 'opened']).toContain((JSON.parse(result.out) as { database: { kind: string } }).database.kind);
    }
    expect(readdirSync(data).filter((name) => !/-(wal|shm)$/u.test(name))).toEqual([DATABASE_FILE]);
    const db = new Database(join(data, DATABASE_FILE), { readonly: true });
    const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[];
    expect(new Set(versions.map((row) => row.version)).size).toBe(versions.length);
    expect(versions.length).toBeGreaterThanOrEqual(4);
    db.close();
  }, 180_000);

  it('a database from a newer version is read but never written', () => {
    const id = seed(home);
    const path = join(home, DATABASE_FILE);
    const db = new Database(path);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, ?, 1)').run('from the future');
    db.close();
    const before = sha(path);
    const history = cli(home, 'history', '--json');
    expect(history.status).toBe(0);
    expect(JSON.parse(history.stdout)).toMatchObject({ incidents: [{ id }], database: { kind: 'read-only', reason: 'newer-version' } });
    expect(history.stderr).toContain('newer ScareStop');
    const add = cli(home, 'family', 'add', '--name', 'Taro', '--email', 't@example.jp');
    expect(add.status).toBe(1);
    expect(add.stderr).toContain('could not be saved');
    expect(sha(path)).toBe(before);
    expect(asideIn(home)).toEqual([]);
  }, 120_000);

  it('a dropped migrations table: history still lists the record and says why it will not write', () => {
    const id = seed(home);
    const db = new Database(join(home, DATABASE_FILE));
    db.exec('DROP TABLE schema_migrations');
    db.close();
    const history = cli(home, 'history', '--json');
    expect(history.stderr).not.toContain('SqliteError');
    expect(history.status).toBe(0);
    expect(JSON.parse(history.stdout)).toMatchObject({ incidents: [{ id }], database: { kind: 'read-only', reason: 'no-version-table' } });
    expect(history.stderr).toContain('format could not be confirmed');
  }, 60_000);
});

describe('real damage', () => {
  it('salvages the rows that can still be read into the new file and keeps the damaged one', () => {
    const store = openIncidentStore({ dataHome: home });
    const incident = store.createIncident({ openedAt: 1, title: 'before the damage' });
    store.updateSettings({ region: 'JP' });
    store.database.transaction(() => {
      for (let i = 0; i < 3000; i += 1) store.appendEvent({ id: `e${i}`, incidentId: incident.id, at: i, payload: { kind: 'note', text: `event ${i} `.repeat(8) } });
    })();
    store.database.pragma('wal_checkpoint(TRUNCATE)');
    store.close();
    const path = join(home, DATABASE_FILE);
    const bytes = readFileSync(path);
    // Garbage over a stretch in the middle of the events table (pages 40–60 of ~100+).
    for (let i = 40 * 4096; i < 60 * 4096 && i < bytes.length; i += 1) bytes[i] = (i * 131) & 0xff;
    writeFileSync(path, bytes);

    const reopened = openIncidentStore({ dataHome: home });
    expect(reopened.openReport.kind).toBe('recovered');
    const report = reopened.openReport as { salvaged?: Record<string, number>; movedTo: string };
    expect(report.salvaged?.['incidents']).toBe(1);
    expect(reopened.getIncident(incident.id)?.title).toBe('before the damage');
    expect(reopened.getSettings().region).toBe('JP');
    const kept = reopened.timeline(incident.id).length;
    expect(kept).toBeGreaterThan(1000);
    expect(kept).toBeLessThan(3000);
    expect(report.salvaged?.['events']).toBe(kept);
    expect(existsSync(report.movedTo)).toBe(true);
    reopened.close();
  }, 60_000);
});

describe('owner-only files on Linux', () => {
  it('data folder 0700; database, -wal and -shm 0600, also when an old folder was world-readable', () => {
    const data = join(home, 'data');
    mkdirSync(data, { mode: 0o755 });
    const store = openIncidentStore({ dataHome: data });
    store.createIncident({ openedAt: 1, title: 'x' });
    const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);
    expect(mode(data)).toBe('700');
    for (const suffix of ['', '-wal', '-shm']) expect(mode(join(data, DATABASE_FILE + suffix))).toBe('600');
    store.close();
  });
});
