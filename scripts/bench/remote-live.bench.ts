/**
 * The live remote-access watch: how long from a tool's start until its processes are paused
 * (target ≤ 2 s), and what watching costs while nothing happens (target ≤ 0.5% of one core).
 * The pausing trials run in a private PID namespace (only this benchmark's stand-ins exist
 * there); the idle measurement watches the whole machine in calm context (it never pauses).
 * Prints numbers; never fails on time.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRemoteLiveWatch } from '../../src/engine/remote/live/remote-live-watch.js';
import { systemClock } from '../../src/engine/watch/system-clock.js';
import { createRemoteLivePorts } from '../../src/platform/index.js';

const TRIALS = 30;
/** Idle windows measured one after another; the median is the number (the machine is shared). */
const IDLE_WINDOWS = 5;
const IDLE_SECONDS = 20;

/** The 1-minute load average and runnable/total tasks, to say how busy the shared machine was. */
function load(): string {
  const [one, , , tasks] = readFileSync('/proc/loadavg', 'utf8').split(' ');
  return `load ${one ?? '?'} (${tasks ?? '?'} runnable/all tasks)`;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

function startToPaused(): void {
  const driver = fileURLToPath(new URL('./remote-live/latency-driver.ts', import.meta.url));
  const run = spawnSync('unshare', ['--pid', '--fork', '--mount-proc', '--kill-child', '--', process.execPath, '--import', 'tsx', driver, String(TRIALS)], { encoding: 'utf8', timeout: 180_000, killSignal: 'SIGKILL' });
  const line = run.stdout.trim().split('\n').pop() ?? '';
  if (run.status !== 0 || !line.startsWith('{')) {
    console.log(`start → paused: could not run (${run.error?.message ?? `exit ${run.status}`}): ${run.stderr.slice(-500)}`);
    return;
  }
  const { times, stoppedSeen } = JSON.parse(line) as { times: number[]; stoppedSeen: number };
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`tool start → all its processes paused (Linux, /proc watch every 500 ms, ${times.length} starts):`);
  console.log(`  median ${percentile(sorted, 50).toFixed(0)} ms, p95 ${percentile(sorted, 95).toFixed(0)} ms, max ${(sorted.at(-1) ?? 0).toFixed(0)} ms (target ≤ 2000 ms); state T seen in /proc ${stoppedSeen}/${times.length}`);
}

/** Percent of one core this process used over `seconds`. */
async function cpuOver(seconds: number): Promise<number> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const used = process.cpuUsage(cpu0);
  return ((used.user + used.system) / 1000 / (performance.now() - t0)) * 100;
}

async function idleCpu(): Promise<void> {
  const nothing = await cpuOver(IDLE_SECONDS);
  const processes = readdirSync('/proc').filter((n) => /^\d+$/.test(n)).length;
  const real = await createRemoteLivePorts();
  let startedMeanwhile = 0;
  let counting = false;
  const ports = {
    ...real,
    processes: {
      poll: async () => {
        const started = await real.processes.poll();
        if (counting) startedMeanwhile += started.length;
        return started;
      },
      alive: real.processes.alive.bind(real.processes),
    },
  };
  const watch = createRemoteLiveWatch({ ports, clock: systemClock, context: () => ({ incidentOpen: false, alwaysAsk: false, knownHelpers: [] }) });
  watch.start();
  await watch.pollNow(); // the baseline (reads every process once) is not idle cost
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  counting = true;
  const loadBefore = load();
  const percents: number[] = [];
  for (let window = 0; window < IDLE_WINDOWS; window += 1) percents.push(await cpuOver(IDLE_SECONDS));
  watch.stop();
  const sorted = [...percents].sort((a, b) => a - b);
  console.log(`idle watch (/proc listed only when a new pid was handed out, at most every 500 ms; ${processes} processes on this machine; logs every 15 s while no tool runs), ${IDLE_WINDOWS} × ${IDLE_SECONDS} s, no remote tool running:`);
  console.log(`  median ${percentile(sorted, 50).toFixed(2)}% of one core (windows: ${percents.map((p) => p.toFixed(2)).join(', ')}) (target ≤ 0.5%)`);
  console.log(`  for comparison, this Node process with no watch: ${nothing.toFixed(2)}% (${IDLE_SECONDS} s)`);
  console.log(`  machine: ${loadBefore} before, ${load()} after; meanwhile ${startedMeanwhile} other processes started (${(startedMeanwhile / (IDLE_WINDOWS * IDLE_SECONDS)).toFixed(1)}/s, each read once and matched)`);
}

export default async function bench(): Promise<void> {
  startToPaused();
  await idleCpu();
}
