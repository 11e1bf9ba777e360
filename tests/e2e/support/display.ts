/**
 * A private X display per test file: Xvfb plus the openbox window manager. Each e2e file gets
 * its own, so files running in parallel never fight over the foreground window.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';

export interface TestDisplay {
  /** e.g. `:117` */
  readonly display: string;
  readonly width: number;
  readonly height: number;
  /** Environment for child processes that should draw on this display. */
  readonly env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

function requireBinary(name: string): void {
  const dirs = (process.env['PATH'] ?? '').split(':');
  if (!dirs.some((dir) => existsSync(`${dir}/${name}`))) {
    throw new Error(`${name} is not installed: run .ci/run (it installs xvfb, openbox, chromium, wmctrl, xdotool) or apt-get install it.`);
  }
}

function freeDisplayNumber(): number {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const n = 100 + Math.floor(Math.random() * 800);
    if (!existsSync(`/tmp/.X${n}-lock`) && !existsSync(`/tmp/.X11-unix/X${n}`)) return n;
  }
  throw new Error('no free X display number between :100 and :899');
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await delay(25);
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Starts Xvfb (1920x1080 by default) and openbox; `windowManager: false` for a bare display. */
export async function startDisplay(options: { width?: number; height?: number; windowManager?: boolean } = {}): Promise<TestDisplay> {
  const width = options.width ?? 1920;
  const height = options.height ?? 1080;
  requireBinary('Xvfb');
  const n = freeDisplayNumber();
  const display = `:${n}`;
  const xvfb = spawn('Xvfb', [display, '-screen', '0', `${width}x${height}x24`, '-nolisten', 'tcp'], { stdio: 'ignore' });
  await waitFor(() => existsSync(`/tmp/.X11-unix/X${n}`) || xvfb.exitCode !== null, `Xvfb ${display}`);
  if (xvfb.exitCode !== null) throw new Error(`Xvfb ${display} exited with ${xvfb.exitCode}`);
  const env: NodeJS.ProcessEnv = { ...process.env, DISPLAY: display };
  let wm: ChildProcess | undefined;
  if (options.windowManager !== false) {
    requireBinary('openbox');
    wm = spawn('openbox', ['--sm-disable'], { stdio: 'ignore', env });
    await delay(300); // openbox needs a moment to claim the screen
  }
  return {
    display,
    width,
    height,
    env,
    async stop() {
      if (wm !== undefined) await stopChild(wm);
      await stopChild(xvfb);
    },
  };
}
