/**
 * Pausing a whole process on Windows: ntdll's NtSuspendProcess / NtResumeProcess (every thread
 * at once, the way Task Manager's "suspend" and Process Explorer do it), bound through koffi.
 * The handle is opened with only the rights needed and closed inside each call.
 */
import type { Koffi } from './native-modules.js';

const PROCESS_SUSPEND_RESUME = 0x0800;
const PROCESS_QUERY_LIMITED_INFORMATION = 0x1000;

/** Outcome of one suspend/resume call. */
export type SuspendCall = 'done' | 'cannot-open' | 'failed';

/** Typed suspend/resume of a whole process. */
export interface ProcessSuspend {
  suspend(pid: number): SuspendCall;
  resume(pid: number): SuspendCall;
}

function isNullHandle(value: unknown): boolean {
  return value === null || value === undefined || value === 0n || value === 0;
}

/** Binds ntdll's NtSuspendProcess/NtResumeProcess (and kernel32's OpenProcess/CloseHandle). */
export function bindProcessSuspend(koffi: Koffi): ProcessSuspend {
  const kernel32 = koffi.load('kernel32.dll');
  const ntdll = koffi.load('ntdll.dll');
  const OpenProcess = kernel32.func('void * __stdcall OpenProcess(uint32_t access, bool inherit, uint32_t pid)');
  const CloseHandle = kernel32.func('bool __stdcall CloseHandle(void *handle)');
  const NtSuspendProcess = ntdll.func('int32_t __stdcall NtSuspendProcess(void *process)');
  const NtResumeProcess = ntdll.func('int32_t __stdcall NtResumeProcess(void *process)');

  const call = (pid: number, fn: (process: unknown) => unknown): SuspendCall => {
    if (!Number.isInteger(pid) || pid <= 0) return 'cannot-open';
    const process: unknown = OpenProcess(PROCESS_SUSPEND_RESUME | PROCESS_QUERY_LIMITED_INFORMATION, false, pid);
    if (isNullHandle(process)) return 'cannot-open';
    try {
      // NTSTATUS: negative = error.
      return Number(fn(process)) >= 0 ? 'done' : 'failed';
    } finally {
      CloseHandle(process);
    }
  };
  return {
    suspend: (pid) => call(pid, (process) => NtSuspendProcess(process)),
    resume: (pid) => call(pid, (process) => NtResumeProcess(process)),
  };
}
