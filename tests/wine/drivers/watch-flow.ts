/**
 * Runs under Windows' node.exe in Wine: the real watcher engine (src/engine/watch) with the
 * Win32 adapter and the real detector, in close=auto mode, against stand-in browser windows:
 * a benign page, a scam page that closes on WM_CLOSE, and a scam page that refuses (with a
 * child process). Writes the watch events and timings to results.json.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { WatchEvent } from '../../../src/shared/watch-events.js';
import { createWatcher, systemClock } from '../../../src/engine/watch/index.js';
import { createWin32WindowPlatform } from '../../../src/platform/win32/window-platform.js';
import { win32 } from '../../../src/platform/win32/win32-api.js';
import { readConfig, waitUntil, writeResults } from '../support/driver-io.js';

/** What the test passes in (Windows paths). */
export interface WatchFlowConfig {
  readonly chrome: string;
  readonly profileHome: string;
}

export const TITLES = {
  benign: 'Weather forecast - Tokyo',
  closable: 'Microsoft Security Warning - Call Support 0120-000-000',
  refusing: 'Windows Defender Alert: Your computer is infected - Call +1-888-555-0199',
} as const;

const config = readConfig<WatchFlowConfig>();
const platform = createWin32WindowPlatform({
  foreground: { pollMs: 100 },
  actions: { escHoldMs: 500, closeWaitMs: 500, politeExitMs: 500, env: { LOCALAPPDATA: join(config.profileHome, 'Local'), APPDATA: join(config.profileHome, 'Roaming') } },
});
// Bind user32 (and start Wine's desktop) before timing anything.
await win32('user32');

const watcher = createWatcher(
  { windows: platform.windows, actions: platform.actions, clock: systemClock },
  { closeMode: 'auto', escalation: { fullscreenVerifyMs: 500, closeWaitMs: 1500, terminateWaitMs: 4000, windowlessGraceMs: 1500, pollMs: 50 } },
);
const events: Array<WatchEvent & { readonly sinceStart: number }> = [];
let launchedAt = Date.now();
watcher.subscribe((event) => events.push({ ...event, sinceStart: Date.now() - launchedAt }));
watcher.start();

function launch(args: readonly string[]): number {
  launchedAt = Date.now();
  const child = spawn(config.chrome, args, { stdio: 'ignore' });
  child.on('error', () => undefined);
  return child.pid ?? 0;
}

const finished = (title: string): WatchEvent | undefined =>
  events.find((e) => (e.type === 'action-taken' || e.type === 'action-failed') && e.window.title === title);

const benignPid = launch(['--title', TITLES.benign]);
// A clean page raises no event: wait until the watcher could have judged it (it is listed and
// has been in the foreground for a few polls).
await waitUntil(async () => ((await platform.windows.listWindows()).some((w) => w.title === TITLES.benign) ? true : undefined), 20_000);
await waitUntil(async () => ((await platform.windows.foreground())?.title === TITLES.benign ? true : undefined), 5_000);
await new Promise((resolve) => setTimeout(resolve, 500));

const closablePid = launch(['--title', TITLES.closable, '--fullscreen']);
await waitUntil(() => finished(TITLES.closable), 30_000, 50);

const children: number[] = [];
const refusingPid = launch(['--title', TITLES.refusing, '--fullscreen', '--refuse-close', '--child']);
const kernel32 = await win32('kernel32');
await waitUntil(() => {
  children.push(...kernel32.processSnapshot().filter((p) => p.ppid === refusingPid).map((p) => p.pid));
  return children.length > 0 ? true : undefined;
}, 5000);
await waitUntil(() => finished(TITLES.refusing), 40_000, 50);

const alive = {
  benign: await platform.actions.isProcessAlive(benignPid),
  closable: await platform.actions.isProcessAlive(closablePid),
  refusing: await platform.actions.isProcessAlive(refusingPid),
  children: await Promise.all(children.map((pid) => platform.actions.isProcessAlive(pid))),
};
watcher.stop();
kernel32.terminate(benignPid, 0); // the test's own cleanup
platform.dispose();
writeResults({ events, alive, children });
process.exit(0);
