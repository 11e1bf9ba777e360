/**
 * Linux: where the browser behind a window keeps its history. The window's pid is the
 * browser's main process; its command line names `--user-data-dir` (Chromium family) or
 * `-profile` (Firefox) when the defaults are not used.
 */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { browserFamilyOf } from '../../engine/browsers.js';
import type { PageAddressReader } from '../../engine/ports/browser-page.js';
import { chromiumHistoryProfiles, createHistoryAddressReader, type HistoryProfile } from '../page-address/history-reader.js';
import { isChromiumProfileDirName, linuxChromiumUserDataDirs, linuxFirefoxRoot, parseFirefoxProfilesIni, type ProfileLookup } from './browser-profiles.js';

async function commandLineOf(pid: number, procRoot: string): Promise<string[] | undefined> {
  const raw = await readFile(`${procRoot}/${pid}/cmdline`, 'utf8').catch(() => undefined);
  return raw === undefined ? undefined : raw.split('\0').filter((part) => part !== '');
}

/** The Linux page-address reader (Chromium-family History, Firefox places.sqlite). */
export function createLinuxPageAddressReader(options: { readonly env?: NodeJS.ProcessEnv; readonly procRoot?: string } = {}): PageAddressReader {
  const env = options.env ?? process.env;
  const procRoot = options.procRoot ?? '/proc';
  return createHistoryAddressReader(async (query) => {
    const commandLine = await commandLineOf(query.pid, procRoot);
    const family = browserFamilyOf(query.processPath ?? commandLine?.[0]);
    if (family === undefined || family === 'other') return [];
    const lookup: ProfileLookup = { home: env['HOME'] ?? homedir(), env, ...(commandLine !== undefined ? { commandLine } : {}) };
    if (family === 'firefox') {
      const { profileDir, root } = linuxFirefoxRoot(lookup);
      const ini = await readFile(join(root, 'profiles.ini'), 'utf8').catch(() => '');
      const dirs = profileDir !== undefined ? [profileDir] : parseFirefoxProfilesIni(ini, root);
      return dirs.map((dir): HistoryProfile => ({ kind: 'firefox', profileDir: dir }));
    }
    const profiles: HistoryProfile[] = [];
    for (const userDataDir of linuxChromiumUserDataDirs(family, lookup)) profiles.push(...(await chromiumHistoryProfiles(userDataDir, isChromiumProfileDirName)));
    return profiles;
  });
}
