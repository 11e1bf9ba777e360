/**
 * Applies browser-profiles.ts edits to disk so a force-ended browser does not reopen the scam
 * page on its next start. Files are replaced atomically (write beside, then rename), so a
 * crash mid-way never leaves a browser with a half-written Preferences file.
 */
import { readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ActionOutcome, BrowserFamily } from '../../engine/ports/windows.js';
import { PlatformError } from '../../engine/ports/errors.js';
import { firefoxUserJsWithoutCrashRestore, isChromiumProfileDir, markChromiumPreferencesClean, profileRoots, type PreferencesEdit, type ProfileRoot } from './browser-profiles.js';

/** Real Preferences files are a few hundred KB; refuse to load anything absurd. */
const MAX_PREFERENCES_BYTES = 32 * 1024 * 1024;

async function listDirs(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

async function readBounded(path: string): Promise<string | undefined> {
  try {
    const info = await stat(path);
    if (info.size > MAX_PREFERENCES_BYTES) throw new Error(`${path} is larger than ${MAX_PREFERENCES_BYTES} bytes`);
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function applyEdit(path: string, edit: (current: string | undefined) => PreferencesEdit, createMissing: boolean): Promise<'changed' | 'clean' | 'skipped'> {
  const current = await readBounded(path);
  if (current === undefined && !createMissing) return 'skipped';
  const result = edit(current);
  if (!result.changed) return result.reason === 'already-clean' ? 'clean' : 'skipped';
  const temp = `${path}.scarestop-${process.pid}.tmp`;
  await writeFile(temp, result.text, 'utf8');
  await rename(temp, path);
  return 'changed';
}

async function fixRoot(root: ProfileRoot): Promise<string[]> {
  const done: string[] = [];
  switch (root.kind) {
    case 'chromium':
      for (const name of (await listDirs(root.userDataDir)).filter(isChromiumProfileDir)) {
        const path = join(root.userDataDir, name, 'Preferences');
        const outcome = await applyEdit(path, (text) => (text === undefined ? { changed: false, reason: 'not-json' } : markChromiumPreferencesClean(text)), false);
        if (outcome !== 'skipped') done.push(`${path}: ${outcome}`);
      }
      return done;
    case 'firefox':
      for (const name of await listDirs(root.profilesDir)) {
        const path = join(root.profilesDir, name, 'user.js');
        const outcome = await applyEdit(path, firefoxUserJsWithoutCrashRestore, true);
        done.push(`${path}: ${outcome}`);
      }
      return done;
  }
}

/**
 * Prevents session restore for one browser family under the user's profile folders, plus
 * `extraUserDataDirs` (a Chromium `--user-data-dir` seen on the ended browser's command line).
 */
export async function preventWin32SessionRestore(family: BrowserFamily, env: NodeJS.ProcessEnv = process.env, extraUserDataDirs: readonly string[] = []): Promise<ActionOutcome> {
  const extra: ProfileRoot[] = family === 'firefox' ? [] : extraUserDataDirs.map((userDataDir) => ({ kind: 'chromium', userDataDir }));
  const roots = [...profileRoots(family, { LOCALAPPDATA: env['LOCALAPPDATA'], APPDATA: env['APPDATA'] }), ...extra];
  if (roots.length === 0) return { status: 'not-needed', detail: `no known profile folder for ${family}` };
  try {
    const done = (await Promise.all(roots.map(fixRoot))).flat();
    if (done.length === 0) return { status: 'not-needed', detail: `no ${family} profile found` };
    return { status: 'done', detail: done.join('; ') };
  } catch (cause) {
    const error = new PlatformError('session-restore-failed', `could not update ${family} profile: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    return { status: 'failed', detail: error.message, error };
  }
}
