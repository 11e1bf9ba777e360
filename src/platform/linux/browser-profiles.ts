/**
 * Where browsers keep the state that makes them reopen a page after a forced end, and how to
 * rewrite it. Pure functions (paths and text in, paths and text out) so the Linux and Windows
 * adapters share them and tests need no browser. Facts: ../shared/NOTES.md.
 */
import { posix, win32 } from 'node:path';
import type { BrowserFamily } from '../../engine/ports/windows.js';

/** Where to look: the user's folders and the browser's command line (for `--user-data-dir`). */
export interface ProfileLookup {
  readonly home: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** argv of the browser's main process, when it was read before the process ended. */
  readonly commandLine?: readonly string[];
}

/** Value of `--name=value` or `--name value` (also `-name value` as Firefox spells it). */
export function commandLineOption(commandLine: readonly string[], name: string): string | undefined {
  for (let i = 0; i < commandLine.length; i += 1) {
    const arg = commandLine[i] ?? '';
    for (const prefix of [`--${name}`, `-${name}`]) {
      if (arg.startsWith(`${prefix}=`)) return arg.slice(prefix.length + 1);
      if (arg === prefix) return commandLine[i + 1];
    }
  }
  return undefined;
}

const LINUX_CHROMIUM_DIRS: Readonly<Partial<Record<BrowserFamily, readonly string[]>>> = {
  chromium: ['chromium'],
  chrome: ['google-chrome', 'google-chrome-beta', 'google-chrome-unstable'],
  edge: ['microsoft-edge', 'microsoft-edge-beta', 'microsoft-edge-dev'],
  brave: ['BraveSoftware/Brave-Browser'],
  vivaldi: ['vivaldi'],
  opera: ['opera'],
};

/** Chromium-family user data folders on Linux (`--user-data-dir` wins when present). */
export function linuxChromiumUserDataDirs(family: BrowserFamily, lookup: ProfileLookup): string[] {
  const explicit = lookup.commandLine !== undefined ? commandLineOption(lookup.commandLine, 'user-data-dir') : undefined;
  if (explicit !== undefined && explicit !== '') return [explicit];
  const xdg = lookup.env['XDG_CONFIG_HOME'];
  const config = xdg !== undefined && xdg !== '' ? xdg : posix.join(lookup.home, '.config');
  return (LINUX_CHROMIUM_DIRS[family] ?? []).map((dir) => posix.join(config, dir));
}

/** Firefox profile roots on Linux: `-profile DIR` wins, else `~/.mozilla/firefox` (profiles.ini). */
export function linuxFirefoxRoot(lookup: ProfileLookup): { readonly profileDir?: string; readonly root: string } {
  const explicit = lookup.commandLine !== undefined ? commandLineOption(lookup.commandLine, 'profile') : undefined;
  const root = posix.join(lookup.home, '.mozilla', 'firefox');
  return explicit !== undefined && explicit !== '' ? { profileDir: explicit, root } : { root };
}

const WINDOWS_CHROMIUM_DIRS: Readonly<Partial<Record<BrowserFamily, readonly [base: 'LOCALAPPDATA' | 'APPDATA', path: string]>>> = {
  chrome: ['LOCALAPPDATA', 'Google\\Chrome\\User Data'],
  edge: ['LOCALAPPDATA', 'Microsoft\\Edge\\User Data'],
  chromium: ['LOCALAPPDATA', 'Chromium\\User Data'],
  brave: ['LOCALAPPDATA', 'BraveSoftware\\Brave-Browser\\User Data'],
  vivaldi: ['LOCALAPPDATA', 'Vivaldi\\User Data'],
  // Opera keeps its profile (Preferences included) directly in this folder.
  opera: ['APPDATA', 'Opera Software\\Opera Stable'],
};

/** Chromium-family user data folders on Windows (`%LOCALAPPDATA%\Google\Chrome\User Data`, ...). */
export function windowsChromiumUserDataDirs(family: BrowserFamily, lookup: ProfileLookup): string[] {
  const explicit = lookup.commandLine !== undefined ? commandLineOption(lookup.commandLine, 'user-data-dir') : undefined;
  if (explicit !== undefined && explicit !== '') return [explicit];
  const entry = WINDOWS_CHROMIUM_DIRS[family];
  if (entry === undefined) return [];
  const [base, path] = entry;
  const fallback = base === 'LOCALAPPDATA' ? win32.join(lookup.home, 'AppData', 'Local') : win32.join(lookup.home, 'AppData', 'Roaming');
  const root = lookup.env[base];
  return [win32.join(root !== undefined && root !== '' ? root : fallback, path)];
}

/** Firefox profile root on Windows: `%APPDATA%\Mozilla\Firefox` (profiles.ini lives there). */
export function windowsFirefoxRoot(lookup: ProfileLookup): { readonly profileDir?: string; readonly root: string } {
  const appData = lookup.env['APPDATA'];
  const root = win32.join(appData !== undefined && appData !== '' ? appData : win32.join(lookup.home, 'AppData', 'Roaming'), 'Mozilla', 'Firefox');
  const explicit = lookup.commandLine !== undefined ? commandLineOption(lookup.commandLine, 'profile') : undefined;
  return explicit !== undefined && explicit !== '' ? { profileDir: explicit, root } : { root };
}

/** Profile folder names inside a Chromium user data folder that hold a `Preferences` file. */
export function isChromiumProfileDirName(name: string): boolean {
  return name === 'Default' || /^Profile \d+$/.test(name) || name === 'Guest Profile';
}

/** The Preferences files to rewrite, given the entries of a user data folder. */
export function chromiumPreferencesFiles(userDataDir: string, entries: readonly string[], pathApi: typeof posix | typeof win32 = posix): string[] {
  // Opera-style: Preferences directly in the folder.
  const direct = entries.includes('Preferences') ? [pathApi.join(userDataDir, 'Preferences')] : [];
  return [...direct, ...entries.filter(isChromiumProfileDirName).map((name) => pathApi.join(userDataDir, name, 'Preferences'))];
}

/** Result of rewriting one file's text. */
export type Rewrite = { readonly changed: true; readonly text: string } | { readonly changed: false; readonly reason: string };

/** Sets `profile.exit_type` = "Normal" and `profile.exited_cleanly` = true in a Preferences JSON. */
export function rewriteChromiumPreferences(text: string): Rewrite {
  let prefs: unknown;
  try {
    prefs = JSON.parse(text);
  } catch {
    return { changed: false, reason: 'Preferences is not valid JSON' };
  }
  if (typeof prefs !== 'object' || prefs === null || Array.isArray(prefs)) return { changed: false, reason: 'Preferences is not a JSON object' };
  const root = prefs as Record<string, unknown>;
  const existing = root['profile'];
  const profile: Record<string, unknown> = typeof existing === 'object' && existing !== null && !Array.isArray(existing) ? { ...(existing as Record<string, unknown>) } : {};
  if (profile['exit_type'] === 'Normal' && profile['exited_cleanly'] === true) return { changed: false, reason: 'already marked as a clean exit' };
  profile['exit_type'] = 'Normal';
  profile['exited_cleanly'] = true;
  return { changed: true, text: JSON.stringify({ ...root, profile }) };
}

const RESUME_PREF = 'browser.sessionstore.resume_from_crash';
const COMMENT = '// ScareStop: do not reopen a page that had to be force-closed.';

/** Sets `browser.sessionstore.resume_from_crash` to false in a Firefox `user.js` (kept otherwise). */
export function rewriteFirefoxUserJs(existing: string): Rewrite {
  const line = `user_pref("${RESUME_PREF}", false);`;
  const lines = existing === '' ? [] : existing.replace(/\r?\n$/, '').split(/\r?\n/);
  const mentions = lines.filter((l) => l.includes(`"${RESUME_PREF}"`));
  if (mentions.length === 1 && mentions[0]?.trim() === line) return { changed: false, reason: 'already set' };
  const kept = lines.filter((l) => !l.includes(`"${RESUME_PREF}"`) && l !== COMMENT);
  return { changed: true, text: [...kept, COMMENT, line].join('\n') + '\n' };
}

/** Profile folders listed in Firefox's `profiles.ini` (relative paths resolved against `root`). */
export function parseFirefoxProfilesIni(text: string, root: string, pathApi: typeof posix | typeof win32 = posix): string[] {
  const profiles: string[] = [];
  let section: Record<string, string> = {};
  const flush = (): void => {
    const path = section['Path'];
    if (path !== undefined && path !== '') profiles.push(section['IsRelative'] === '0' ? path : pathApi.join(root, path));
    section = {};
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('[')) {
      flush();
      continue;
    }
    const eq = line.indexOf('=');
    if (eq > 0) section[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  flush();
  return [...new Set(profiles)];
}
