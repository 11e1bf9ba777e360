/** Runs the real `scarestop` command (bin/scarestop.mjs through tsx) as a child process. */
import { spawn, type ChildProcess, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../../bin/scarestop.mjs', import.meta.url));

/** What a finished command printed. */
export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Environment for a test data folder; network timeouts short so failures come fast. */
export function cliEnv(home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: home, SCARESTOP_HOME: home, SCARESTOP_NET_TIMEOUT_MS: '3000', TZ: 'UTC', ...extra };
}

/** Runs `scarestop ...args` to completion. */
export function runCli(args: readonly string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Starts `scarestop ...args` and keeps it running; `lines` collects stdout lines as they come. */
export function startCli(args: readonly string[], env: NodeJS.ProcessEnv): { readonly child: ChildProcess; readonly lines: string[]; readonly exited: Promise<CliRun> } {
  const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let stdout = '';
  let stderr = '';
  let partial = '';
  child.stdout?.on('data', (d: Buffer) => {
    const text = d.toString('utf8');
    stdout += text;
    partial += text;
    const parts = partial.split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
  });
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const exited = new Promise<CliRun>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, lines, exited };
}

/** Waits (polling every 50 ms, up to `timeoutMs`) until `predicate` holds. */
export async function waitFor(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A running `scarestop watch ... --json`: its process and every JSON line it printed so far. */
export interface JsonWatch {
  readonly child: ChildProcessWithoutNullStreams;
  readonly lines: Record<string, unknown>[];
  /** The last 20 kB the command wrote to stderr (read as it comes: a full pipe would block it). */
  stderr(): string;
}

/**
 * Starts `scarestop watch` with `args` (include `--json`) and parses each stdout line as it comes.
 * The live remote-access watch is off (`--no-remote`) unless `remoteWatch` is set: a watch in
 * scam context pauses catalog tools machine-wide, so one test file's watch would otherwise pause
 * another file's stand-in AnyDesk running beside it.
 */
export function startJsonWatch(args: readonly string[], env: NodeJS.ProcessEnv, options: { readonly remoteWatch?: boolean } = {}): JsonWatch {
  const watchArgs = options.remoteWatch === true ? args : [...args, '--no-remote'];
  const child = spawn(process.execPath, [BIN, 'watch', ...watchArgs], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  const lines: Record<string, unknown>[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    try {
      lines.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      lines.push({ event: 'not-json', line });
    }
  });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString('utf8')).slice(-20_000);
  });
  return { child, lines, stderr: () => errors };
}
