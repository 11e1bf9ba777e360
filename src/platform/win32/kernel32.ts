/**
 * A small typed layer over the kernel32 process calls (Toolhelp snapshot, image path, start
 * time, liveness, termination), bound through koffi. Process handles are opened and closed
 * inside each call so nothing leaks into callers.
 */
import type { Koffi } from './native-modules.js';

const TH32CS_SNAPPROCESS = 0x2;
const INVALID_HANDLE_VALUE = 0xffff_ffff_ffff_ffffn;
const PROCESS_TERMINATE = 0x0001;
const PROCESS_QUERY_LIMITED_INFORMATION = 0x1000;
const SYNCHRONIZE = 0x0010_0000;
const WAIT_TIMEOUT = 0x102;
const MAX_PATH_CHARS = 32_768;
/** FILETIME ticks (100 ns since 1601) at the Unix epoch. */
const FILETIME_UNIX_EPOCH = 116_444_736_000_000_000n;

/** One row of a Toolhelp process snapshot. */
export interface SnapshotProcess {
  readonly pid: number;
  readonly ppid: number;
  /** Executable file name (no folder), e.g. `chrome.exe`. */
  readonly exeFile: string;
}

/** Typed kernel32 functions for processes. */
export interface Kernel32 {
  /** Every process with its parent pid (CreateToolhelp32Snapshot). */
  processSnapshot(): SnapshotProcess[];
  /** Full image path, or undefined when the process cannot be opened (gone, protected). */
  imagePath(pid: number): string | undefined;
  /** Creation time as ms since epoch, when readable. */
  startTime(pid: number): number | undefined;
  /** True while the process has not exited; undefined when it cannot be opened (gone or protected). */
  isAlive(pid: number): boolean | undefined;
  /** TerminateProcess; false when it could not be opened or ended. */
  terminate(pid: number, exitCode: number): boolean;
  /** Waits up to `ms` for the process to exit; true when it is gone. */
  waitExit(pid: number, ms: number): boolean;
}

function isNullHandle(value: unknown): boolean {
  return value === null || value === undefined || value === 0n || value === 0;
}

/** FILETIME (two DWORDs, low first) → ms since the Unix epoch. */
export function fileTimeToEpochMs(low: number, high: number): number | undefined {
  const ticks = (BigInt(high >>> 0) << 32n) | BigInt(low >>> 0);
  if (ticks === 0n) return undefined;
  return Number((ticks - FILETIME_UNIX_EPOCH) / 10_000n);
}

/** Binds kernel32.dll. Throws when the DLL or a function cannot be found (caller wraps it). */
export function bindKernel32(koffi: Koffi): Kernel32 {
  const lib = koffi.load('kernel32.dll');
  const ProcessEntry = koffi.struct('ScareStopPROCESSENTRY32W', {
    dwSize: 'uint32_t',
    cntUsage: 'uint32_t',
    th32ProcessID: 'uint32_t',
    th32DefaultHeapID: 'uintptr_t',
    th32ModuleID: 'uint32_t',
    cntThreads: 'uint32_t',
    th32ParentProcessID: 'uint32_t',
    pcPriClassBase: 'int32_t',
    dwFlags: 'uint32_t',
    szExeFile: koffi.array('char16_t', 260, 'String'),
  });
  const entrySize = koffi.sizeof(ProcessEntry);
  const CreateToolhelp32Snapshot = lib.func('void * __stdcall CreateToolhelp32Snapshot(uint32_t flags, uint32_t pid)');
  const Process32FirstW = lib.func('bool __stdcall Process32FirstW(void *snapshot, _Inout_ ScareStopPROCESSENTRY32W *entry)');
  const Process32NextW = lib.func('bool __stdcall Process32NextW(void *snapshot, _Inout_ ScareStopPROCESSENTRY32W *entry)');
  const CloseHandle = lib.func('bool __stdcall CloseHandle(void *handle)');
  const OpenProcess = lib.func('void * __stdcall OpenProcess(uint32_t access, bool inherit, uint32_t pid)');
  const QueryFullProcessImageNameW = lib.func('bool __stdcall QueryFullProcessImageNameW(void *process, uint32_t flags, void *name, void *size)');
  const GetProcessTimes = lib.func('bool __stdcall GetProcessTimes(void *process, void *creation, void *exit, void *kernel, void *user)');
  const WaitForSingleObject = lib.func('uint32_t __stdcall WaitForSingleObject(void *handle, uint32_t ms)');
  const TerminateProcess = lib.func('bool __stdcall TerminateProcess(void *process, uint32_t exitCode)');

  function withProcess<T>(pid: number, access: number, fallback: T, use: (process: unknown) => T): T {
    if (!Number.isInteger(pid) || pid <= 0) return fallback;
    const process: unknown = OpenProcess(access, false, pid);
    if (isNullHandle(process)) return fallback;
    try {
      return use(process);
    } finally {
      CloseHandle(process);
    }
  }

  return {
    processSnapshot() {
      const snapshot: unknown = CreateToolhelp32Snapshot(TH32CS_SNAPPROCESS, 0);
      if (isNullHandle(snapshot) || snapshot === INVALID_HANDLE_VALUE) {
        throw new Error('CreateToolhelp32Snapshot failed');
      }
      const rows: SnapshotProcess[] = [];
      try {
        const entry: { dwSize: number; th32ProcessID?: number; th32ParentProcessID?: number; szExeFile?: string } = { dwSize: entrySize };
        let more = Boolean(Process32FirstW(snapshot, entry));
        while (more && rows.length < 100_000) {
          rows.push({ pid: entry.th32ProcessID ?? 0, ppid: entry.th32ParentProcessID ?? 0, exeFile: entry.szExeFile ?? '' });
          entry.dwSize = entrySize;
          more = Boolean(Process32NextW(snapshot, entry));
        }
      } finally {
        CloseHandle(snapshot);
      }
      return rows;
    },
    imagePath(pid) {
      return withProcess(pid, PROCESS_QUERY_LIMITED_INFORMATION, undefined, (process) => {
        const name = Buffer.alloc(MAX_PATH_CHARS * 2);
        const size = Buffer.alloc(4);
        size.writeUInt32LE(MAX_PATH_CHARS, 0);
        if (!QueryFullProcessImageNameW(process, 0, name, size)) return undefined;
        return name.toString('utf16le', 0, Math.min(size.readUInt32LE(0), MAX_PATH_CHARS) * 2);
      });
    },
    startTime(pid) {
      return withProcess(pid, PROCESS_QUERY_LIMITED_INFORMATION, undefined, (process) => {
        const [creation, exit, kernel, user] = [Buffer.alloc(8), Buffer.alloc(8), Buffer.alloc(8), Buffer.alloc(8)];
        if (!GetProcessTimes(process, creation, exit, kernel, user)) return undefined;
        return fileTimeToEpochMs(creation.readUInt32LE(0), creation.readUInt32LE(4));
      });
    },
    isAlive(pid) {
      return withProcess<boolean | undefined>(pid, SYNCHRONIZE | PROCESS_QUERY_LIMITED_INFORMATION, undefined, (process) => Number(WaitForSingleObject(process, 0)) === WAIT_TIMEOUT);
    },
    terminate(pid, exitCode) {
      return withProcess(pid, PROCESS_TERMINATE | SYNCHRONIZE, false, (process) => Boolean(TerminateProcess(process, exitCode)));
    },
    waitExit(pid, ms) {
      return withProcess(pid, SYNCHRONIZE, true, (process) => Number(WaitForSingleObject(process, ms)) !== WAIT_TIMEOUT);
    },
  };
}
