/**
 * Debian's Chromium, spawned by the test itself (never a downloaded browser) on a test display,
 * with a remote-debugging port so Playwright can attach over CDP and click like a person.
 * (With Playwright launching the browser, requestFullscreen() does not make the window full
 * screen: microsoft/playwright#27598.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

export const CHROMIUM = process.env['SCARESTOP_CHROMIUM'] ?? '/usr/bin/chromium';

export const QUIET_FLAGS = [
  '--no-first-run',
  '--no-default-browser-check',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-features=Translate,MediaRouter',
  '--autoplay-policy=no-user-gesture-required',
  '--password-store=basic',
];

export interface RunningChromium {
  readonly pid: number;
  readonly process: ChildProcess;
  readonly profileDir: string;
  /** `http://127.0.0.1:PORT` for `chromium.connectOverCDP`. */
  readonly cdpUrl: string;
  stop(): Promise<void>;
}

/** Process state from /proc (orphans linger as zombies: `Z` counts as gone). */
export function processState(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
  } catch {
    return undefined;
  }
}

export function isProcessGone(pid: number): boolean {
  const state = processState(pid);
  return state === undefined || state === 'Z' || state === 'X';
}

/** Starts Chromium on `env.DISPLAY` showing `url`, waits for its DevTools endpoint. */
export async function launchChromium(options: { env: NodeJS.ProcessEnv; url: string; extraArgs?: string[] }): Promise<RunningChromium> {
  const profileDir = mkdtempSync(join(tmpdir(), 'scarestop-chromium-'));
  const args = [...QUIET_FLAGS, `--user-data-dir=${profileDir}`, '--remote-debugging-port=0', ...(options.extraArgs ?? []), options.url];
  // Own process group, so stop() can end the renderer/GPU/utility children too.
  const child = spawn(CHROMIUM, args, { env: options.env, stdio: 'ignore', detached: true });
  const pid = child.pid;
  if (pid === undefined) throw new Error('chromium did not start');
  const portFile = join(profileDir, 'DevToolsActivePort');
  let port: string | undefined;
  const deadline = Date.now() + 20_000;
  while (port === undefined) {
    try {
      // Chromium creates the file before writing it: an empty first line is not a port yet.
      const first = readFileSync(portFile, 'utf8').split('\n')[0]?.trim();
      if (first !== undefined && /^\d+$/.test(first)) port = first;
      else await delay(50);
    } catch {
      if (child.exitCode !== null) throw new Error(`chromium exited early with ${child.exitCode}`);
      if (Date.now() > deadline) throw new Error('chromium DevTools port did not appear');
      await delay(50);
    }
  }
  return {
    pid,
    process: child,
    profileDir,
    cdpUrl: `http://127.0.0.1:${port}`,
    async stop() {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch (error) {
        // ESRCH: the group is already gone (the test closed the browser itself).
        if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
      }
      const until = Date.now() + 5_000;
      while (!isProcessGone(pid) && Date.now() < until) await delay(25);
      rmSync(profileDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    },
  };
}
