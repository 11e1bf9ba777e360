/**
 * Autostart entries on Windows: the Run/RunOnce registry keys (user and machine, both
 * registry views) and the Startup folders. A scammer's tool set to start at logon is how they
 * come back after the call.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { AutostartEntry } from '../../engine/ports/inventory.js';
import { envLookup } from './artifact-paths.js';
import type { NativeReg } from './native-modules.js';
import { keyValues, type RegistryRoot } from './registry.js';
import { MAX_LINK_BYTES, parseShellLink, shellLinkCommand } from './shell-link.js';

/** Run keys we read, with the label used as `source`. */
export const RUN_KEYS: ReadonlyArray<{ readonly root: RegistryRoot; readonly path: string }> = [
  { root: 'HKCU', path: 'SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run' },
  { root: 'HKCU', path: 'SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\RunOnce' },
  { root: 'HKLM', path: 'SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run' },
  { root: 'HKLM', path: 'SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\RunOnce' },
  { root: 'HKLM', path: 'SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Run' },
];

/** The per-user and all-users Startup folders. */
export function startupFolders(env: Readonly<Record<string, string | undefined>>): string[] {
  const folders: string[] = [];
  const appData = envLookup(env, 'APPDATA');
  const programData = envLookup(env, 'ProgramData');
  if (appData !== undefined) folders.push(join(appData, 'Microsoft', 'Windows', 'Start Menu', 'Programs', 'Startup'));
  if (programData !== undefined) folders.push(join(programData, 'Microsoft', 'Windows', 'Start Menu', 'Programs', 'StartUp'));
  return folders;
}

/** Run-key values as autostart entries (string values only; bounded). */
export function runKeyEntries(reg: NativeReg): AutostartEntry[] {
  const entries: AutostartEntry[] = [];
  for (const { root, path } of RUN_KEYS) {
    for (const [name, value] of Object.entries(keyValues(reg, root, path))) {
      if (typeof value !== 'string' || value.trim() === '') continue;
      entries.push({ name: name === '' ? '(Default)' : name.slice(0, 512), command: value.slice(0, 2048), source: `${root}\\${path}` });
    }
  }
  return entries;
}

/** What a shortcut runs, or undefined when it cannot be read or parsed. */
async function shortcutCommand(path: string): Promise<string | undefined> {
  try {
    if ((await stat(path)).size > MAX_LINK_BYTES) return undefined;
    const link = parseShellLink(await readFile(path));
    return link === undefined ? undefined : shellLinkCommand(link);
  } catch {
    return undefined; // unreadable shortcut: still listed, with its own path as the command
  }
}

/** Items in the Startup folders; a shortcut's command is what it runs (its target). */
export async function startupFolderEntries(folders: readonly string[]): Promise<AutostartEntry[]> {
  const entries: AutostartEntry[] = [];
  for (const folder of folders) {
    let names: string[];
    try {
      names = await readdir(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    for (const name of names.slice(0, 500)) {
      if (name.toLowerCase() === 'desktop.ini') continue;
      const path = join(folder, name);
      const command = name.toLowerCase().endsWith('.lnk') ? await shortcutCommand(path) : undefined;
      entries.push({ name, command: command ?? path, source: folder });
    }
  }
  return entries;
}
