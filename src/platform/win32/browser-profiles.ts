/**
 * Pure knowledge of where Windows browsers keep their profiles, and the edits that stop them
 * reopening the scam page after a forced end ("Restore pages?" / Firefox's crash restore).
 * No I/O here: session-restore.ts applies these to the disk.
 */
import type { BrowserFamily } from '../../engine/ports/windows.js';

/** Where a family's profiles live. */
export type ProfileRoot =
  | { readonly kind: 'chromium'; readonly userDataDir: string }
  | { readonly kind: 'firefox'; readonly profilesDir: string };

/** Chromium-family user data folders under %LOCALAPPDATA% (Opera's lives under %APPDATA%). */
const CHROMIUM_DIRS: Readonly<Record<Exclude<BrowserFamily, 'firefox' | 'other'>, readonly string[]>> = {
  chrome: ['Google\\Chrome\\User Data'],
  chromium: ['Chromium\\User Data'],
  edge: ['Microsoft\\Edge\\User Data'],
  brave: ['BraveSoftware\\Brave-Browser\\User Data'],
  vivaldi: ['Vivaldi\\User Data'],
  opera: [], // see operaDirs below
};

function join(...parts: string[]): string {
  return parts.map((part, i) => (i === 0 ? part.replace(/[\\/]+$/, '') : part.replace(/^[\\/]+|[\\/]+$/g, ''))).join('\\');
}

/**
 * The profile roots of one browser family, from the user's environment. Missing variables
 * give no roots (nothing to fix) rather than a guessed path.
 */
export function profileRoots(family: BrowserFamily, env: { readonly LOCALAPPDATA?: string; readonly APPDATA?: string }): ProfileRoot[] {
  const local = env.LOCALAPPDATA;
  const roaming = env.APPDATA;
  switch (family) {
    case 'firefox':
      return roaming === undefined ? [] : [{ kind: 'firefox', profilesDir: join(roaming, 'Mozilla\\Firefox\\Profiles') }];
    case 'opera':
      return roaming === undefined
        ? []
        : [
            { kind: 'chromium', userDataDir: join(roaming, 'Opera Software\\Opera Stable') },
            { kind: 'chromium', userDataDir: join(roaming, 'Opera Software\\Opera GX Stable') },
          ];
    case 'other':
      return [];
    case 'chrome':
    case 'chromium':
    case 'edge':
    case 'brave':
    case 'vivaldi':
      return local === undefined ? [] : CHROMIUM_DIRS[family].map((dir) => ({ kind: 'chromium', userDataDir: join(local, dir) }));
  }
}

/** Chromium profile folder names inside a user data folder: `Default`, `Profile 1`, `Guest Profile`… */
export function isChromiumProfileDir(name: string): boolean {
  return name === 'Default' || /^Profile \d{1,4}$/.test(name) || name === 'Guest Profile';
}

/** Result of editing one Preferences file. */
export type PreferencesEdit = { readonly changed: true; readonly text: string } | { readonly changed: false; readonly reason: 'already-clean' | 'not-json' };

/**
 * Marks a Chromium profile as cleanly exited: `profile.exit_type = "Normal"` and
 * `profile.exited_cleanly = true`. Everything else in the file is kept as it was.
 */
export function markChromiumPreferencesClean(text: string): PreferencesEdit {
  let prefs: unknown;
  try {
    prefs = JSON.parse(text);
  } catch {
    return { changed: false, reason: 'not-json' };
  }
  if (typeof prefs !== 'object' || prefs === null || Array.isArray(prefs)) return { changed: false, reason: 'not-json' };
  const root = prefs as Record<string, unknown>;
  const existing = root['profile'];
  const profile: Record<string, unknown> = typeof existing === 'object' && existing !== null && !Array.isArray(existing) ? { ...(existing as Record<string, unknown>) } : {};
  if (profile['exit_type'] === 'Normal' && profile['exited_cleanly'] === true) return { changed: false, reason: 'already-clean' };
  profile['exit_type'] = 'Normal';
  profile['exited_cleanly'] = true;
  root['profile'] = profile;
  return { changed: true, text: JSON.stringify(root) };
}

const RESUME_PREF = 'browser.sessionstore.resume_from_crash';
const RESUME_LINE = `user_pref("${RESUME_PREF}", false);`;
const NOTE_LINE = '// Added by ScareStop after closing a scam page, so Firefox does not reopen it.';

/**
 * Firefox `user.js` with `browser.sessionstore.resume_from_crash` set to false (an existing
 * line for that pref is replaced; other lines are kept). `current` is undefined for no file.
 */
export function firefoxUserJsWithoutCrashRestore(current: string | undefined): PreferencesEdit {
  const lines = (current ?? '').split(/\r?\n/);
  const isPrefLine = (line: string): boolean => line.includes(`"${RESUME_PREF}"`);
  const prefLines = lines.filter(isPrefLine);
  if (prefLines.length === 1 && prefLines[0]?.trim() === RESUME_LINE) return { changed: false, reason: 'already-clean' };
  const kept = lines.filter((line) => !isPrefLine(line) && line !== NOTE_LINE);
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  kept.push(NOTE_LINE, RESUME_LINE, '');
  return { changed: true, text: kept.join('\n') };
}

/**
 * The `--user-data-dir` of a Chromium command line (portable or managed installs keep their
 * profiles elsewhere), or undefined. Accepts `--user-data-dir=C:\x`, `--user-data-dir="C:\x y"` and
 * `"--user-data-dir=C:\x y"`.
 */
export function userDataDirFromCommandLine(commandLine: string): string | undefined {
  // Windows quotes either the whole argument ("--user-data-dir=C:\x y") or just the value.
  const match = /(?:^|\s)(?:"--user-data-dir=([^"]+)"|--user-data-dir=(?:"([^"]+)"|([^\s"]+)))/i.exec(commandLine);
  const dir = (match?.[1] ?? match?.[2] ?? match?.[3])?.trim();
  return dir === undefined || dir === '' || !/^([A-Za-z]:\\|\\\\)/.test(dir) ? undefined : dir;
}
