/**
 * Foreground and title changes as events on Windows: SetWinEventHook for EVENT_SYSTEM_FOREGROUND
 * and EVENT_OBJECT_NAMECHANGE, out of context, in a worker thread of our own. Out-of-context
 * WinEvents are delivered only to a thread that pumps messages, and plain Node's main thread
 * does not, so the worker runs its own loop (MsgWaitForMultipleObjects + PeekMessageW) and posts
 * each event to the main thread. The worker is source text run with `eval` so the app bundle
 * needs no extra file; it loads koffi by the path resolved here. Stopping sets a shared flag
 * the loop reads at least every 100 ms.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** One WinEvent, as the worker reports it. */
export interface WinEventMessage {
  readonly event: 'foreground' | 'name-change';
  /** The window's HWND as a decimal string. */
  readonly hwnd: string;
}

/** A running hook; `stop()` unhooks and ends the worker. */
export interface WinEventHook {
  stop(): void;
}

const WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const koffi = require(workerData.koffiPath);
const EVENT_SYSTEM_FOREGROUND = 0x0003;
const EVENT_OBJECT_NAMECHANGE = 0x800c;
const WINEVENT_OUTOFCONTEXT = 0;
const QS_ALLINPUT = 0x04ff;
const PM_REMOVE = 1;
const user32 = koffi.load('user32.dll');
const proc = koffi.proto('void __stdcall ScareStopWinEventProc(void *hook, uint32_t event, uintptr_t hwnd, int32_t idObject, int32_t idChild, uint32_t thread, uint32_t time)');
const SetWinEventHook = user32.func('void * __stdcall SetWinEventHook(uint32_t min, uint32_t max, void *module, ScareStopWinEventProc *proc, uint32_t pid, uint32_t tid, uint32_t flags)');
const UnhookWinEvent = user32.func('bool __stdcall UnhookWinEvent(void *hook)');
koffi.struct('ScareStopMSG', { hwnd: 'uintptr_t', message: 'uint32_t', wParam: 'uintptr_t', lParam: 'intptr_t', time: 'uint32_t', x: 'int32_t', y: 'int32_t', lPrivate: 'uint32_t' });
const PeekMessageW = user32.func('bool __stdcall PeekMessageW(_Out_ ScareStopMSG *msg, uintptr_t hwnd, uint32_t min, uint32_t max, uint32_t remove)');
const TranslateMessage = user32.func('bool __stdcall TranslateMessage(ScareStopMSG *msg)');
const DispatchMessageW = user32.func('intptr_t __stdcall DispatchMessageW(ScareStopMSG *msg)');
const MsgWaitForMultipleObjects = user32.func('uint32_t __stdcall MsgWaitForMultipleObjects(uint32_t count, void *handles, bool waitAll, uint32_t ms, uint32_t wakeMask)');

// Title changes of the window itself only (OBJID_WINDOW, CHILDID_SELF), not of its controls.
const callback = koffi.register((hook, event, hwnd, idObject, idChild) => {
  if (event === EVENT_OBJECT_NAMECHANGE && (idObject !== 0 || idChild !== 0)) return;
  parentPort.postMessage({ event: event === EVENT_SYSTEM_FOREGROUND ? 'foreground' : 'name-change', hwnd: String(hwnd) });
}, koffi.pointer(proc));
const hooks = [EVENT_SYSTEM_FOREGROUND, EVENT_OBJECT_NAMECHANGE].map((event) => SetWinEventHook(event, event, null, callback, 0, 0, WINEVENT_OUTOFCONTEXT));
if (hooks.some((hook) => hook === null)) {
  for (const hook of hooks) if (hook !== null) UnhookWinEvent(hook);
  parentPort.postMessage({ ready: false, error: 'SetWinEventHook returned no hook' });
} else {
  parentPort.postMessage({ ready: true });
  const stop = new Int32Array(workerData.stop);
  const msg = {};
  while (Atomics.load(stop, 0) === 0) {
    MsgWaitForMultipleObjects(0, null, false, 100, QS_ALLINPUT);
    while (PeekMessageW(msg, 0, 0, 0, PM_REMOVE)) {
      TranslateMessage(msg);
      DispatchMessageW(msg);
    }
  }
  for (const hook of hooks) UnhookWinEvent(hook);
}
koffi.unregister(callback);
`;

/**
 * Starts the hook thread. Resolves once both hooks are set, or rejects (koffi missing, hook
 * refused, worker failed) so the caller can keep polling instead; `onLost` is called if the
 * thread ends later without being stopped.
 */
export function startWinEventHook(onEvent: (message: WinEventMessage) => void, onLost: (error: Error) => void): Promise<WinEventHook> {
  const stop = new SharedArrayBuffer(4);
  const koffiPath = createRequire(import.meta.url).resolve('koffi');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { koffiPath, stop } });
  worker.unref(); // never keeps the process alive on its own
  const flag = new Int32Array(stop);
  let stopped = false;
  const hook: WinEventHook = {
    stop: () => {
      stopped = true;
      Atomics.store(flag, 0, 1);
    },
  };
  return new Promise((resolve, reject) => {
    let ready = false;
    worker.on('message', (message: WinEventMessage | { ready: boolean; error?: string }) => {
      if ('ready' in message) {
        ready = message.ready;
        if (message.ready) resolve(hook);
        else reject(new Error(message.error ?? 'the WinEvent hook did not start'));
        return;
      }
      onEvent(message);
    });
    worker.on('error', (error) => {
      if (!ready) reject(error);
      else if (!stopped) onLost(error);
    });
    worker.on('exit', (code) => {
      const error = new Error(`the WinEvent hook thread ended (${code})`);
      if (!ready) reject(error);
      else if (!stopped) onLost(error);
    });
  });
}
