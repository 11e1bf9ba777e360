/**
 * The Win32 API layer, loaded once and lazily: koffi, then each DLL's bindings. A missing koffi
 * binary or DLL becomes a PlatformError (`native-module-missing` / `api-unavailable`), never a
 * crash; each DLL is bound separately so that, e.g., a broken advapi32 still leaves windows
 * working.
 */
import { PlatformError } from '../../engine/ports/errors.js';
import { bindAdvapi32, type Advapi32 } from './advapi32.js';
import { bindIphlpapi, type Iphlpapi } from './iphlpapi.js';
import { bindKernel32, type Kernel32 } from './kernel32.js';
import { loadKoffi, type Koffi } from './native-modules.js';
import { bindProcessSuspend, type ProcessSuspend } from './process-suspend.js';
import { bindUser32, type User32 } from './user32.js';

/** Which DLL's bindings. */
export type Win32Library = 'user32' | 'kernel32' | 'advapi32' | 'iphlpapi' | 'suspend';

interface Bindings {
  user32: User32;
  kernel32: Kernel32;
  advapi32: Advapi32;
  iphlpapi: Iphlpapi;
  /** ntdll NtSuspendProcess / NtResumeProcess. */
  suspend: ProcessSuspend;
}

const binders: { [K in Win32Library]: (koffi: Koffi) => Bindings[K] } = {
  user32: bindUser32,
  kernel32: bindKernel32,
  advapi32: bindAdvapi32,
  iphlpapi: bindIphlpapi,
  suspend: bindProcessSuspend,
};

const cache = new Map<Win32Library, Promise<unknown>>();

/** The typed bindings of one DLL; rejects with a PlatformError when they cannot be made. */
export function win32<K extends Win32Library>(library: K): Promise<Bindings[K]> {
  let pending = cache.get(library) as Promise<Bindings[K]> | undefined;
  if (pending === undefined) {
    pending = loadKoffi().then((koffi) => {
      try {
        return binders[library](koffi);
      } catch (cause) {
        throw new PlatformError('api-unavailable', `${library}.dll could not be bound: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
      }
    });
    pending.catch(() => cache.delete(library)); // let a later call retry
    cache.set(library, pending);
  }
  return pending;
}

/** Runs a synchronous Win32 call, turning a throw into a PlatformError('api-failed') with cause. */
export function callWin32<T>(what: string, call: () => T): T {
  try {
    return call();
  } catch (cause) {
    if (cause instanceof PlatformError) throw cause;
    throw new PlatformError('api-failed', `${what} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}
