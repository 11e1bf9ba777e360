import { describe, expect, it } from 'vitest';
import { firefoxUserJsWithoutCrashRestore, isChromiumProfileDir, markChromiumPreferencesClean, profileRoots, userDataDirFromCommandLine } from '../../../src/platform/win32/browser-profiles.js';

const env = { LOCALAPPDATA: 'C:\\Users\\Hanako\\AppData\\Local', APPDATA: 'C:\\Users\\Hanako\\AppData\\Roaming' };

describe('Windows browser profiles', () => {
  it('knows where Chrome, Edge and Firefox keep their profiles', () => {
    expect(profileRoots('chrome', env)).toEqual([{ kind: 'chromium', userDataDir: 'C:\\Users\\Hanako\\AppData\\Local\\Google\\Chrome\\User Data' }]);
    expect(profileRoots('edge', env)).toEqual([{ kind: 'chromium', userDataDir: 'C:\\Users\\Hanako\\AppData\\Local\\Microsoft\\Edge\\User Data' }]);
    expect(profileRoots('firefox', env)).toEqual([{ kind: 'firefox', profilesDir: 'C:\\Users\\Hanako\\AppData\\Roaming\\Mozilla\\Firefox\\Profiles' }]);
    expect(profileRoots('chrome', {})).toEqual([]);
    expect(profileRoots('other', env)).toEqual([]);
  });

  it('recognises Chromium profile folders', () => {
    expect(['Default', 'Profile 1', 'Profile 12', 'Guest Profile'].every(isChromiumProfileDir)).toBe(true);
    expect(['System Profile', 'Crashpad', 'Profile x', 'ShaderCache'].some(isChromiumProfileDir)).toBe(false);
  });

  it('marks a crashed Chromium profile as cleanly exited and keeps the rest', () => {
    const edit = markChromiumPreferencesClean(JSON.stringify({ profile: { exit_type: 'Crashed', exited_cleanly: false, name: 'Hanako' }, session: { restore_on_startup: 1 } }));
    expect(edit.changed).toBe(true);
    if (edit.changed) expect(JSON.parse(edit.text)).toEqual({ profile: { exit_type: 'Normal', exited_cleanly: true, name: 'Hanako' }, session: { restore_on_startup: 1 } });
    expect(markChromiumPreferencesClean('{"profile":{"exit_type":"Normal","exited_cleanly":true}}')).toEqual({ changed: false, reason: 'already-clean' });
    expect(markChromiumPreferencesClean('{not json')).toEqual({ changed: false, reason: 'not-json' });
    expect(markChromiumPreferencesClean('[1,2]')).toEqual({ changed: false, reason: 'not-json' });
  });

  it('sets Firefox resume_from_crash=false in user.js, replacing an old value and keeping other prefs', () => {
    const edit = firefoxUserJsWithoutCrashRestore('user_pref("browser.startup.homepage", "about:home");\nuser_pref("browser.sessionstore.resume_from_crash", true);\n');
    expect(edit.changed).toBe(true);
    if (!edit.changed) return;
    expect(edit.text).toContain('user_pref("browser.startup.homepage", "about:home");');
    expect(edit.text).toContain('user_pref("browser.sessionstore.resume_from_crash", false);');
    expect(edit.text).not.toContain('resume_from_crash", true');
    expect(firefoxUserJsWithoutCrashRestore(edit.text)).toEqual({ changed: false, reason: 'already-clean' });
    expect(firefoxUserJsWithoutCrashRestore(undefined).changed).toBe(true);
  });

  it('finds a custom --user-data-dir on a Chromium command line, however it is quoted', () => {
    expect(userDataDirFromCommandLine('"C:\\Apps\\chrome.exe" --user-data-dir=D:\\Portable\\Data --flag')).toBe('D:\\Portable\\Data');
    expect(userDataDirFromCommandLine('chrome.exe --user-data-dir="C:\\My Data" --x')).toBe('C:\\My Data');
    expect(userDataDirFromCommandLine('chrome.exe "--user-data-dir=C:\\My Data" --x')).toBe('C:\\My Data');
    expect(userDataDirFromCommandLine('chrome.exe --user-data-dir=relative\\dir')).toBeUndefined();
    expect(userDataDirFromCommandLine('chrome.exe --no-user-data-dir')).toBeUndefined();
  });
});
