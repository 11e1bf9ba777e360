/**
 * Runs inside a private PID namespace (spawned by ../remote-live.bench.ts) so the pausing watch
 * can only ever see this benchmark's own stand-ins. For each trial: start a copy of /bin/sleep
 * named AnyDesk in a temporary Downloads folder, wait for the watch to report it paused, check
 * /proc says `T`, end it. Prints one JSON line: start → paused times (ms).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRemoteLiveWatch } from '../../../src/engine/remote/live/remote-live-watch.js';
import { systemClock } from '../../../src/engine/watch/system-clock.js';
import { createRemoteLivePorts } from '../../../src/platform/index.js';
import type { RemoteLiveEvent } from '../../../src/shared/remote-live.js';

const trials = Number(process.argv[2] ?? '20');
const home = mkdtempSync(join(tmpdir(), 'scarestop-bench-remote-'));
const downloads = join(home, 'Downloads');
mkdirSync(downloads, { recursive: true });
const program = join(downloads, 'AnyDesk');
copyFileSync('/bin/sleep', program);

const ports = await createRemoteLivePorts({ env: { ...process.env, HOME: home } });
const watch = createRemoteLiveWatch({ ports, clock: systemClock, context: () => ({ lastScamPageAt: Date.now(), incidentOpen: false, alwaysAsk: false, knownHelpers: [] }) });
const waiting = new Map<number, (event: Extract<RemoteLiveEvent, { type: 'remote-paused' }>) => void>();
watch.subscribe((event) => {
  if (event.type !== 'remote-paused') return;
  for (const pid of event.pids) waiting.get(pid)?.(event);
});
watch.start();
await watch.pollNow();

const times: number[] = [];
let stoppedSeen = 0;
for (let trial = 0; trial < trials; trial += 1) {
  const started = performance.now();
  const child = spawn(program, ['600'], { stdio: 'ignore' });
  const pid = child.pid ?? 0;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const event = await new Promise<Extract<RemoteLiveEvent, { type: 'remote-paused' }>>((resolve) => waiting.set(pid, resolve));
  times.push(performance.now() - started);
  waiting.delete(pid);
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('T')) stoppedSeen += 1;
  await watch.endIt(event.pauseId);
  await exited;
  // Spread the starts over the poll cycle, as real starts are.
  await new Promise((resolve) => setTimeout(resolve, 137 + ((trial * 89) % 300)));
}
watch.stop();
rmSync(home, { recursive: true, force: true });
console.log(JSON.stringify({ times, stoppedSeen }));
process.exit(0);
