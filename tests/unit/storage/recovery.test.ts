import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openIncidentStore } from '../../../src/storage/index.js';
import { migrations } from '../../../src/storage/migrations/index.js';
import type { Migration } from '../../../src/storage/migrations/index.js';

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'scarestop-recover-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const dbPath = () => join(home, DATABASE_FILE);
const movedAside = () => readdirSync(home).filter((name) => name.startsWith(`${DATABASE_FILE}.corrupt-`) && !/-(wal|shm)$/u.test(name));

describe('an unreadable database does not stop the app', () => {
  it('moves a garbage file aside, keeps it, and starts fresh', () => {
    writeFileSync(dbPath(), 'this is not a database at all, just some garbage bytes '.repeat(100));
    const store = openIncidentStore({ dataHome: home, now: () => Date.UTC(2026, 10, 22, 23, 0, 0) });
    expect(store.openReport).toMatchObject({ kind: 'recovered', reason: 'not a SQLite database file' });
    expect(movedAside()).toEqual([`${DATABASE_FILE}.corrupt-2026-11-22T23-00-00-000Z`]);
    expect(readFileSync(join(home, movedAside()[0] ?? '')).toString()).toContain('garbage');
    // The fresh store works.
    const incident = store.createIncident({ openedAt: 1, title: 'after recovery' });
    expect(store.getIncident(incident.id)?.title).toBe('after recovery');
    store.close();
  });

  it('recovers from a truncated database file', () => {
    const first = openIncidentStore({ dataHome: home });
    const incident = first.createIncident({ openedAt: 1, title: 'x' });
    const insert = first.database.transaction(() => {
      for (let i = 0; i < 3000; i += 1) first.appendEvent({ id: `e${i}`, incidentId: incident.id, at: i, payload: { kind: 'note', text: `event number ${i} `.repeat(10) } });
    });
    insert();
    first.database.pragma('wal_checkpoint(TRUNCATE)');
    first.close();
    const size = statSync(dbPath()).size;
    truncateSync(dbPath(), Math.floor(size / 3));
    const store = openIncidentStore({ dataHome: home });
    expect(store.openReport.kind).toBe('recovered');
    expect(movedAside()).toHaveLength(1);
    expect(store.listIncidents()).toEqual([]);
    store.close();
  });

  it('recovers from a file with a valid header but garbage pages', () => {
    const first = openIncidentStore({ dataHome: home });
    first.createIncident({ openedAt: 1, title: 'x' });
    first.database.pragma('wal_checkpoint(TRUNCATE)');
    first.close();
    const bytes = readFileSync(dbPath());
    for (let i = 100; i < bytes.length; i += 1) bytes[i] = (i * 31) & 0xff;
    writeFileSync(dbPath(), bytes);
    const store = openIncidentStore({ dataHome: home });
    expect(store.openReport.kind).toBe('recovered');
    store.close();
  });

  it('treats an empty file as a new database', () => {
    writeFileSync(dbPath(), '');
    const store = openIncidentStore({ dataHome: home });
    expect(store.openReport.kind).toBe('created');
    store.close();
  });
});

describe('migrations', () => {
  it('migrates an older schema and keeps its data', () => {
    const old = openIncidentStore({ dataHome: home, migrations: migrations.slice(0, 1) });
    const incident = old.createIncident({ openedAt: 1, title: 'kept' });
    old.close();
    const later: Migration = {
      version: 9001,
      name: 'test-extra-table',
      up: (db) => db.exec('CREATE TABLE extra (id INTEGER PRIMARY KEY)'),
    };
    const store = openIncidentStore({ dataHome: home, migrations: [...migrations, later] });
    expect(store.openReport).toMatchObject({ kind: 'opened', migratedFrom: 1, migratedTo: 9001 });
    expect(store.getIncident(incident.id)?.title).toBe('kept');
    expect(store.database.prepare("SELECT name FROM sqlite_master WHERE name = 'extra'").get()).toBeDefined();
    store.close();
    // Reopening with the same list applies nothing.
    const again = openIncidentStore({ dataHome: home, migrations: [...migrations, later] });
    expect(again.openReport).toEqual({ kind: 'opened', path: dbPath() });
    again.close();
  });

  it('runs a lower-numbered migration added after a higher one was applied', () => {
    const high: Migration = { version: 9050, name: 'outbox', up: (db) => db.exec('CREATE TABLE t50 (x)') };
    openIncidentStore({ dataHome: home, migrations: [...migrations, high] }).close();
    const low: Migration = { version: 49, name: 'late', up: (db) => db.exec('CREATE TABLE t2 (x)') };
    const store = openIncidentStore({ dataHome: home, migrations: [...migrations, high, low] });
    expect(store.database.prepare("SELECT name FROM sqlite_master WHERE name = 't2'").get()).toBeDefined();
    store.close();
  });

  it('rolls back a failing migration and leaves the user\'s file in place', () => {
    const first = openIncidentStore({ dataHome: home });
    const incident = first.createIncident({ openedAt: 1, title: 'precious' });
    first.close();
    const broken: Migration = { version: 9003, name: 'broken', up: (db) => db.exec('CREATE TABLE ok1 (x); SELECT * FROM missing_table') };
    expect(() => openIncidentStore({ dataHome: home, migrations: [...migrations, broken] })).toThrow(/missing_table/);
    expect(movedAside()).toEqual([]);
    const store = openIncidentStore({ dataHome: home });
    expect(store.getIncident(incident.id)?.title).toBe('precious');
    expect(store.database.prepare("SELECT name FROM sqlite_master WHERE name = 'ok1'").get()).toBeUndefined();
    store.close();
  });

  it('refuses two migrations with the same version', () => {
    const dup: Migration = { version: 1, name: 'dup', up: () => undefined };
    expect(() => openIncidentStore({ dataHome: home, migrations: [...migrations, dup] })).toThrow(/Two migrations have version 1/);
  });
});

describe('durability under kill -9', () => {
  it('keeps every event the writer reported as saved', async () => {
    const script = join(home, 'writer.ts');
    const storeModule = join(process.cwd(), 'src/storage/index.ts');
    writeFileSync(
      script,
      `import { openIncidentStore } from ${JSON.stringify(storeModule)};
       const store = openIncidentStore({ dataHome: ${JSON.stringify(home)} });
       const incident = store.createIncident({ openedAt: 1, title: 'crash test', id: 'inc-crash' });
       for (let i = 0; ; i += 1) {
         store.appendEvent({ id: 'e' + i, incidentId: incident.id, at: i, payload: { kind: 'note', text: 'n' + i } });
         process.stdout.write('saved e' + i + '\\n');
       }`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
    const saved: string[] = [];
    let buffer = '';
    await new Promise<void>((resolve, reject) => {
      child.on('error', reject);
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) saved.push(line.replace('saved ', ''));
        if (saved.length >= 200 && child.exitCode === null && !child.killed) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => resolve());
    });
    await new Promise((resolve) => child.once('close', resolve));
    expect(saved.length).toBeGreaterThanOrEqual(200);
    const store = openIncidentStore({ dataHome: home });
    expect(store.openReport.kind).toBe('opened');
    const ids = new Set(store.timeline('inc-crash').map((event) => event.id));
    for (const id of saved) expect(ids.has(id)).toBe(true);
    expect(existsSync(dbPath())).toBe(true);
    store.close();
  }, 60_000);
});
