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

/** What {@link Kernel32.terminateIfSame} did. */
export type TerminateIfSame =
  | { readonly result: 'terminated' }
  | { readonly result: 'gone' }
  | { readonly result: 'changed'; readonly now: { readonly image: string; readonly startTime: number } }
  | { readonly result: 'refused' };

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
  /** Image path + creation time read through one handle; undefined when gone, exited or not openable. */
  identity(pid: number): { readonly image: string; readonly startTime: number } | undefined;
  /**
   * TerminateProcess only if the process is still `expected` (image + creation time read through
   * the very handle that terminates it, so the pid cannot change owner in between).
   */
  terminateIfSame(expected: { readonly pid: number; readonly image: string; readonly startTime: number }, exitCode: number): TerminateIfSame;
  /** The process's command line (NtQueryInformationProcess), bounded; undefined when unreadable. */
  commandLine(pid: number): string | undefined;
}

/** Longest command line we keep (characters). */
export const MAX_COMMAND_LINE_CHARS = 8192;
const PROCESS_COMMAND_LINE_INFORMATION = 60;
const PROCESS_BASIC_INFORMATION = 0;
const PROCESS_QUERY_INFORMATION = 0x0400;
const PROCESS_VM_READ = 0x0010;

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
  const ntdll = koffi.load('ntdll.dll');
  const NtQueryInformationProcess = ntdll.func('int32_t __stdcall NtQueryInformationProcess(void *process, int infoClass, void *info, uint32_t length, _Out_ uint32_t *returned)');
  const ReadProcessMemory = lib.func('bool __stdcall ReadProcessMemory(void *process, uint64_t address, void *buffer, uintptr_t size, _Out_ uintptr_t *read)');

  function readMemory(process: unknown, address: bigint, size: number): Buffer | undefined {
    const buffer = Buffer.alloc(size);
    const read = [0];
    return ReadProcessMemory(process, address, buffer, size, read) && Number(read[0]) === size ? buffer : undefined;
  }

  /** Where Windows 8.1+'s ProcessCommandLineInformation is missing (Wine 8): PEB → parameters → CommandLine (x64 layout). */
  function commandLineFromPeb(process: unknown): string | undefined {
    const basic = Buffer.alloc(48); // PROCESS_BASIC_INFORMATION
    const returned = [0];
    if (Number(NtQueryInformationProcess(process, PROCESS_BASIC_INFORMATION, basic, 48, returned)) < 0) return undefined;
    const peb = basic.readBigUInt64LE(8);
    const parameters = peb === 0n ? undefined : readMemory(process, peb + 0x20n, 8)?.readBigUInt64LE(0);
    const unicode = parameters === undefined || parameters === 0n ? undefined : readMemory(process, parameters + 0x70n, 16);
    if (unicode === undefined) return undefined;
    const bytes = Math.min(unicode.readUInt16LE(0), MAX_COMMAND_LINE_CHARS * 2);
    if (bytes === 0) return '';
    const text = readMemory(process, unicode.readBigUInt64LE(8), bytes)?.toString('utf16le');
    // A process that has not started running yet (seen under Wine) shows zeros: not known yet.
    return text === undefined || /^\0*$/u.test(text) ? undefined : text;
  }

  function imageOf(process: unknown): string | undefined {
    const name = Buffer.alloc(MAX_PATH_CHARS * 2);
    const size = Buffer.alloc(4);
    size.writeUInt32LE(MAX_PATH_CHARS, 0);
    if (!QueryFullProcessImageNameW(process, 0, name, size)) return undefined;
    return name.toString('utf16le', 0, Math.min(size.readUInt32LE(0), MAX_PATH_CHARS) * 2);
  }

  function startOf(process: unknown): number | undefined {
    const [creation, exit, kernel, user] = [Buffer.alloc(8), Buffer.alloc(8), Buffer.alloc(8), Buffer.alloc(8)];
    if (!GetProcessTimes(process, creation, exit, kernel, user)) return undefined;
    return fileTimeToEpochMs(creation.readUInt32LE(0), creation.readUInt32LE(4));
  }

  /** Image + start time of an open, still running process (an exited one keeps its handle valid). */
  function identityOf(process: unknown): { image: string; startTime: number } | undefined {
    if (Number(WaitForSingleObject(process, 0)) !== WAIT_TIMEOUT) return undefined;
    const image = imageOf(process);
    const startTime = startOf(process);
    return image === undefined || startTime === undefined ? undefined : { image, startTime };
  }

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
      return withProcess(pid, PROCESS_QUERY_LIMITED_INFORMATION, undefined, imageOf);
    },
    startTime(pid) {
      return withProcess(pid, PROCESS_QUERY_LIMITED_INFORMATION, undefined, startOf);
    },
    identity(pid) {
      return withProcess(pid, SYNCHRONIZE | PROCESS_QUERY_LIMITED_INFORMATION, undefined, identityOf);
    },
    terminateIfSame(expected, exitCode) {
      const refused: TerminateIfSame = { result: 'refused' };
      const opened = withProcess<TerminateIfSame | undefined>(expected.pid, PROCESS_TERMINATE | SYNCHRONIZE | PROCESS_QUERY_LIMITED_INFORMATION, undefined, (process) => {
        const now = identityOf(process);
        if (now === undefined) return { result: 'gone' };
        if (now.image !== expected.image || now.startTime !== expected.startTime) return { result: 'changed', now };
        return TerminateProcess(process, exitCode) ? { result: 'terminated' } : refused;
      });
      if (opened !== undefined) return opened;
      // Not openable: gone (no such pid) or not ours to end; only a live pid counts as refused.
      return withProcess<TerminateIfSame>(expected.pid, PROCESS_QUERY_LIMITED_INFORMATION, { result: 'gone' }, () => refused);
    },
    isAlive(pid) {
      return withProcess<boolean | undefined>(pid, SYNCHRONIZE | PROCESS_QUERY_LIMITED_INFORMATION, undefined, (process) => Number(WaitForSingleObject(process, 0)) === WAIT_TIMEOUT);
    },
    terminate(pid, exitCode) {
      return withProcess(pid, PROCESS_TERMINATE | SYNCHRONIZE, false, (process) => Boolean(TerminateProcess(process, exitCode)));
    },
    commandLine(pid) {
      return withProcess(pid, PROCESS_QUERY_INFORMATION | PROCESS_VM_READ, undefined, (process) => {
        // Returns a UNICODE_STRING { USHORT Length; USHORT Max; PWSTR Buffer } followed by the text.
        const info = koffi.alloc('uint8_t', 16 + 65_536);
        try {
          const returned = [0];
          if (Number(NtQueryInformationProcess(process, PROCESS_COMMAND_LINE_INFORMATION, info, 16 + 65_536, returned)) < 0) return commandLineFromPeb(process);
          const header = koffi.decode(info, koffi.array('uint16_t', 2)) as number[];
          const bytes = Math.min(header[0] ?? 0, MAX_COMMAND_LINE_CHARS * 2);
          if (bytes === 0) return '';
          return Buffer.from(koffi.view(koffi.decode(info, 8, 'void *') as bigint, bytes)).toString('utf16le');
        } finally {
          koffi.free(info);
        }
      });
    },
    waitExit(pid, ms) {
      return withProcess(pid, SYNCHRONIZE, true, (process) => Number(WaitForSingleObject(process, ms)) !== WAIT_TIMEOUT);
    },
  };
}
