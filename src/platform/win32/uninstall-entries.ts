/**
 * Pure mapping of Uninstall registry values (as read by native-reg) to `InstalledProgram`s.
 * Values are whatever installers wrote, so every field is type-checked and length-bounded.
 */
import type { InstalledProgram } from '../../engine/ports/inventory.js';

/** One registry value as native-reg parses it. */
export type RegistryValue = string | number | bigint | string[] | Uint8Array | null;

/** Registry values of one key, by value name. */
export type RegistryValues = Readonly<Record<string, RegistryValue>>;

const MAX_FIELD_CHARS = 1024;

/** The three Uninstall views: 64-bit machine, 32-bit machine (WOW6432Node), current user. */
export const UNINSTALL_VIEWS = [
  { root: 'HKLM', path: 'SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall' },
  { root: 'HKLM', path: 'SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall' },
  { root: 'HKCU', path: 'SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall' },
] as const;

function text(values: RegistryValues, name: string): string | undefined {
  const value = values[name];
  if (typeof value !== 'string') return undefined;
  const trimmed = value.replace(/\0+$/, '').trim();
  return trimmed === '' ? undefined : trimmed.slice(0, MAX_FIELD_CHARS);
}

/**
 * `InstallDate` → ISO date. Installers write `YYYYMMDD` (the documented form); some write
 * `YYYY-MM-DD` or `M/D/YYYY`. Anything else (or an impossible date) gives undefined.
 */
export function installDateToIso(value: RegistryValue | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  const raw = value.trim();
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(raw) ?? /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  let year: number, month: number, day: number;
  if (match !== null) {
    [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else {
    const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw);
    if (us === null) return undefined;
    [year, month, day] = [Number(us[3]), Number(us[1]), Number(us[2])];
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1980 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/** One Uninstall key → InstalledProgram; undefined when it has no DisplayName (not shown as a program). */
export function installedProgramFromValues(values: RegistryValues, source: string): InstalledProgram | undefined {
  const name = text(values, 'DisplayName');
  if (name === undefined) return undefined;
  const publisher = text(values, 'Publisher');
  const version = text(values, 'DisplayVersion');
  const installLocation = text(values, 'InstallLocation');
  const uninstallCommand = text(values, 'UninstallString');
  const quietUninstallCommand = text(values, 'QuietUninstallString');
  const installedAt = installDateToIso(values['InstallDate']);
  return {
    name,
    source,
    ...(publisher !== undefined ? { publisher } : {}),
    ...(version !== undefined ? { version } : {}),
    ...(installLocation !== undefined ? { installLocation } : {}),
    ...(uninstallCommand !== undefined ? { uninstallCommand } : {}),
    ...(quietUninstallCommand !== undefined ? { quietUninstallCommand } : {}),
    ...(installedAt !== undefined ? { installedAt } : {}),
  };
}
