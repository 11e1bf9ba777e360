/**
 * A small typed layer over the user32 calls the window adapter needs, bound through koffi.
 * Handles are BigInt (koffi 3 returns pointers as BigInt); callers turn HWNDs into decimal
 * strings for `WindowInfo.id`. Titles are hostile page text: read with a bounded buffer.
 */
import type { Rect } from '../../shared/geometry.js';
import type { Koffi } from './native-modules.js';

/** Longest window title we read (characters); longer titles are cut, never trusted. */
export const MAX_TITLE_CHARS = 1024;

const WM_CLOSE = 0x0010;
const MONITOR_DEFAULTTONEAREST = 2;
const INPUT_KEYBOARD = 1;
const KEYEVENTF_KEYUP = 0x0002;
/** sizeof(INPUT) on x64: DWORD type + padding + the 32-byte union. */
const INPUT_SIZE = 40;

/** Virtual-key codes we send. */
export const VK = { escape: 0x1b, enter: 0x0d, f11: 0x7a } as const;

/** Typed user32 functions. Every HWND argument is a BigInt handle. */
export interface User32 {
  /** Top-level windows, top of the z-order first (EnumWindows order). */
  enumWindows(): bigint[];
  windowText(hwnd: bigint): string;
  /** Owning process id, 0 when the window is gone. */
  windowPid(hwnd: bigint): number;
  /** The foreground window, 0n when none. */
  foreground(): bigint;
  isWindow(hwnd: bigint): boolean;
  isVisible(hwnd: bigint): boolean;
  windowRect(hwnd: bigint): Rect | undefined;
  /** Bounds of the monitor the window is on (nearest monitor). */
  monitorRect(hwnd: bigint): Rect | undefined;
  /** Posts WM_CLOSE (what clicking the X does); false when the post failed. */
  postClose(hwnd: bigint): boolean;
  setForeground(hwnd: bigint): boolean;
  /** Sends key down or key up of one virtual key to the foreground window; true when accepted. */
  sendKey(vk: number, up: boolean): boolean;
}

function handle(value: unknown): bigint {
  if (value === null || value === undefined) return 0n;
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return BigInt(value);
  return 0n;
}

function rectFrom(buffer: Buffer, offset: number): Rect {
  const left = buffer.readInt32LE(offset);
  const top = buffer.readInt32LE(offset + 4);
  const right = buffer.readInt32LE(offset + 8);
  const bottom = buffer.readInt32LE(offset + 12);
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** Binds user32.dll. Throws when the DLL or a function cannot be found (caller wraps it). */
export function bindUser32(koffi: Koffi): User32 {
  const lib = koffi.load('user32.dll');
  const enumProc = koffi.proto('bool __stdcall ScareStopEnumWindowsProc(void *hwnd, intptr_t lParam)');
  const EnumWindows = lib.func('bool __stdcall EnumWindows(ScareStopEnumWindowsProc *cb, intptr_t lParam)');
  void enumProc;
  const GetWindowTextW = lib.func('int __stdcall GetWindowTextW(void *hwnd, void *buf, int maxCount)');
  const GetWindowThreadProcessId = lib.func('uint32_t __stdcall GetWindowThreadProcessId(void *hwnd, void *pid)');
  const GetForegroundWindow = lib.func('void * __stdcall GetForegroundWindow()');
  const IsWindow = lib.func('bool __stdcall IsWindow(void *hwnd)');
  const IsWindowVisible = lib.func('bool __stdcall IsWindowVisible(void *hwnd)');
  const GetWindowRect = lib.func('bool __stdcall GetWindowRect(void *hwnd, void *rect)');
  const MonitorFromWindow = lib.func('void * __stdcall MonitorFromWindow(void *hwnd, uint32_t flags)');
  const GetMonitorInfoW = lib.func('bool __stdcall GetMonitorInfoW(void *monitor, void *info)');
  const PostMessageW = lib.func('bool __stdcall PostMessageW(void *hwnd, uint32_t msg, uintptr_t wParam, intptr_t lParam)');
  const SetForegroundWindow = lib.func('bool __stdcall SetForegroundWindow(void *hwnd)');
  const SendInput = lib.func('uint32_t __stdcall SendInput(uint32_t count, void *inputs, int size)');

  return {
    enumWindows() {
      const found: bigint[] = [];
      EnumWindows((hwnd: unknown) => {
        found.push(handle(hwnd));
        return found.length < 10_000; // a popup storm must not make us loop forever
      }, 0);
      return found;
    },
    windowText(hwnd) {
      const buffer = Buffer.alloc((MAX_TITLE_CHARS + 1) * 2);
      const length = Number(GetWindowTextW(hwnd, buffer, MAX_TITLE_CHARS + 1));
      return buffer.toString('utf16le', 0, Math.max(0, Math.min(length, MAX_TITLE_CHARS)) * 2);
    },
    windowPid(hwnd) {
      const pid = Buffer.alloc(4);
      const thread = Number(GetWindowThreadProcessId(hwnd, pid));
      return thread === 0 ? 0 : pid.readUInt32LE(0);
    },
    foreground: () => handle(GetForegroundWindow()),
    isWindow: (hwnd) => Boolean(IsWindow(hwnd)),
    isVisible: (hwnd) => Boolean(IsWindowVisible(hwnd)),
    windowRect(hwnd) {
      const rect = Buffer.alloc(16);
      return GetWindowRect(hwnd, rect) ? rectFrom(rect, 0) : undefined;
    },
    monitorRect(hwnd) {
      const monitor = handle(MonitorFromWindow(hwnd, MONITOR_DEFAULTTONEAREST));
      if (monitor === 0n) return undefined;
      const info = Buffer.alloc(40); // MONITORINFO: cbSize, rcMonitor, rcWork, dwFlags
      info.writeUInt32LE(40, 0);
      return GetMonitorInfoW(monitor, info) ? rectFrom(info, 4) : undefined;
    },
    postClose: (hwnd) => Boolean(PostMessageW(hwnd, WM_CLOSE, 0, 0)),
    setForeground: (hwnd) => Boolean(SetForegroundWindow(hwnd)),
    sendKey(vk, up) {
      const input = Buffer.alloc(INPUT_SIZE);
      input.writeUInt32LE(INPUT_KEYBOARD, 0);
      input.writeUInt16LE(vk, 8); // KEYBDINPUT.wVk (the union starts at offset 8 on x64)
      input.writeUInt32LE(up ? KEYEVENTF_KEYUP : 0, 12); // KEYBDINPUT.dwFlags
      return Number(SendInput(1, input, INPUT_SIZE)) === 1;
    },
  };
}
