/**
 * Runs one external tool (xwd, tesseract) with everything bounded: wall time (SIGKILL on
 * timeout), output size, an AbortSignal, and a small stderr tail for the error message.
 * Outcomes are a discriminated union; only the caller decides which are errors.
 */
import { spawn } from 'node:child_process';

/** What happened to the tool. */
export type SpawnOutcome =
  | { readonly kind: 'exited'; readonly code: number; readonly stdout: Buffer; readonly stderr: string }
  | { readonly kind: 'not-found'; readonly error: Error }
  | { readonly kind: 'failed-to-start'; readonly error: Error }
  | { readonly kind: 'timed-out'; readonly stderr: string }
  | { readonly kind: 'aborted'; readonly reason: unknown }
  | { readonly kind: 'killed'; readonly signal: string; readonly stderr: string }
  | { readonly kind: 'too-much-output'; readonly limit: number };

/** Limits and inputs of one run. */
export interface BoundedSpawnOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly input?: Buffer;
  readonly timeoutMs: number;
  readonly maxStdoutBytes: number;
  readonly signal?: AbortSignal;
}

const STDERR_TAIL = 2_000;

/** Spawns `command args`, feeds `input`, collects stdout. Never throws. */
export function boundedSpawn(command: string, args: readonly string[], options: BoundedSpawnOptions): Promise<SpawnOutcome> {
  return new Promise((resolve) => {
    if (options.signal?.aborted === true) {
      resolve({ kind: 'aborted', reason: options.signal.reason });
      return;
    }
    const child = spawn(command, args, { env: options.env, stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let size = 0;
    let stderr = '';
    let settled: SpawnOutcome | undefined;
    const finish = (outcome: SpawnOutcome): void => {
      if (settled !== undefined) return;
      settled = outcome;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      resolve(outcome);
    };
    const stop = (outcome: SpawnOutcome): void => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      finish(outcome);
    };
    const onAbort = (): void => stop({ kind: 'aborted', reason: options.signal?.reason });
    const timer = setTimeout(() => stop({ kind: 'timed-out', stderr }), options.timeoutMs);
    options.signal?.addEventListener('abort', onAbort, { once: true });

    child.on('error', (error: NodeJS.ErrnoException) => {
      finish(error.code === 'ENOENT' ? { kind: 'not-found', error } : { kind: 'failed-to-start', error });
    });
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > options.maxStdoutBytes) {
        stop({ kind: 'too-much-output', limit: options.maxStdoutBytes });
        return;
      }
      chunks.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_TAIL);
    });
    child.on('close', (code, signal) => {
      if (code !== null) finish({ kind: 'exited', code, stdout: Buffer.concat(chunks), stderr });
      else finish({ kind: 'killed', signal: signal ?? 'unknown', stderr });
    });
    // EPIPE when the tool exits before reading all of its input: its exit status tells the story.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input);
  });
}
