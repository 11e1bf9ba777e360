/**
 * TeamViewer's registry settings: the pure parts (the engine's parser of a key's values, the
 * adapter's rendering of native-reg values). The real registry read runs under Wine
 * (tests/wine/teamviewer.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { isRegistryKeyPath } from '../../../src/engine/ports/inventory.js';
import { parseTeamViewerRegistry } from '../../../src/engine/remote/evidence/teamviewer-registry.js';
import { renderRegistryValues, splitRegistryPath } from '../../../src/platform/win32/registry-artifacts.js';
import type { RegistryValues } from '../../../src/platform/win32/uninstall-entries.js';

describe('TeamViewer registry parser', () => {
  it('a stored personal password is unattended access, and says so without the hash', () => {
    const parsed = parseTeamViewerRegistry(renderRegistryValues({ SecurityPasswordAES: new Uint8Array(16).fill(0x5d), Always_Online: 1 }));
    expect(parsed).toEqual({ sessions: [], unattended: 'a personal password lets someone connect without asking; it starts with Windows' });
    expect(parseTeamViewerRegistry('PermanentPassword=(binary, 32 bytes)').unattended).toBe('a personal password lets someone connect without asking');
  });

  it('a PC assigned to an account is unattended access; the account name is cleaned and bounded', () => {
    const parsed = parseTeamViewerRegistry(renderRegistryValues({ OwningManagerAccountName: 'Support\u202e Desk\nTokyo', OwningManagerCompanyName: '' }));
    expect(parsed.unattended).toBe('this PC is assigned to the TeamViewer account "Support Desk Tokyo", which can connect without asking');
    expect(parseTeamViewerRegistry(`OwningManagerCompanyName=${'x'.repeat(200)}`).unattended).toMatch(/"x{39}…"/);
  });

  it('settings that give no access are not unattended: options password, empty values, start with Windows alone', () => {
    const noAccess: RegistryValues[] = [{ OptionsPasswordAES: new Uint8Array(8) }, { SecurityPasswordAES: new Uint8Array(0), OwningManagerAccountName: '' }, { Always_Online: 1, BuddyLoginName: 'someone@example.test' }];
    for (const values of noAccess) {
      expect(parseTeamViewerRegistry(renderRegistryValues(values))).toEqual({ sessions: [] });
    }
  });
});

describe('registry keys as artifacts', () => {
  it('tells key paths from file paths and splits them', () => {
    expect(isRegistryKeyPath('HKLM\\SOFTWARE\\TeamViewer')).toBe(true);
    expect(isRegistryKeyPath('hkcu\\Software\\TeamViewer')).toBe(true);
    expect(isRegistryKeyPath('%ProgramFiles%\\TeamViewer\\Connections_incoming.txt')).toBe(false);
    expect(isRegistryKeyPath('HKLMX\\x')).toBe(false);
    expect(splitRegistryPath('hkcu\\Software\\TeamViewer')).toEqual({ root: 'HKCU', path: 'Software\\TeamViewer' });
    expect(splitRegistryPath('C:\\TeamViewer')).toBeUndefined();
  });

  it('renders values one per line: numbers, strings on one line, lists, binary by size only', () => {
    expect(renderRegistryValues({ Always_Online: 1, Version: '15.59.3', Note: 'a\r\nb', List: ['x', 'y'], SecurityPasswordAES: new Uint8Array([1, 2, 3]), Empty: null })).toBe(
      'Always_Online=1\nVersion=15.59.3\nNote=a b\nList=x y\nSecurityPasswordAES=(binary, 3 bytes)\nEmpty=',
    );
  });
});
