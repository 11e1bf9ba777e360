/**
 * Windows: the browser behind a window keeps its history in its profile under %LOCALAPPDATA%
 * (Chromium family) or %APPDATA%\Mozilla\Firefox\Profiles; the same history reader as Linux
 * reads a copy. (UI Automation's address-bar value would be faster; it needs COM automation
 * that cannot be tested here.)
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { browserFamilyOf } from '../../engine/browsers.js';
import type { PageAddressReader } from '../../engine/ports/browser-page.js';
import { chromiumHistoryProfiles, createHistoryAddressReader, type HistoryProfile } from '../page-address/history-reader.js';
import { isChromiumProfileDir, profileRoots } from './browser-profiles.js';

/** The Windows page-address reader. */
export function createWin32PageAddressReader(options: { readonly env?: NodeJS.ProcessEnv } = {}): PageAddressReader {
  const env = options.env ?? process.env;
  const roots = { ...(env['LOCALAPPDATA'] !== undefined ? { LOCALAPPDATA: env['LOCALAPPDATA'] } : {}), ...(env['APPDATA'] !== undefined ? { APPDATA: env['APPDATA'] } : {}) };
  return createHistoryAddressReader(async (query) => {
    const family = browserFamilyOf(query.processPath);
    if (family === undefined || family === 'other') return [];
    const profiles: HistoryProfile[] = [];
    for (const root of profileRoots(family, roots)) {
      if (root.kind === 'chromium') profiles.push(...(await chromiumHistoryProfiles(root.userDataDir, isChromiumProfileDir)));
      else for (const name of await readdir(root.profilesDir).catch(() => [] as string[])) profiles.push({ kind: 'firefox', profileDir: join(root.profilesDir, name) });
    }
    return profiles;
  });
}
