/**
 * Services through advapi32 (EnumServicesStatusExW, QueryServiceConfigW), bound through koffi.
 * `sc.exe` and PowerShell are slow, localised and stubs under Wine; the API is neither.
 */
import type { Koffi } from './native-modules.js';

const SC_MANAGER_CONNECT = 0x0001;
const SC_MANAGER_ENUMERATE_SERVICE = 0x0004;
const SERVICE_QUERY_CONFIG = 0x0001;
const SC_ENUM_PROCESS_INFO = 0;
const SERVICE_WIN32 = 0x30;
const SERVICE_STATE_ALL = 0x3;
const ERROR_MORE_DATA = 234;
/** Services never come near this; it bounds the buffer a broken driver could make us allocate. */
const MAX_ENUM_BYTES = 8 * 1024 * 1024;
/** QueryServiceConfigW's documented maximum. */
const CONFIG_BYTES = 8 * 1024;

/** SERVICE_STATUS_PROCESS.dwCurrentState values. */
export const SERVICE_RUNNING = 4;
export const SERVICE_STOPPED = 1;

/** One row of EnumServicesStatusExW. */
export interface RawService {
  readonly name: string;
  readonly displayName: string;
  readonly currentState: number;
  readonly pid: number;
  /** Binary path with arguments (QueryServiceConfigW), when readable. */
  readonly binaryPath?: string;
}

/** Typed advapi32 service functions. */
export interface Advapi32 {
  /** Every Win32 service with its state and pid; image paths when `withPaths`. */
  services(withPaths: boolean): RawService[];
}

function isNullHandle(value: unknown): boolean {
  return value === null || value === undefined || value === 0n || value === 0;
}

/** Binds advapi32.dll. Throws when the DLL or a function cannot be found (caller wraps it). */
export function bindAdvapi32(koffi: Koffi): Advapi32 {
  const lib = koffi.load('advapi32.dll');
  const kernel = koffi.load('kernel32.dll');
  const Row = koffi.struct('ScareStopENUM_SERVICE_STATUS_PROCESSW', {
    lpServiceName: 'str16',
    lpDisplayName: 'str16',
    dwServiceType: 'uint32_t',
    dwCurrentState: 'uint32_t',
    dwControlsAccepted: 'uint32_t',
    dwWin32ExitCode: 'uint32_t',
    dwServiceSpecificExitCode: 'uint32_t',
    dwCheckPoint: 'uint32_t',
    dwWaitHint: 'uint32_t',
    dwProcessId: 'uint32_t',
    dwServiceFlags: 'uint32_t',
  });
  const Config = koffi.struct('ScareStopQUERY_SERVICE_CONFIGW', {
    dwServiceType: 'uint32_t',
    dwStartType: 'uint32_t',
    dwErrorControl: 'uint32_t',
    lpBinaryPathName: 'str16',
    lpLoadOrderGroup: 'str16',
    dwTagId: 'uint32_t',
    lpDependencies: 'void *',
    lpServiceStartName: 'str16',
    lpDisplayName: 'str16',
  });
  const OpenSCManagerW = lib.func('void * __stdcall OpenSCManagerW(str16 machine, str16 database, uint32_t access)');
  const EnumServicesStatusExW = lib.func(
    'bool __stdcall EnumServicesStatusExW(void *scm, int level, uint32_t type, uint32_t state, void *buf, uint32_t size, _Out_ uint32_t *needed, _Out_ uint32_t *returned, _Inout_ uint32_t *resume, str16 group)',
  );
  const OpenServiceW = lib.func('void * __stdcall OpenServiceW(void *scm, str16 name, uint32_t access)');
  const QueryServiceConfigW = lib.func('bool __stdcall QueryServiceConfigW(void *service, void *buf, uint32_t size, _Out_ uint32_t *needed)');
  const CloseServiceHandle = lib.func('bool __stdcall CloseServiceHandle(void *handle)');
  const GetLastError = kernel.func('uint32_t __stdcall GetLastError()');

  function binaryPath(scm: unknown, name: string): string | undefined {
    const service: unknown = OpenServiceW(scm, name, SERVICE_QUERY_CONFIG);
    if (isNullHandle(service)) return undefined;
    const buffer = koffi.alloc('uint8_t', CONFIG_BYTES);
    try {
      const needed = [0];
      if (!QueryServiceConfigW(service, buffer, CONFIG_BYTES, needed)) return undefined;
      const config = koffi.decode(buffer, Config) as { lpBinaryPathName: string | null };
      return config.lpBinaryPathName ?? undefined;
    } finally {
      koffi.free(buffer);
      CloseServiceHandle(service);
    }
  }

  return {
    services(withPaths) {
      const scm: unknown = OpenSCManagerW(null, null, SC_MANAGER_CONNECT | SC_MANAGER_ENUMERATE_SERVICE);
      if (isNullHandle(scm)) throw new Error(`OpenSCManagerW failed (error ${Number(GetLastError())})`);
      try {
        const rows: RawService[] = [];
        const resume = [0];
        let size = 64 * 1024;
        for (let round = 0; round < 64; round += 1) {
          const buffer = koffi.alloc('uint8_t', size);
          try {
            const needed = [0];
            const returned = [0];
            const ok = Boolean(EnumServicesStatusExW(scm, SC_ENUM_PROCESS_INFO, SERVICE_WIN32, SERVICE_STATE_ALL, buffer, size, needed, returned, resume, null));
            const error = ok ? 0 : Number(GetLastError());
            if (!ok && error !== ERROR_MORE_DATA) throw new Error(`EnumServicesStatusExW failed (error ${error})`);
            const count = returned[0] ?? 0;
            const decoded = count > 0 ? (koffi.decode(buffer, koffi.array(Row, count)) as Array<Record<string, unknown>>) : [];
            for (const row of decoded) {
              const name = typeof row['lpServiceName'] === 'string' ? row['lpServiceName'] : '';
              rows.push({
                name,
                displayName: typeof row['lpDisplayName'] === 'string' ? row['lpDisplayName'] : name,
                currentState: Number(row['dwCurrentState']),
                pid: Number(row['dwProcessId']),
                ...(withPaths ? { binaryPath: binaryPath(scm, name) } : {}),
              });
            }
            if (ok) return rows;
            // ERROR_MORE_DATA: continue from `resume`, with a buffer big enough for the rest.
            size = Math.min(MAX_ENUM_BYTES, Math.max(size, (needed[0] ?? 0) + 1024));
          } finally {
            koffi.free(buffer);
          }
        }
        throw new Error('EnumServicesStatusExW did not finish after 64 rounds');
      } finally {
        CloseServiceHandle(scm);
      }
    },
  };
}
