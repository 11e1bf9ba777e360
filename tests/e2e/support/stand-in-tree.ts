/**
 * Real stand-in process trees for the kill-safety tests: copies of system binaries under
 * browser and non-browser names, so `/proc/PID/exe` says `.../chromium` or `.../soffice.bin`
 * exactly as a real browser or office program would.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { accessSync, constants, copyFileSync, mkdirSync, mkdtempSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { isProcessGone } from './chromium.js';

/** Paths of the stand-in executables in a fresh temp folder. */
export interface StandIns {
  readonly dir: string;
  /** A shell (bash) named `chromium`: the browser's main process. */
  readonly browser: string;
  /** `sleep` named `chromium` in another folder: a renderer. */
  readonly renderer: string;
  /** `sleep` named `soffice.bin`: a program opened from the browser. */
  readonly office: string;
  remove(): void;
}

export function makeStandIns(): StandIns {
  const dir = mkdtempSync(join(tmpdir(), 'scarestop-standin-'));
  const place = (from: string, folder: string, name: string): string => {
    mkdirSync(join(dir, folder), { recursive: true });
    const to = join(dir, folder, name);
    copyFileSync(from, to);
    spawnSync('chmod', ['755', to]);
    return to;
  };
  return {
    dir,
    browser: place('/bin/bash', 'browser', 'chromium'),
    renderer: place('/bin/sleep', 'renderer', 'chromium'),
    office: place('/bin/sleep', 'office', 'soffice.bin'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Waits until `pid` runs `exe` (a forked child has exec'd), failing after `timeoutMs`. */
export async function waitForExe(pid: number, exe: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (readlinkSync(`/proc/${pid}/exe`) === exe) return;
    } catch {
      // not there yet (or gone: the deadline reports it)
    }
    if (Date.now() > deadline) throw new Error(`process ${pid} never ran ${exe}`);
    await delay(20);
  }
}

/** Waits until every pid is gone (zombies count as gone). */
export async function waitGone(pids: readonly number[], timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (pids.some((pid) => !isProcessGone(pid))) {
    if (Date.now() > deadline) throw new Error(`processes ${pids.filter((pid) => !isProcessGone(pid)).join(', ')} did not end`);
    await delay(20);
  }
}

/** A running stand-in browser: main process with a renderer and a non-browser child. */
export interface StandInTree {
  readonly root: ChildProcess;
  readonly rootPid: number;
  readonly rendererPid: number;
  readonly officePid: number;
}

/**
 * Starts `browser` (bash) with one renderer and one office child. `onTerm`: `end` ends the
 * renderer and exits on SIGTERM (as Chromium does); `ignore` keeps running (a hung browser).
 */
export async function startStandInTree(standIns: StandIns, onTerm: 'end' | 'ignore'): Promise<StandInTree> {
  const trap = onTerm === 'end' ? 'trap \'kill $R; exit 0\' TERM' : "trap '' TERM";
  const script = `${trap}; "${standIns.renderer}" 600 & R=$!; "${standIns.office}" 600 & O=$!; echo "$R $O"; wait`;
  const root = spawn(standIns.browser, ['-c', script], { stdio: ['ignore', 'pipe', 'ignore'] });
  const line = await new Promise<string>((resolve, reject) => {
    let text = '';
    root.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) resolve(text.trim());
    });
    root.once('exit', () => reject(new Error('stand-in browser exited early')));
  });
  const [rendererPid, officePid] = line.split(' ').map(Number);
  if (root.pid === undefined || rendererPid === undefined || officePid === undefined) throw new Error(`bad stand-in start: ${line}`);
  await waitForExe(root.pid, standIns.browser);
  await waitForExe(rendererPid, standIns.renderer);
  await waitForExe(officePid, standIns.office);
  return { root, rootPid: root.pid, rendererPid, officePid };
}

/** Ends test processes that are still running (the test's own cleanup, never the code under test). */
export function killQuietly(pids: readonly (number | undefined)[]): void {
  for (const pid of pids) {
    if (pid === undefined || isProcessGone(pid)) continue;
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** True when this process may set the next pid (root in the initial pid namespace). */
export function canChooseNextPid(): boolean {
  try {
    accessSync('/proc/sys/kernel/ns_last_pid', constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts `exe 600` so that it gets exactly `pid` (a pid another process just left), through
 * `/proc/sys/kernel/ns_last_pid`. Other processes on the machine may take the pid first: retried.
 */
export async function spawnWithPid(exe: string, pid: number, attempts = 50): Promise<number> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const result = spawnSync('/bin/sh', ['-c', `echo ${pid - 1} > /proc/sys/kernel/ns_last_pid && { "${exe}" 600 </dev/null >/dev/null 2>&1 & echo $!; }`], { encoding: 'utf8' });
    const got = Number(result.stdout.trim());
    if (got === pid) {
      await waitForExe(pid, exe);
      return pid;
    }
    killQuietly([got]);
    await delay(10);
  }
  throw new Error(`could not get pid ${pid} after ${attempts} attempts`);
}
