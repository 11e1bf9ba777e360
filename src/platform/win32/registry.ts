/**
 * Registry reads through native-reg: list subkeys, read all values of a key. Keys are always
 * closed; a key that does not exist is an empty result, not an error (absence is normal).
 */
import type { NativeReg } from './native-modules.js';
import type { RegistryValue, RegistryValues } from './uninstall-entries.js';

/** Registry roots we read. */
export type RegistryRoot = 'HKLM' | 'HKCU';

const MAX_SUBKEYS = 20_000;
const MAX_VALUES = 512;

function rootKey(reg: NativeReg, root: RegistryRoot): NativeReg['HKLM'] | NativeReg['HKCU'] {
  return root === 'HKLM' ? reg.HKLM : reg.HKCU;
}

function parse(reg: NativeReg, raw: ReturnType<NativeReg['queryValueRaw']>): RegistryValue {
  if (raw === null) return null;
  try {
    return reg.parseValue(raw);
  } catch {
    // Odd value types (REG_RESOURCE_LIST…) are not something we match on: keep the bytes.
    return new Uint8Array(raw);
  }
}

/** Runs `use` on an opened key, or returns `fallback` when the key does not exist. */
export function withKey<T>(reg: NativeReg, root: RegistryRoot, path: string, fallback: T, use: (key: NonNullable<ReturnType<NativeReg['openKey']>>) => T): T {
  const key = reg.openKey(rootKey(reg, root), path, reg.Access.READ);
  if (key === null) return fallback;
  try {
    return use(key);
  } finally {
    reg.closeKey(key);
  }
}

/** Subkey names of a key (empty when it does not exist). */
export function subkeyNames(reg: NativeReg, root: RegistryRoot, path: string): string[] {
  return withKey(reg, root, path, [], (key) => reg.enumKeyNames(key).slice(0, MAX_SUBKEYS));
}

/** All values of a key by name (empty when it does not exist). */
export function keyValues(reg: NativeReg, root: RegistryRoot, path: string): RegistryValues {
  return withKey(reg, root, path, {}, (key) => {
    const values: Record<string, RegistryValue> = {};
    for (const name of reg.enumValueNames(key).slice(0, MAX_VALUES)) values[name] = parse(reg, reg.queryValueRaw(key, name));
    return values;
  });
}
