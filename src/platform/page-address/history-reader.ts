/**
 * Reads the address of the page a browser window shows from the browser's own history:
 * Chromium-family `History` (table `urls`) and Firefox `places.sqlite` (table `moz_places`).
 * The live files are locked and change under us, so each read copies the database (and its
 * journal/WAL) into a private temporary folder and opens the copy read-only. Chromium commits
 * its history in batches (about every 10 s), so a caller retries; see the guard's schedule.
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

async function copyDatabase(source: string, folder: string): Promise<string | undefined> {
  const target = join(folder, 'copy.sqlite');
  try {
    await copyFile(source, target);
  } catch {
    return undefined; // no such profile or not readable: nothing to learn there
  }
  for (const suffix of ['-journal', '-wal']) {
    await copyFile(`${source}${suffix}`, `${target}${suffix}`).catch(() => undefined); // absent when committed
  }
  return target;
}

async function readRows(profile: HistoryProfile, folder: string): Promise<HistoryRow[]> {
  const file = join(profile.profileDir, profile.kind === 'chromium' ? 'History' : 'places.sqlite');
  const copy = await copyDatabase(file, folder);
  if (copy === undefined) return [];
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(copy, { readonly: true, fileMustExist: true });
  try {
    db.defaultSafeIntegers(true);
    const sql =
      profile.kind === 'chromium'
        ? 'SELECT url, title, last_visit_time AS t FROM urls ORDER BY last_visit_time DESC LIMIT ?'
        : 'SELECT url, title, last_visit_date AS t FROM moz_places WHERE last_visit_date IS NOT NULL ORDER BY last_visit_date DESC LIMIT ?';
    const rows = db.prepare(sql).all(ROW_LIMIT) as Array<{ url: unknown; title: unknown; t: unknown }>;
    const toMs = profile.kind === 'chromium' ? chromiumTimeToEpochMs : firefoxTimeToEpochMs;
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
  return {
    async read(query: PageAddressQuery): Promise<PageAddress | null> {
      const profiles = await findProfiles(query);
      const folder = await mkdtemp(join(tmpdir(), 'scarestop-history-'));
      try {
        let best: PageAddress | null = null;
        for (const profile of profiles) {
          const rows = await readRows(profile, folder).catch(() => []);
          await rm(join(folder, 'copy.sqlite'), { force: true });
          const found = matchHistory(rows, query, profile.kind === 'chromium' ? 'chromium-history' : 'firefox-history');
          if (found !== null && (best === null || found.visitedAt > best.visitedAt)) best = found;
        }
        return best;
      } finally {
        await rm(folder, { recursive: true, force: true });
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
