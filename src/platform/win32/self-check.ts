/**
 * Start-up self-check of the Windows adapter: which native modules and Win32 APIs work here.
 * The tray app shows a clear message for what does not (instead of silently seeing nothing,
 * the way a missing get-windows binding would).
 */
import { PlatformError } from '../../engine/ports/errors.js';
import { loadKoffi, loadNativeReg } from './native-modules.js';
import { win32 } from './win32-api.js';

/** One probed capability. */
export type CheckResult =
  | { readonly ok: true; readonly detail?: string; readonly ms: number }
  | { readonly ok: false; readonly code: string; readonly error: string; readonly ms: number };

/** Every capability the Windows adapter relies on. */
export interface Win32SelfCheck {
  readonly koffi: CheckResult;
  readonly nativeReg: CheckResult;
  readonly windows: CheckResult;
  readonly processes: CheckResult;
  readonly services: CheckResult;
  readonly tcpTable: CheckResult;
  readonly registry: CheckResult;
  /** True when watching and closing windows can work (koffi, windows, processes). */
  readonly canWatch: boolean;
}

async function probe(run: () => Promise<string | undefined>): Promise<CheckResult> {
  const started = Date.now();
  try {
    const detail = await run();
    const ms = Date.now() - started;
    return detail === undefined ? { ok: true, ms } : { ok: true, detail, ms };
  } catch (error) {
    return { ok: false, code: error instanceof PlatformError ? error.code : 'api-failed', error: error instanceof Error ? error.message : String(error), ms: Date.now() - started };
  }
}

/** Probes each native module and API once; never throws. */
export async function selfCheckWin32(): Promise<Win32SelfCheck> {
  const koffi = await probe(async () => {
    await loadKoffi();
    return undefined;
  });
  const nativeReg = await probe(async () => {
    await loadNativeReg();
    return undefined;
  });
  const windows = await probe(async () => {
    const user32 = await win32('user32');
    return `${user32.enumWindows().length} top-level windows`;
  });
  const processes = await probe(async () => `${(await win32('kernel32')).processSnapshot().length} processes`);
  const services = await probe(async () => `${(await win32('advapi32')).services(false).length} services`);
  const tcpTable = await probe(async () => `${(await win32('iphlpapi')).tcpTable().length} TCP rows`);
  const registry = await probe(async () => {
    const reg = await loadNativeReg();
    const key = reg.openKey(reg.HKLM, 'SOFTWARE\\Microsoft\\Windows\\CurrentVersion', reg.Access.READ);
    if (key === null) throw new PlatformError('api-failed', 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion cannot be opened');
    reg.closeKey(key);
    return undefined;
  });
  return { koffi, nativeReg, windows, processes, services, tcpTable, registry, canWatch: koffi.ok && windows.ok && processes.ok };
}
