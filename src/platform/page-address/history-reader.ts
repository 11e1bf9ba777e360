/**
 * Reads the address of the page a browser window shows from the browser's own history:
 * Chromium-family `History` (table `urls`) and Firefox `places.sqlite` (table `moz_places`).
 * The live files are locked and change under us, so a read copies the database with its
 * rollback journal or WAL into a private temporary folder and opens the copy there: SQLite then
 * rolls back a half-written transaction or applies the WAL (Firefox commits into its WAL), so
 * we see exactly what the browser has committed.
 *
 * Chromium commits its history in batches (10 s after a visit, measured), so callers ask often;
 * a read whose files have not changed since the last one (same size and modification time)
 * answers from the rows read then, at the cost of a few `stat` calls instead of a copy.
 */
import { copyFile, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PageAddress, PageAddressQuery, PageAddressReader } from '../../engine/ports/browser-page.js';
import { chromiumTimeToEpochMs, firefoxTimeToEpochMs, matchHistory, type HistoryRow } from './history-match.js';

/** A browser profile folder that may hold a history database. */
export type HistoryProfile = { readonly kind: 'chromium'; readonly profileDir: string } | { readonly kind: 'firefox'; readonly profileDir: string };

/** Where the browser behind a window keeps its profiles (OS-specific; see linux/ and win32/). */
export type ProfileFinder = (query: PageAddressQuery) => Promise<readonly HistoryProfile[]>;

/** Rows read per database: the newest visits only. */
const ROW_LIMIT = 200;
/** Databases whose last rows are remembered (a person has a few browser profiles). */
const REMEMBERED_DATABASES = 16;
/** Beside the database: a rollback journal (Chromium) or a write-ahead log (Firefox). */
const COMPANIONS = ['-journal', '-wal'] as const;

/** Size and modification time of the database and its companions: equal means unchanged. */
async function fingerprintOf(file: string): Promise<string | undefined> {
  const parts = await Promise.all([file, ...COMPANIONS.map((suffix) => `${file}${suffix}`)].map((path) => stat(path).then((s) => `${s.size}@${s.mtimeMs}`, () => '-')));
  return parts[0] === '-' ? undefined : parts.join(' ');
}

async function copyDatabase(source: string, folder: string): Promise<string | undefined> {
  const target = join(folder, 'copy.sqlite');
  try {
    await copyFile(source, target);
  } catch {
    return undefined; // no such profile or not readable: nothing to learn there
  }
  for (const suffix of COMPANIONS) {
    await copyFile(`${source}${suffix}`, `${target}${suffix}`).catch(() => undefined); // absent when committed
  }
  return target;
}

async function readRows(file: string, kind: HistoryProfile['kind'], parent: string): Promise<HistoryRow[]> {
  const folder = await mkdtemp(join(parent, 'db-'));
  try {
    const copy = await copyDatabase(file, folder);
    return copy === undefined ? [] : await queryRows(copy, kind);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

async function queryRows(copy: string, kind: HistoryProfile['kind']): Promise<HistoryRow[]> {
  const { default: Database } = await import('better-sqlite3');
  // Not read-only: it is our private copy, and SQLite must be able to roll back a hot journal
  // or build the WAL index to show the committed state.
  const db = new Database(copy, { fileMustExist: true });
  try {
    db.defaultSafeIntegers(true);
    const sql =
      kind === 'chromium'
        ? 'SELECT url, title, last_visit_time AS t FROM urls ORDER BY last_visit_time DESC LIMIT ?'
        : 'SELECT url, title, last_visit_date AS t FROM moz_places WHERE last_visit_date IS NOT NULL ORDER BY last_visit_date DESC LIMIT ?';
    const rows = db.prepare(sql).all(ROW_LIMIT) as Array<{ url: unknown; title: unknown; t: unknown }>;
    const toMs = kind === 'chromium' ? chromiumTimeToEpochMs : firefoxTimeToEpochMs;
    return rows.flatMap((row) =>
      typeof row.url === 'string' && (typeof row.t === 'bigint' || typeof row.t === 'number')
        ? [{ url: row.url, title: typeof row.title === 'string' ? row.title : '', visitedAt: toMs(row.t) }]
        : [],
    );
  } finally {
    db.close();
  }
}

/** A page-address reader over the browsers' history files. */
export function createHistoryAddressReader(findProfiles: ProfileFinder): PageAddressReader {
  // Per database: the fingerprint and rows of the last read (bounded; oldest forgotten first).
  const remembered = new Map<string, { readonly fingerprint: string; readonly rows: readonly HistoryRow[] }>();
  const rowsOf = async (profile: HistoryProfile, parent: () => Promise<string>): Promise<readonly HistoryRow[]> => {
    const file = join(profile.profileDir, profile.kind === 'chromium' ? 'History' : 'places.sqlite');
    const fingerprint = await fingerprintOf(file);
    if (fingerprint === undefined) return [];
    const known = remembered.get(file);
    if (known?.fingerprint === fingerprint) return known.rows;
    const rows = await readRows(file, profile.kind, await parent());
    remembered.delete(file);
    remembered.set(file, { fingerprint, rows });
    if (remembered.size > REMEMBERED_DATABASES) remembered.delete(remembered.keys().next().value ?? file);
    return rows;
  };
  return {
    async read(query: PageAddressQuery): Promise<PageAddress | null> {
      const profiles = await findProfiles(query);
      let folder: string | undefined;
      const parent = async (): Promise<string> => (folder ??= await mkdtemp(join(tmpdir(), 'scarestop-history-')));
      try {
        let best: PageAddress | null = null;
        for (const profile of profiles) {
          const rows = await rowsOf(profile, parent).catch(() => []);
          const found = matchHistory(rows, query, profile.kind === 'chromium' ? 'chromium-history' : 'firefox-history');
          if (found !== null && (best === null || found.visitedAt > best.visitedAt)) best = found;
        }
        return best;
      } finally {
        if (folder !== undefined) await rm(folder, { recursive: true, force: true });
      }
    },
  };
}

/** The profile folders inside a Chromium user data folder that have a History file, newest first. */
export async function chromiumHistoryProfiles(userDataDir: string, isProfileDir: (name: string) => boolean): Promise<HistoryProfile[]> {
  const names = await readdir(userDataDir).catch(() => [] as string[]);
  const found: Array<{ profile: HistoryProfile; modified: number }> = [];
  for (const name of names.filter(isProfileDir)) {
    const profileDir = join(userDataDir, name);
    const modified = await stat(join(profileDir, 'History')).then((s) => s.mtimeMs, () => undefined);
    if (modified !== undefined) found.push({ profile: { kind: 'chromium', profileDir }, modified });
  }
  return found.sort((a, b) => b.modified - a.modified).map((entry) => entry.profile);
}
