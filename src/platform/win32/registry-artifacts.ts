/**
 * Registry keys named in the catalog's evidence list (`HKLM\SOFTWARE\TeamViewer`, …) read as
 * artifacts: each existing key becomes one ArtifactFile whose content is its values as
 * `Name=value` lines, for the engine's evidence parsers. A missing key is skipped (absence is
 * normal); binary values are shown only by size (they are password hashes and keys).
 */
import type { ArtifactFile } from '../../engine/ports/inventory.js';
import type { NativeReg } from './native-modules.js';
import { keyValues, type RegistryRoot } from './registry.js';
import type { RegistryValue, RegistryValues } from './uninstall-entries.js';

function renderValue(value: RegistryValue): string {
  if (value === null) return '';
  if (value instanceof Uint8Array) return `(binary, ${value.length} bytes)`;
  if (Array.isArray(value)) return value.join(' ');
  return String(value).replace(/[\r\n]+/g, ' ');
}

/** A key's values as `Name=value` lines (pure; see the file comment). */
export function renderRegistryValues(values: RegistryValues): string {
  return Object.entries(values)
    .map(([name, value]) => `${name}=${renderValue(value)}`)
    .join('\n');
}

/** `HKLM\SOFTWARE\X` → root and path; undefined for anything else. */
export function splitRegistryPath(path: string): { root: RegistryRoot; path: string } | undefined {
  const match = /^(HKLM|HKCU)\\(.+)$/i.exec(path);
  if (match === null) return undefined;
  return { root: match[1]?.toUpperCase() === 'HKLM' ? 'HKLM' : 'HKCU', path: match[2] ?? '' };
}

/** Reads the keys that exist and have values. */
export function readRegistryArtifacts(reg: NativeReg, paths: readonly string[]): ArtifactFile[] {
  const artifacts: ArtifactFile[] = [];
  for (const path of paths) {
    const key = splitRegistryPath(path);
    if (key === undefined) continue;
    const values = keyValues(reg, key.root, key.path);
    if (Object.keys(values).length === 0) continue;
    artifacts.push({ path: `${key.root}\\${key.path}`, content: renderRegistryValues(values) });
  }
  return artifacts;
}
