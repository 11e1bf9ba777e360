/**
 * The live remote-access watch: how long from a tool's start until its processes are paused
 * (target ≤ 2 s), and what watching costs while nothing happens (target ≤ 0.5% of one core).
 * The pausing trials run in a private PID namespace (only this benchmark's stand-ins exist
 * there); the idle measurement watches the whole machine in calm context (it never pauses).
 * Prints numbers; never fails on time.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRemoteLiveWatch } from '../../src/engine/remote/live/remote-live-watch.js';
import { systemClock } from '../../src/engine/watch/system-clock.js';
import { createRemoteLivePorts } from '../../src/platform/index.js';

const TRIALS = 30;
const IDLE_SECONDS = 30;

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

async function idleCpu(): Promise<void> {
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
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 1000));
  const used = process.cpuUsage(cpu0);
  const wall = performance.now() - t0;
  watch.stop();
  const percent = ((used.user + used.system) / 1000 / wall) * 100;
  console.log(`idle watch (polls /proc every 500 ms, ${processes} processes on this machine; logs every 1 s), ${IDLE_SECONDS} s, no remote tool running:`);
  console.log(`  ${percent.toFixed(2)}% of one core (user ${(used.user / 1000).toFixed(0)} ms, system ${(used.system / 1000).toFixed(0)} ms) (target ≤ 0.5%)`);
  console.log(`  meanwhile ${startedMeanwhile} other processes started on this shared machine (each is read once and matched): ${(startedMeanwhile / IDLE_SECONDS).toFixed(1)}/s`);
}

export default async function bench(): Promise<void> {
  startToPaused();
  await idleCpu();
}
