/**
 * Runs under Windows' node.exe in Wine: drives the Win32 window adapter against the mingw
 * stand-in browser (tests/fixtures/win32/standin/chrome.c) and writes what happened to
 * results.json for tests/wine/windows.test.ts to check.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ActionOutcome, WindowInfo } from '../../../src/engine/ports/windows.js';
import { win32 } from '../../../src/platform/win32/win32-api.js';
import { selfCheckWin32 } from '../../../src/platform/win32/self-check.js';
import { createWin32WindowPlatform } from '../../../src/platform/win32/window-platform.js';
import { readConfig, step, waitUntil, writeResults } from '../support/driver-io.js';

/** What the test passes in. */
export interface WindowsDriverConfig {
  /** Windows path of the stand-in chrome.exe. */
  readonly chrome: string;
  /** Windows path of a copy of it named like a non-browser program. */
  readonly nonBrowser: string;
  /** A folder to use as %LOCALAPPDATA% / %APPDATA% for the session-restore check. */
  readonly profileHome: string;
}

const config = readConfig<WindowsDriverConfig>();
const platform = createWin32WindowPlatform({
  foreground: { pollMs: 50 },
  actions: { escHoldMs: 300, closeWaitMs: 1000, politeExitMs: 500, env: { LOCALAPPDATA: join(config.profileHome, 'Local'), APPDATA: join(config.profileHome, 'Roaming') } },
});
const { windows, actions } = platform;

// First, as the app does at start-up. Under Wine the first user32 call also starts Wine's
// desktop (explorer.exe), which can take up to 10 s in a fresh prefix.
const selfCheck = await step(() => selfCheckWin32());

function launch(exe: string, args: readonly string[], attempt = 1): number {
  let child;
  try {
    child = spawn(exe, args, { stdio: 'ignore', detached: false });
  } catch (error) {
    // Wine 8's CreateProcess now and then fails with an unmapped error (node: "spawn UNKNOWN",
    // seen once in CI); starting the stand-in again is what a person would do.
    if ((error as NodeJS.ErrnoException).code === 'UNKNOWN' && attempt < 3) return launch(exe, args, attempt + 1);
    throw error;
  }
  if (child.pid === undefined) throw new Error(`could not start ${exe}`);
  child.on('error', () => undefined); // reported through the checks below
  return child.pid;
}

async function findByTitle(title: string, timeoutMs = 15_000): Promise<{ info: WindowInfo; ms: number }> {
  const started = Date.now();
  const info = await waitUntil(async () => (await windows.listWindows()).find((w) => w.title === title), timeoutMs);
  if (info === undefined) throw new Error(`no window titled ${title} after ${timeoutMs} ms`);
  return { info, ms: Date.now() - started };
}

async function childrenOf(pid: number): Promise<Array<{ pid: number; name: string }>> {
  const kernel32 = await win32('kernel32');
  return kernel32.processSnapshot().filter((p) => p.ppid === pid).map((p) => ({ pid: p.pid, name: p.exeFile }));
}

async function timed(run: () => Promise<ActionOutcome>): Promise<{ outcome: ActionOutcome; ms: number }> {
  const started = Date.now();
  const outcome = await run();
  return { outcome, ms: Date.now() - started };
}

const seenTitles: string[] = [];
const watchErrors: string[] = [];
const stopWatching = windows.watch(
  (window) => {
    if (window !== null) seenTitles.push(window.title);
  },
  (error) => watchErrors.push(`${error.code}: ${error.message}`),
);


// 1. An ordinary window: found by title, seen in the foreground, closed by WM_CLOSE.
const normal = await step(async () => {
  const pid = launch(config.chrome, ['--title', 'Stand-in: ordinary page']);
  const found = await findByTitle('Stand-in: ordinary page');
  const foreground = await waitUntil(async () => {
    const fg = await windows.foreground();
    return fg?.id === found.info.id ? fg : undefined;
  }, 8000);
  // Give the polling watcher (50 ms here) the chance to report it before it is closed: on a
  // busy machine the driver can see the window and close it within one poll.
  await waitUntil(() => (seenTitles.includes('Stand-in: ordinary page') ? true : undefined), 5000);
  const close = await timed(() => actions.closeWindow(found.info.id));
  const exitStarted = Date.now();
  const exited = await waitUntil(async () => ((await actions.isProcessAlive(pid)) ? undefined : true), 5000);
  const windowOpenAfter = await actions.isWindowOpen(found.info.id);
  // Keys for the closed window: none may be sent (to whatever has the focus now).
  const leaveAfterGone = await actions.confirmLeavePage(found.info.id);
  const escapeAfterGone = await actions.exitFullScreen(found.info.id);
  return { pid, found, foreground: foreground ?? null, close, windowOpenAfter, leaveAfterGone, escapeAfterGone, exited: exited === true, exitMs: Date.now() - exitStarted };
});

// 2. A full-screen page: bounds equal the monitor; Esc is ignored by the stand-in; WM_CLOSE closes it.
const fullscreen = await step(async () => {
  launch(config.chrome, ['--title', 'VIRUS ALERT - Call Microsoft Support', '--fullscreen']);
  const found = await findByTitle('VIRUS ALERT - Call Microsoft Support');
  const exit = await timed(() => actions.exitFullScreen(found.info.id));
  const close = await timed(() => actions.closeWindow(found.info.id));
  return { found, exit, close, windowOpenAfter: await actions.isWindowOpen(found.info.id) };
});

// 2b. Keyboard input reaches the page: Esc leaves element full screen, F11 browser full screen,
// and Enter confirms a "Leave site?" prompt.
const keyboard = await step(async () => {
  launch(config.chrome, ['--title', 'Esc page', '--fullscreen', '--esc-exits']);
  const esc = await findByTitle('Esc page');
  const escExit = await timed(() => actions.exitFullScreen(esc.info.id));
  const escAfter = (await windows.listWindows()).find((w) => w.id === esc.info.id);
  await actions.closeWindow(esc.info.id);
  launch(config.chrome, ['--title', 'F11 page', '--fullscreen', '--f11-exits']);
  const f11 = await findByTitle('F11 page');
  const f11Exit = await timed(() => actions.exitFullScreen(f11.info.id));
  await actions.closeWindow(f11.info.id);
  const pid = launch(config.chrome, ['--title', 'Leave site page', '--refuse-close', '--enter-closes']);
  const leavePage = await findByTitle('Leave site page');
  const close = await timed(() => actions.closeWindow(leavePage.info.id));
  const leave = await timed(() => actions.confirmLeavePage(leavePage.info.id));
  const exited = await waitUntil(async () => ((await actions.isProcessAlive(pid)) ? undefined : true), 5000);
  return { escExit, escAfter: escAfter ?? null, f11Exit, close, leave, exited: exited === true };
});

// 3. A page that refuses to close, with a child process: polite close fails, then the tree ends.
const refusing = await step(async () => {
  // A portable-style browser with its profile outside %LOCALAPPDATA%, marked as crashed.
  const customProfile = join(config.profileHome, 'Portable Chrome Data', 'Default');
  mkdirSync(customProfile, { recursive: true });
  writeFileSync(join(customProfile, 'Preferences'), JSON.stringify({ profile: { exit_type: 'Crashed', exited_cleanly: false } }));
  const pid = launch(config.chrome, ['--title', 'Windows Defender Alert', '--fullscreen', '--refuse-close', '--child', '--spawn', config.nonBrowser, `--user-data-dir=${join(config.profileHome, 'Portable Chrome Data')}`]);
  // Its window shows once it runs: under Wine, a process read right after it was created can
  // still have an empty (all-zero) command line in its PEB.
  const found = await findByTitle('Windows Defender Alert');
  const commandLine = (await win32('kernel32')).commandLine(pid);
  const kids = (await waitUntil(async () => {
    const list = await childrenOf(pid);
    return list.length >= 2 ? list : undefined;
  }, 10_000)) ?? [];
  const children = kids.filter((child) => child.name === 'chrome.exe').map((child) => child.pid);
  const launched = kids.filter((child) => child.name !== 'chrome.exe').map((child) => child.pid);
  const close = await timed(() => actions.closeWindow(found.info.id));
  const openAfterClose = await actions.isWindowOpen(found.info.id);
  const leave = await timed(() => actions.confirmLeavePage(found.info.id));
  const identity = await actions.identifyProcess(pid);
  if (identity === undefined) throw new Error(`stand-in browser ${pid} could not be identified`);
  const terminate = await timed(() => actions.terminateProcessTree(identity, 'chrome'));
  const childrenAlive = await Promise.all(children.map((child) => actions.isProcessAlive(child)));
  const launchedAlive = await Promise.all(launched.map((child) => actions.isProcessAlive(child)));
  for (const child of launched) (await win32('kernel32')).terminate(child, 0); // the test's own cleanup
  const customRestore = await actions.preventSessionRestore({ family: 'chrome', pid });
  const customPreferences = JSON.parse(readFileSync(join(customProfile, 'Preferences'), 'utf8')) as unknown;
  return { pid, commandLine, customRestore, customPreferences, children, launched, launchedAlive, close, openAfterClose, leave, terminate, rootAlive: await actions.isProcessAlive(pid), childrenAlive, windowOpenAfter: await actions.isWindowOpen(found.info.id) };
});

// 4. Never a non-browser: the same program under another name is refused.
const nonBrowser = await step(async () => {
  const pid = launch(config.nonBrowser, ['--title', 'Not a browser', '--refuse-close']);
  await findByTitle('Not a browser');
  const identity = await actions.identifyProcess(pid);
  if (identity === undefined) throw new Error(`stand-in program ${pid} could not be identified`);
  const terminate = await actions.terminateProcessTree(identity, 'chrome');
  const aliveAfter = await actions.isProcessAlive(pid);
  (await win32('kernel32')).terminate(pid, 0); // the test's own cleanup, not the adapter's
  return { terminate, aliveAfter };
});

// 4b. Re-identification through GetProcessTimes: an identity whose start time differs (what a
// reused pid looks like) is never ended; the right one is.
const reidentify = await step(async () => {
  const launchedAt = Date.now();
  const pid = launch(config.chrome, ['--title', 'Reidentify me', '--refuse-close']);
  await findByTitle('Reidentify me');
  const identity = await actions.identifyProcess(pid);
  if (identity === undefined) throw new Error(`stand-in browser ${pid} could not be identified`);
  const stale = { ...identity, startTime: identity.startTime - 60_000 };
  const staleTerminate = await actions.terminateProcessTree(stale, 'chrome');
  const staleDirect = (await win32('kernel32')).terminateIfSame(stale, 0);
  const aliveAfterStale = await actions.isProcessAlive(pid);
  const terminate = await actions.terminateProcessTree(identity, 'chrome');
  return { launchedAt, identity, staleTerminate, staleDirect: staleDirect.result, aliveAfterStale, terminate, aliveAfter: await actions.isProcessAlive(pid) };
});

// 5. Session restore: a "crashed" Chrome profile and a Firefox profile get fixed.
const sessionRestore = await step(async () => {
  const chromeProfile = join(config.profileHome, 'Local', 'Google', 'Chrome', 'User Data', 'Default');
  const firefoxProfile = join(config.profileHome, 'Roaming', 'Mozilla', 'Firefox', 'Profiles', 'abcd1234.default-release');
  mkdirSync(chromeProfile, { recursive: true });
  mkdirSync(firefoxProfile, { recursive: true });
  writeFileSync(join(chromeProfile, 'Preferences'), JSON.stringify({ profile: { exit_type: 'Crashed', exited_cleanly: false, name: 'Person 1' }, homepage: 'https://example.org/' }));
  const chrome = await actions.preventSessionRestore({ family: 'chrome' });
  const firefox = await actions.preventSessionRestore({ family: 'firefox' });
  return {
    chrome,
    firefox,
    preferences: JSON.parse(readFileSync(join(chromeProfile, 'Preferences'), 'utf8')) as unknown,
    userJs: readFileSync(join(firefoxProfile, 'user.js'), 'utf8'),
  };
});

stopWatching();
platform.dispose();
writeResults({ reidentify, selfCheck, normal, fullscreen, keyboard, refusing, nonBrowser, sessionRestore, seenTitles, watchErrors });
process.exit(0);
