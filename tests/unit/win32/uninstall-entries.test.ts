import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installDateToIso, installedProgramFromValues, type RegistryValues } from '../../../src/platform/win32/uninstall-entries.js';

const recorded = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'win32', 'registry', 'uninstall-anydesk.values.json'), 'utf8')) as RegistryValues;

describe('Uninstall registry values', () => {
  it('maps the AnyDesk key recorded under Wine', () => {
    expect(installedProgramFromValues(recorded, 'HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\AnyDesk')).toEqual({
      name: 'AnyDesk',
      source: 'HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\AnyDesk',
      publisher: 'AnyDesk Software GmbH',
      version: 'ad 8.0.9',
      installLocation: 'C:\\Program Files (x86)\\AnyDesk',
      uninstallCommand: '"C:\\Program Files (x86)\\AnyDesk\\AnyDesk.exe" --uninstall',
      quietUninstallCommand: '"C:\\Program Files (x86)\\AnyDesk\\AnyDesk.exe" --remove',
      installedAt: '2026-11-22',
    });
  });

  it('skips keys without a DisplayName (updates, components) and ignores non-text values', () => {
    expect(installedProgramFromValues({ UninstallString: 'x.exe' }, 's')).toBeUndefined();
    expect(installedProgramFromValues({ DisplayName: '   ' }, 's')).toBeUndefined();
    expect(installedProgramFromValues({ DisplayName: 'Tool', Publisher: 7, InstallDate: 20240101 }, 's')).toEqual({ name: 'Tool', source: 's' });
  });

  it('bounds installer-controlled text', () => {
    const program = installedProgramFromValues({ DisplayName: 'A'.repeat(100_000) }, 's');
    expect(program?.name.length).toBe(1024);
  });

  it('reads InstallDate in the forms installers write, and rejects impossible dates', () => {
    expect(installDateToIso('20261122')).toBe('2026-11-22');
    expect(installDateToIso('2026-11-22')).toBe('2026-11-22');
    expect(installDateToIso('11/2/2026')).toBe('2026-11-02');
    expect(installDateToIso('20260231')).toBeUndefined();
    expect(installDateToIso('19000101')).toBeUndefined();
    expect(installDateToIso('yesterday')).toBeUndefined();
    expect(installDateToIso(20261122)).toBeUndefined();
    expect(installDateToIso(undefined)).toBeUndefined();
  });
});
