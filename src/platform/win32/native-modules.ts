/**
 * Lazy loading of the Windows-only native modules (koffi for Win32 API calls, native-reg for the
 * registry). They are imported with a dynamic `import()` only from inside the win32 adapter, so
 * Linux never loads them, and a missing or broken binary becomes a
 * `PlatformError('native-module-missing')` with a clear message instead of a crash.
 */
import type * as KoffiModule from 'koffi';
import type * as NativeRegModule from 'native-reg';
import { PlatformError } from '../../engine/ports/errors.js';

/** The koffi API (its default export and its named exports are the same object). */
export type Koffi = typeof KoffiModule;
/** The native-reg API. */
export type NativeReg = typeof NativeRegModule;

/** ESM namespace of a CommonJS module or of one with a default export → the API object. */
function pickDefault<T>(mod: unknown): T {
  const withDefault = mod as { default?: T };
  return withDefault.default ?? (mod as T);
}

let koffiPromise: Promise<Koffi> | undefined;
let regPromise: Promise<NativeReg> | undefined;

function missing(name: string, why: string, cause: unknown): PlatformError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new PlatformError(
    'native-module-missing',
    `${name} could not be loaded (${why}): ${detail}. Reinstall ScareStop; the app keeps running without this feature.`,
    { cause },
  );
}

/** koffi, loaded once. Rejects with `native-module-missing` when its Windows binary is absent. */
export function loadKoffi(): Promise<Koffi> {
  koffiPromise ??= import('koffi').then(
    (mod: unknown) => pickDefault<Koffi>(mod),
    (cause: unknown) => {
      koffiPromise = undefined; // let a later call retry (e.g. after a repair)
      throw missing('koffi', 'needed to watch windows and processes', cause);
    },
  );
  return koffiPromise;
}

/** native-reg, loaded once. Rejects with `native-module-missing` when its binary is absent. */
export function loadNativeReg(): Promise<NativeReg> {
  regPromise ??= import('native-reg').then(
    (mod: unknown) => {
      const reg = pickDefault<NativeReg>(mod);
      // native-reg loads its binding only on win32 and fails on first use elsewhere (or when
      // the prebuilt binary is missing): probe once with a cheap read of HKCU's subkey names.
      reg.enumKeyNames(reg.HKCU);
      return reg;
    },
  ).catch((cause: unknown) => {
    regPromise = undefined;
    throw cause instanceof PlatformError ? cause : missing('native-reg', 'needed to read the registry', cause);
  });
  return regPromise;
}
