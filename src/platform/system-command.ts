import { spawn } from 'node:child_process';
import { PlatformError } from '../engine/ports/errors.js';

/** What a finished command printed and returned. */
export interface CommandOutput {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options for {@link runCommand}. */
export interface RunOptions {
  readonly timeoutMs?: number;
  readonly env?: NodeJS.ProcessEnv;
  /** Keep at most this many bytes of each stream (outputs of system tools are small). */
  readonly maxBytes?: number;
}

/**
 * Runs a program without a shell (arguments are never re-parsed) and collects its output.
 * Resolves for any exit status; rejects only with a PlatformError when it cannot start
 * (`command-missing`) or runs past its timeout (`command-timeout`, the process is killed).
 */
export function runCommand(file: string, args: readonly string[], options: RunOptions = {}): Promise<CommandOutput> {
  const maxBytes = options.maxBytes ?? 1_000_000;
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
      // Settle now: a grandchild (or, under Wine, a hung program) can hold the pipes open, and
      // 'close' would then never come.
      reject(new PlatformError('command-timeout', `${file} did not finish in time`));
    }, options.timeoutMs ?? 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      if (stdout.length < maxBytes) stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < maxBytes) stderr += chunk.toString('utf8');
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      const code = error.code === 'ENOENT' ? 'command-missing' : 'command-failed';
      reject(new PlatformError(code, `Could not run ${file}: ${error.message}`, { cause: error }));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (!timedOut) resolve({ code, signal, stdout, stderr });
    });
  });
}

/** A short description of a failed command for the user-facing detail line. */
export function describeFailure(file: string, output: CommandOutput): string {
  const message = (output.stderr.trim() || output.stdout.trim()).split('\n').slice(0, 3).join(' ').slice(0, 300);
  return `${file} exited with ${output.code ?? output.signal ?? 'unknown'}${message === '' ? '' : `: ${message}`}`;
}
