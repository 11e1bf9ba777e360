/**
 * The history reader on real SQLite files in a temporary folder, shaped like the browsers'
 * own: Firefox's places.sqlite keeps fresh visits in its write-ahead log (the -wal file) until a
 * checkpoint, and Chromium's History is read again only when its files have changed.
 */
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHistoryAddressReader, type HistoryProfile } from '../../../src/platform/page-address/history-reader.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});
function profileFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'scarestop-history-test-'));
  folders.push(folder);
  mkdirSync(join(folder, 'profile'));
  return join(folder, 'profile');
}

const visitedAt = Date.UTC(2026, 11, 6, 3, 0, 0);
const query = { pid: 1, title: 'Security Warning - Mozilla Firefox', since: visitedAt };

describe('reading the page address from a history database', () => {
  it("finds a Firefox visit that is still only in the write-ahead log (the browser's live state)", async () => {
    const profileDir = profileFolder();
    const live = new Database(join(profileDir, 'places.sqlite'));
    try {
      live.pragma('journal_mode = WAL');
      live.pragma('wal_autocheckpoint = 0'); // like a running Firefox between checkpoints
      live.exec('CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT, title TEXT, last_visit_date INTEGER)');
      live.prepare('INSERT INTO moz_places (url, title, last_visit_date) VALUES (?, ?, ?)').run('http://203.0.113.9/?phone=18885550199', 'Security Warning', visitedAt * 1000);
      const reader = createHistoryAddressReader(() => Promise.resolve<HistoryProfile[]>([{ kind: 'firefox', profileDir }]));
      expect(await reader.read(query)).toEqual({ url: 'http://203.0.113.9/?phone=18885550199', title: 'Security Warning', visitedAt, source: 'firefox-history' });
    } finally {
      live.close();
    }
  });

  it("shows what Chromium has committed while a batch is half written to disk (a hot rollback journal)", async () => {
    const profileDir = profileFolder();
    const live = new Database(join(profileDir, 'History'));
    try {
      live.pragma('journal_mode = TRUNCATE'); // Chromium's History
      live.exec('CREATE TABLE urls (id INTEGER PRIMARY KEY, url TEXT, title TEXT, last_visit_time INTEGER)');
      const insert = live.prepare('INSERT INTO urls (url, title, last_visit_time) VALUES (?, ?, ?)');
      insert.run('http://198.51.100.7/alert', 'Security Warning', (BigInt(visitedAt) + 11_644_473_600_000n) * 1000n);
      // The next batch is open and larger than the page cache: SQLite has already written some of
      // it into the database file, with the old pages saved in History-journal.
      live.pragma('cache_size = 2');
      live.exec('BEGIN');
      for (let i = 0; i < 2_000; i += 1) insert.run(`http://198.51.100.7/later/${'x'.repeat(200)}`, 'Later page', (BigInt(visitedAt) + 11_644_473_601_000n) * 1000n);
      const reader = createHistoryAddressReader(() => Promise.resolve<HistoryProfile[]>([{ kind: 'chromium', profileDir }]));
      expect((await reader.read({ ...query, title: 'Security Warning - Chromium' }))?.url).toBe('http://198.51.100.7/alert');
      expect(await reader.read({ ...query, title: 'Later page - Chromium' })).toBeNull(); // not committed
      live.exec('ROLLBACK');
    } finally {
      live.close();
    }
  });

  it('reads the database again once the browser has written to it, and answers an unchanged one from memory', async () => {
    const profileDir = profileFolder();
    const live = new Database(join(profileDir, 'History'));
    try {
      live.exec('CREATE TABLE urls (id INTEGER PRIMARY KEY, url TEXT, title TEXT, last_visit_time INTEGER)');
      const reader = createHistoryAddressReader(() => Promise.resolve<HistoryProfile[]>([{ kind: 'chromium', profileDir }]));
      const chromiumQuery = { ...query, title: 'Security Warning - Chromium' };
      expect(await reader.read(chromiumQuery)).toBeNull();
      expect(await reader.read(chromiumQuery)).toBeNull(); // unchanged files: same answer
      // Chromium commits its batch: the visit is there now (µs since 1601).
      live.prepare('INSERT INTO urls (url, title, last_visit_time) VALUES (?, ?, ?)').run('http://198.51.100.7/alert', 'Security Warning', (BigInt(visitedAt) + 11_644_473_600_000n) * 1000n);
      expect((await reader.read(chromiumQuery))?.url).toBe('http://198.51.100.7/alert');
    } finally {
      live.close();
    }
  });
});
