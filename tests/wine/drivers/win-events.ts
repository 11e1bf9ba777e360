/**
 * Runs under Windows' node.exe in Wine: the foreground watcher with the WinEvent hook and its
 * safety poll set to 10 minutes, so every change it reports after the first check came through
 * the hook. Wine 8 raises EVENT_OBJECT_CREATE for new windows but not EVENT_SYSTEM_FOREGROUND
 * or EVENT_OBJECT_NAMECHANGE (checked with a hook on every event), so once the stand-in browser
 * is in front this driver raises those two with NotifyWinEvent, as Windows itself does. Also
 * measures a title change → report latency with the hook and with the 150 ms poll (bench).
 */
import { spawn } from 'node:child_process';
import { loadKoffi } from '../../../src/platform/win32/native-modules.js';
import { Win32Foreground } from '../../../src/platform/win32/win32-foreground.js';
import { readConfig, waitUntil, writeResults } from '../support/driver-io.js';

const EVENT_SYSTEM_FOREGROUND = 0x0003;
const EVENT_OBJECT_NAMECHANGE = 0x800c;

const config = readConfig<{ chrome: string; trials?: number }>();
const koffi = await loadKoffi();
const user32 = koffi.load('user32.dll');
const NotifyWinEvent = user32.func('void __stdcall NotifyWinEvent(uint32_t event, uintptr_t hwnd, int32_t idObject, int32_t idChild)');
const SetWindowTextW = user32.func('bool __stdcall SetWindowTextW(uintptr_t hwnd, str16 text)');

const probe = new Win32Foreground({ events: false });
const child = spawn(config.chrome, ['--title', 'Hook test window'], { stdio: 'ignore' });
child.on('error', () => undefined);
const front = await waitUntil(async () => {
  const window = await probe.foreground();
  return window?.title === 'Hook test window' ? window : undefined;
}, 15_000, 20);
if (front === undefined) throw new Error('the stand-in window never came to the front');
const hwnd = BigInt(front.id);

/** Starts a watcher; resolves with it once it knows whether it runs on events or the poll. */
async function watcher(options: { events: boolean }): Promise<{ modes: string[]; seen: { title: string; at: number }[]; stop: () => void }> {
  const modes: string[] = [];
  const seen: { title: string; at: number }[] = [];
  const foreground = new Win32Foreground({ ...options, pollMs: 150, hookedPollMs: 600_000, onMode: (mode) => modes.push(mode) });
  const stop = foreground.watch((w) => seen.push({ title: w?.title ?? '', at: Date.now() }), () => undefined);
  await waitUntil(() => (modes.length > 0 && seen.length > 0 ? true : undefined), 10_000, 10);
  return { modes, seen, stop };
}

// The hook: a foreground event, then a title change.
const hooked = await watcher({ events: true });
const firstChecks = hooked.seen.length;
SetWindowTextW(hwnd, 'Hook test foreground');
NotifyWinEvent(EVENT_SYSTEM_FOREGROUND, hwnd, 0, 0);
const foregroundSeen = await waitUntil(() => hooked.seen.find((s) => s.title === 'Hook test foreground'), 5000, 2);
SetWindowTextW(hwnd, 'Hook test renamed');
NotifyWinEvent(EVENT_OBJECT_NAMECHANGE, hwnd, 0, 0);
const renameSeen = await waitUntil(() => hooked.seen.find((s) => s.title === 'Hook test renamed'), 5000, 2);

// Latency of a title change → report, hook vs 150 ms poll (for npm run bench).
async function latencies(w: Awaited<ReturnType<typeof watcher>>, notify: boolean, trials: number): Promise<number[]> {
  const values: number[] = [];
  for (let i = 0; i < trials; i += 1) {
    const title = `Latency ${notify ? 'hook' : 'poll'} ${i}`;
    const at = Date.now();
    SetWindowTextW(hwnd, title);
    if (notify) NotifyWinEvent(EVENT_OBJECT_NAMECHANGE, hwnd, 0, 0);
    const seen = await waitUntil(() => w.seen.find((s) => s.title === title), 3000, 1);
    if (seen !== undefined) values.push(seen.at - at);
    await new Promise((resolve) => setTimeout(resolve, 37 + (i % 5) * 23)); // spread over the poll phase
  }
  return values;
}
const trials = config.trials ?? 0;
const hookMs = await latencies(hooked, true, trials);
hooked.stop();
const polled = await watcher({ events: false });
const pollMs = await latencies(polled, false, trials);
polled.stop();

child.kill();
writeResults({
  modes: hooked.modes,
  pollModes: polled.modes,
  firstChecks,
  titles: hooked.seen.map((s) => s.title),
  foregroundSeen: foregroundSeen !== undefined,
  renameSeen: renameSeen !== undefined,
  latency: { hookMs, pollMs },
});
process.exit(0);
