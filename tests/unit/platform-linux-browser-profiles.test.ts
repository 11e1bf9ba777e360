import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  chromiumPreferencesFiles,
  commandLineOption,
  linuxChromiumUserDataDirs,
  linuxFirefoxRoot,
  parseFirefoxProfilesIni,
  rewriteChromiumPreferences,
  rewriteFirefoxUserJs,
  windowsChromiumUserDataDirs,
  windowsFirefoxRoot,
} from '../../src/platform/linux/browser-profiles.js';
import { preventSessionRestoreLinux, sessionFilesFor } from '../../src/platform/linux/x11-session-restore.js';

describe('where browsers keep their session state', () => {
  it('Linux: --user-data-dir wins, else ~/.config/<browser> (XDG_CONFIG_HOME respected)', () => {
    expect(linuxChromiumUserDataDirs('chromium', { home: '/home/a', env: {}, commandLine: ['/usr/lib/chromium/chromium', '--user-data-dir=/tmp/p'] })).toEqual(['/tmp/p']);
    expect(linuxChromiumUserDataDirs('chrome', { home: '/home/a', env: {} })).toContain('/home/a/.config/google-chrome');
    expect(linuxChromiumUserDataDirs('edge', { home: '/home/a', env: { XDG_CONFIG_HOME: '/cfg' } })).toContain('/cfg/microsoft-edge');
    expect(linuxFirefoxRoot({ home: '/home/a', env: {}, commandLine: ['firefox', '-profile', '/tmp/ff'] })).toEqual({ profileDir: '/tmp/ff', root: '/home/a/.mozilla/firefox' });
  });

  it('Windows: the folders from NOTES.md', () => {
    const env = { LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local', APPDATA: 'C:\\Users\\a\\AppData\\Roaming' };
    expect(windowsChromiumUserDataDirs('chrome', { home: 'C:\\Users\\a', env })).toEqual(['C:\\Users\\a\\AppData\\Local\\Google\\Chrome\\User Data']);
    expect(windowsChromiumUserDataDirs('edge', { home: 'C:\\Users\\a', env })).toEqual(['C:\\Users\\a\\AppData\\Local\\Microsoft\\Edge\\User Data']);
    expect(windowsChromiumUserDataDirs('edge', { home: 'C:\\Users\\a', env: {} })).toEqual(['C:\\Users\\a\\AppData\\Local\\Microsoft\\Edge\\User Data']);
    expect(windowsFirefoxRoot({ home: 'C:\\Users\\a', env })).toEqual({ root: 'C:\\Users\\a\\AppData\\Roaming\\Mozilla\\Firefox' });
    expect(windowsChromiumUserDataDirs('firefox', { home: 'C:\\Users\\a', env })).toEqual([]);
  });

  it('reads options in both spellings', () => {
    expect(commandLineOption(['x', '--user-data-dir', '/p'], 'user-data-dir')).toBe('/p');
    expect(commandLineOption(['x'], 'user-data-dir')).toBeUndefined();
  });

  it('lists every profile Preferences file', () => {
    expect(chromiumPreferencesFiles('/u', ['Default', 'Profile 2', 'Crashpad', 'Local State'])).toEqual(['/u/Default/Preferences', '/u/Profile 2/Preferences']);
  });

  it('parses profiles.ini with relative and absolute paths', () => {
    const ini = '[General]\nStartWithLastProfile=1\n\n[Profile0]\nName=default\nIsRelative=1\nPath=abc.default-release\n\n[Profile1]\nIsRelative=0\nPath=/data/ff\n\n[Install4F96D1932A9F858E]\nDefault=abc.default-release\n';
    expect(parseFirefoxProfilesIni(ini, '/home/a/.mozilla/firefox')).toEqual(['/home/a/.mozilla/firefox/abc.default-release', '/data/ff']);
  });
});

describe('rewrites', () => {
  it('marks Chromium Preferences as a clean exit and keeps everything else', () => {
    const result = rewriteChromiumPreferences(JSON.stringify({ profile: { exit_type: 'Crashed', exited_cleanly: false, name: 'Person 1' }, other: [1] }));
    expect(result.changed).toBe(true);
    if (result.changed) expect(JSON.parse(result.text)).toEqual({ profile: { exit_type: 'Normal', exited_cleanly: true, name: 'Person 1' }, other: [1] });
    expect(rewriteChromiumPreferences('{"profile":{"exit_type":"Normal","exited_cleanly":true}}')).toEqual({ changed: false, reason: 'already marked as a clean exit' });
    expect(rewriteChromiumPreferences('not json').changed).toBe(false);
    expect(rewriteChromiumPreferences('[1]').changed).toBe(false);
  });

  it('sets resume_from_crash=false in user.js once, replacing an old value', () => {
    const first = rewriteFirefoxUserJs('user_pref("a.b", 1);\nuser_pref("browser.sessionstore.resume_from_crash", true);\n');
    expect(first.changed).toBe(true);
    if (!first.changed) return;
    expect(first.text).toContain('user_pref("a.b", 1);');
    expect(first.text).toContain('user_pref("browser.sessionstore.resume_from_crash", false);');
    expect(first.text).not.toContain('resume_from_crash", true');
    expect(rewriteFirefoxUserJs(first.text).changed).toBe(false);
  });
});

describe('session-restore prevention on disk', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it('rewrites every profile of the ended Chromium and reports it', () => {
    dir = mkdtempSync(join(tmpdir(), 'scarestop-profiles-'));
    for (const profile of ['Default', 'Profile 1']) {
      mkdirSync(join(dir, profile));
      writeFileSync(join(dir, profile, 'Preferences'), JSON.stringify({ profile: { exit_type: 'Crashed', exited_cleanly: false } }));
    }
    const commandLine = ['/usr/lib/chromium/chromium', `--user-data-dir=${dir}`];
    expect(sessionFilesFor('chromium', { home: '/nonexistent', env: {}, commandLine })).toHaveLength(2);
    expect(preventSessionRestoreLinux('chromium', commandLine, { HOME: '/nonexistent' })).toMatchObject({ status: 'done' });
    const prefs = JSON.parse(readFileSync(join(dir, 'Profile 1', 'Preferences'), 'utf8')) as { profile: Record<string, unknown> };
    expect(prefs.profile).toEqual({ exit_type: 'Normal', exited_cleanly: true });
    expect(preventSessionRestoreLinux('chromium', commandLine, { HOME: '/nonexistent' })).toMatchObject({ status: 'not-needed' });
  });

  it('writes user.js into each Firefox profile from profiles.ini', () => {
    dir = mkdtempSync(join(tmpdir(), 'scarestop-home-'));
    const root = join(dir, '.mozilla', 'firefox');
    mkdirSync(join(root, 'x.default'), { recursive: true });
    writeFileSync(join(root, 'profiles.ini'), '[Profile0]\nIsRelative=1\nPath=x.default\n');
    expect(preventSessionRestoreLinux('firefox', undefined, { HOME: dir })).toMatchObject({ status: 'done' });
    expect(readFileSync(join(root, 'x.default', 'user.js'), 'utf8')).toContain('"browser.sessionstore.resume_from_crash", false');
  });

  it('says so when there is no profile to fix', () => {
    expect(preventSessionRestoreLinux('brave', undefined, { HOME: '/nonexistent' })).toMatchObject({ status: 'not-needed' });
  });
});
