/**
 * Runs one X11 tool (xprop, xwininfo, wmctrl, xdotool) with a time limit; failures become a
 * PlatformError: `display-unavailable` when the X server cannot be reached, `tool-missing` when
 * the tool is not installed, else `command-failed`.
 */
import { execFile } from 'node:child_process';
import { PlatformError } from '../../engine/ports/errors.js';

/** Environment for X tools: the caller's DISPLAY, and UTF-8 so titles are not octal-escaped. */
export function x11Env(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...env, LC_ALL: 'C.UTF-8' };
}

/** Classifies a tool's failure. */
export function x11Failure(tool: string, error: unknown, stderr: string): PlatformError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return new PlatformError('tool-missing', `${tool} is not installed (apt-get install x11-utils wmctrl xdotool)`, { cause: error });
  if (/unable to open display|can.t open display|cannot open display|connection to .* broken|io error/i.test(stderr)) {
    return new PlatformError('display-unavailable', `${tool}: the X display is not reachable`, { cause: error });
  }
  const detail = stderr.trim().split('\n').slice(-2).join(' ').slice(0, 300);
  return new PlatformError('command-failed', `${tool} failed${detail !== '' ? `: ${detail}` : ''}`, { cause: error });
}

/** Runs `tool args`, resolves its stdout (UTF-8), rejects with a PlatformError. */
export function runX11(tool: string, args: readonly string[], options: { readonly env?: NodeJS.ProcessEnv; readonly timeoutMs?: number } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(tool, args, { env: x11Env(options.env), timeout: options.timeoutMs ?? 5_000, maxBuffer: 4 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error !== null) reject(x11Failure(tool, error, stderr));
      else resolve(stdout);
    });
  });
}
