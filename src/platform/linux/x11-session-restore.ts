/**
 * Session-restore prevention on Linux: after a browser had to be ended, rewrite its profile so
 * the next start does not offer (or silently perform) "Restore pages". Paths and rewrites come
 * from the pure functions in browser-profiles.ts; this file only reads and writes files.
 */
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ActionOutcome, BrowserFamily } from '../../engine/ports/windows.js';
import { PlatformError } from '../../engine/ports/errors.js';
import {
  chromiumPreferencesFiles,
  linuxChromiumUserDataDirs,
  linuxFirefoxRoot,
  parseFirefoxProfilesIni,
  rewriteChromiumPreferences,
  rewriteFirefoxUserJs,
  type ProfileLookup,
  type Rewrite,
} from './browser-profiles.js';

/** Writes via a temporary file and rename, so a crash never leaves half a Preferences file. */
function rewriteFile(path: string, rewrite: (text: string) => Rewrite, missingText?: string): 'changed' | 'unchanged' {
  let text: string;
  if (existsSync(path)) text = readFileSync(path, 'utf8');
  else if (missingText !== undefined) text = missingText;
  else return 'unchanged';
  const result = rewrite(text);
  if (!result.changed) return 'unchanged';
  const temp = `${path}.scarestop-tmp`;
  writeFileSync(temp, result.text, 'utf8');
  renameSync(temp, path);
  return 'changed';
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return []; // no such profile folder: nothing to rewrite there
  }
}

/** The files this would touch for a browser (for tests and the report). */
export function sessionFilesFor(family: BrowserFamily, lookup: ProfileLookup): string[] {
  if (family === 'firefox') {
    const { profileDir, root } = linuxFirefoxRoot(lookup);
    const ini = join(root, 'profiles.ini');
    const dirs = profileDir !== undefined ? [profileDir] : existsSync(ini) ? parseFirefoxProfilesIni(readFileSync(ini, 'utf8'), root) : [];
    return dirs.map((dir) => join(dir, 'user.js'));
  }
  return linuxChromiumUserDataDirs(family, lookup).flatMap((dir) => chromiumPreferencesFiles(dir, listDir(dir)));
}

/** Rewrites the browser's profile(s); `commandLine` is the ended process's argv when known. */
export function preventSessionRestoreLinux(family: BrowserFamily, commandLine: readonly string[] | undefined, env: NodeJS.ProcessEnv = process.env): ActionOutcome {
  const lookup: ProfileLookup = { home: env['HOME'] ?? homedir(), env, ...(commandLine !== undefined ? { commandLine } : {}) };
  const files = sessionFilesFor(family, lookup);
  if (files.length === 0) return { status: 'not-needed', detail: `no ${family} profile found` };
  let changed = 0;
  const failures: string[] = [];
  for (const file of files) {
    try {
      const result = family === 'firefox' ? rewriteFile(file, rewriteFirefoxUserJs, '') : rewriteFile(file, rewriteChromiumPreferences);
      if (result === 'changed') changed += 1;
    } catch (error) {
      failures.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (failures.length > 0) {
    return { status: 'failed', detail: failures.join('; '), error: new PlatformError('command-failed', 'could not rewrite the browser profile', { cause: failures }) };
  }
  return changed > 0 ? { status: 'done', detail: `marked ${changed} profile(s) as cleanly closed` } : { status: 'not-needed', detail: 'profiles already marked as cleanly closed' };
}
