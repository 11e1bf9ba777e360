/**
 * The `scarestop` command's own cost, as a person or a script pays it:
 *  - `scarestop classify "…"` start-to-exit wall time and peak memory, beside `node -e 0` on the
 *    same machine at the same moment (target: at most 3× its wall time);
 *  - `scarestop watch` sitting idle on a private Xvfb display (target: at most 80 MB RSS), with
 *    the content check and the remote-tool watch on, as a person would run it.
 * Peak memory comes from GNU time (`/usr/bin/time -f %M`, Debian package `time`). Medians of
 * SCARESTOP_BENCH_RUNS runs (default 7); idle time SCARESTOP_BENCH_IDLE_S (default 20).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { buildCli } from '../build-cli.js';
import { startDisplay } from '../../tests/e2e/support/display.js';

const RUNS = Number(process.env['SCARESTOP_BENCH_RUNS'] ?? 7);
const IDLE_S = Number(process.env['SCARESTOP_BENCH_IDLE_S'] ?? 20);
const BIN = fileURLToPath(new URL('../../bin/scarestop.mjs', import.meta.url));
const GNU_TIME = '/usr/bin/time';

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

interface Run {
  readonly wallMs: number;
  readonly peakKb: number | undefined;
}

/** Runs `node ...args` once; wall time measured here, peak RSS by GNU time when it exists. */
function runOnce(args: readonly string[], env: NodeJS.ProcessEnv): Run {
  const timed = existsSync(GNU_TIME);
  const started = performance.now();
  const child = timed
    ? spawnSync(GNU_TIME, ['-f', '%M', process.execPath, ...args], { env, encoding: 'utf8' })
    : spawnSync(process.execPath, args, { env, encoding: 'utf8' });
  const wallMs = performance.now() - started;
  if (child.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${child.status}: ${child.stderr}`);
  const peak = timed ? Number(child.stderr.trim().split('\n').at(-1)) : Number.NaN;
  return { wallMs, peakKb: Number.isFinite(peak) ? peak : undefined };
}

/** Alternates the commands run by run, so a busy moment of the shared machine hits both alike. */
function measure(commands: Readonly<Record<string, readonly string[]>>, env: NodeJS.ProcessEnv): Record<string, Run> {
  const runs: Record<string, Run[]> = {};
  for (let i = 0; i < RUNS; i += 1) {
    for (const [name, args] of Object.entries(commands)) (runs[name] ??= []).push(runOnce(args, env));
  }
  return Object.fromEntries(
    Object.entries(runs).map(([name, list]) => {
      const peaks = list.map((r) => r.peakKb).filter((kb): kb is number => kb !== undefined);
      return [name, { wallMs: median(list.map((r) => r.wallMs)), peakKb: peaks.length > 0 ? median(peaks) : undefined }];
    }),
  );
}

const mb = (kb: number | undefined): string => (kb === undefined ? 'n/a (no /usr/bin/time)' : `${(kb / 1024).toFixed(1)} MB`);

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith(`${field}:`));
    return line === undefined ? undefined : Number(line.replace(/\D+/g, ''));
  } catch {
    return undefined;
  }
}

async function idleWatcher(home: string): Promise<void> {
  const display = await startDisplay();
  const child = spawn(process.execPath, [BIN, 'watch', '--close=never', '--json'], { env: { ...display.env, SCARESTOP_HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr.resume();
  try {
    const deadline = Date.now() + 30_000;
    while (!out.includes('"state":"watching"') && Date.now() < deadline) await delay(50);
    if (!out.includes('"state":"watching"')) throw new Error('the watcher did not start');
    const samples: number[] = [];
    for (let s = 0; s < IDLE_S; s += 1) {
      await delay(1_000);
      const rss = child.pid === undefined ? undefined : statusKb(child.pid, 'VmRSS');
      if (rss !== undefined) samples.push(rss);
    }
    const peak = child.pid === undefined ? undefined : statusKb(child.pid, 'VmHWM');
    console.log(`idle watcher RSS after ${IDLE_S} s   median ${mb(median(samples))}, last ${mb(samples.at(-1))}, peak ${mb(peak)}   (target ≤ 80 MB)`);
  } finally {
    child.kill('SIGINT');
    await new Promise((resolve) => child.once('exit', resolve));
    await display.stop();
  }
}

export default async function bench(): Promise<void> {
  await buildCli();
  const home = mkdtempSync(join(tmpdir(), 'scarestop-bench-cli-'));
  try {
    const env = { ...process.env, SCARESTOP_HOME: home };
    const title = 'Windows Defender Security Warning - Your PC is infected! Call +1-888-555-0147 - Google Chrome';
    const result = measure({ 'node -e 0': ['-e', '0'], 'scarestop classify': [BIN, 'classify', title] }, env);
    const base = result['node -e 0'];
    const cli = result['scarestop classify'];
    if (base === undefined || cli === undefined) return;
    console.log(`node -e 0                          ${base.wallMs.toFixed(0)} ms wall, peak ${mb(base.peakKb)}   (median of ${RUNS})`);
    console.log(`scarestop classify "…"             ${cli.wallMs.toFixed(0)} ms wall, peak ${mb(cli.peakKb)}   = ${(cli.wallMs / base.wallMs).toFixed(2)}× node -e 0 (target ≤ 3×)`);
    await idleWatcher(home);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
