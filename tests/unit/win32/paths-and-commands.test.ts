import { describe, expect, it } from 'vitest';
import { decodeArtifactText, expandWindowsPath, toArtifactPattern } from '../../../src/platform/win32/artifact-paths.js';
import { executableFromCommandLine } from '../../../src/platform/win32/command-line.js';
import { coversScreen, hwndOf, windowIdOf } from '../../../src/platform/win32/window-info.js';

const env = { ProgramData: 'C:\\ProgramData', APPDATA: 'C:\\Users\\Taro\\AppData\\Roaming', USERPROFILE: 'C:\\Users\\Taro' };

describe('artifact paths', () => {
  it('expands %VAR% case-insensitively and ~ to the profile', () => {
    expect(expandWindowsPath('%PROGRAMDATA%\\AnyDesk\\service.conf', env)).toBe('C:\\ProgramData\\AnyDesk\\service.conf');
    expect(expandWindowsPath('%appdata%/AnyDesk/ad.trace', env)).toBe('C:\\Users\\Taro\\AppData\\Roaming\\AnyDesk\\ad.trace');
    expect(expandWindowsPath('~\\Downloads', env)).toBe('C:\\Users\\Taro\\Downloads');
  });

  it('skips Linux paths and paths with unset variables', () => {
    expect(expandWindowsPath('~/.anydesk/service.conf', env)).toBeUndefined();
    expect(expandWindowsPath('/etc/anydesk', env)).toBeUndefined();
    expect(expandWindowsPath('%NOPE%\\x', env)).toBeUndefined();
    expect(expandWindowsPath('relative\\x', env)).toBeUndefined();
  });

  it('turns wildcards into per-segment matchers and refuses ..', () => {
    const pattern = toArtifactPattern('C:\\Users\\*\\AppData\\Roaming\\AnyDesk\\*.trace');
    expect(pattern?.root).toBe('C:\\');
    const segments = pattern?.segments ?? [];
    expect(segments.map((s) => ('literal' in s ? s.literal : s.glob))).toEqual(['Users', '*', 'AppData', 'Roaming', 'AnyDesk', '*.trace']);
    const last = segments[5];
    expect(last !== undefined && 'match' in last && last.match.test('AD_SVC.TRACE') && !last.match.test('ad.trace.old')).toBe(true);
    expect(toArtifactPattern('C:\\ProgramData\\..\\Windows')).toBeUndefined();
    expect(toArtifactPattern('\\\\server\\share\\x.txt')?.root).toBe('\\\\server\\share\\');
  });

  it('decodes UTF-16LE (BOM) and UTF-8 logs', () => {
    expect(decodeArtifactText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Incoming', 'utf16le')]))).toBe('Incoming');
    expect(decodeArtifactText(Buffer.from('\ufeffhello', 'utf8'))).toBe('hello');
  });
});

describe('command lines', () => {
  it('finds the executable of quoted and unquoted service command lines', () => {
    expect(executableFromCommandLine('"C:\\Program Files (x86)\\AnyDesk\\AnyDesk.exe" --service')).toBe('C:\\Program Files (x86)\\AnyDesk\\AnyDesk.exe');
    expect(executableFromCommandLine('C:\\Program Files\\TeamViewer\\TeamViewer_Service.exe -k x')).toBe('C:\\Program Files\\TeamViewer\\TeamViewer_Service.exe');
    expect(executableFromCommandLine('C:\\windows\\system32\\svchost.exe -k netsvcs')).toBe('C:\\windows\\system32\\svchost.exe');
    expect(executableFromCommandLine('   ')).toBeUndefined();
  });
});

describe('window ids and full screen', () => {
  it('round-trips HWNDs as decimal strings and rejects anything else', () => {
    expect(windowIdOf(131124n)).toBe('131124');
    expect(hwndOf('131124')).toBe(131124n);
    expect(hwndOf('0x3a00004')).toBeUndefined();
    expect(hwndOf('')).toBeUndefined();
  });

  it('is full screen only when the window covers its whole monitor', () => {
    const screen = { x: 1920, y: 0, width: 1920, height: 1080 };
    expect(coversScreen({ x: 1920, y: 0, width: 1920, height: 1080 }, screen)).toBe(true);
    expect(coversScreen({ x: 1912, y: -8, width: 1936, height: 1096 }, screen)).toBe(true); // maximised-style overhang
    expect(coversScreen({ x: 1920, y: 0, width: 1920, height: 1040 }, screen)).toBe(false); // taskbar visible
    expect(coversScreen(undefined, screen)).toBe(false);
  });
});
