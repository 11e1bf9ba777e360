/**
 * Runs under Windows' node.exe in Wine: the live remote watch with the Win32 adapters
 * (Toolhelp diff, NtSuspendProcess / NtResumeProcess through koffi) in scam context. Starts a
 * ticking stand-in AnyDesk.exe and two look-alikes the catalog does not know, and records the
 * watch's events, every control call, and the tick counts of each program over time.
 */
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import type { ControlOutcome, ProcessIdentity } from '../../../src/engine/ports/remote-live.js';
import { createRemoteLiveWatch } from '../../../src/engine/remote/live/remote-live-watch.js';
import { systemClock } from '../../../src/engine/watch/system-clock.js';
import { createWin32RemoteLivePorts } from '../../../src/platform/win32/remote-live-ports.js';
import type { RemoteLiveEvent } from '../../../src/shared/remote-live.js';
import { readConfig, waitUntil, writeResults } from '../support/driver-io.js';

/** What the test passes in (Windows paths). */
export interface RemoteLiveDriverConfig {
  readonly anyDesk: string;
  readonly lookAlikes: readonly string[];
  /** Tick files, one per program, same order: AnyDesk first, then the look-alikes. */
  readonly ticks: readonly string[];
}

const config = readConfig<RemoteLiveDriverConfig>();
const ticks = (file: string): number => {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
};
const snapshot = (): number[] => config.ticks.map(ticks);

const ports = createWin32RemoteLivePorts(process.env);
const calls: { verb: string; pid: number; outcome: ControlOutcome['status'] }[] = [];
const logged = (verb: 'suspend' | 'resume' | 'terminate') => async (identity: ProcessIdentity): Promise<ControlOutcome> => {
  const outcome = await ports.control[verb](identity);
  calls.push({ verb, pid: identity.pid, outcome: outcome.status });
  return outcome;
};
const control = { suspend: logged('suspend'), resume: logged('resume'), terminate: logged('terminate') };
const events: (RemoteLiveEvent & { sinceStart: number })[] = [];
const watch = createRemoteLiveWatch(
  { ports: { processes: ports.processes, control }, clock: systemClock, context: () => ({ lastScamPageAt: Date.now(), incidentOpen: false, alwaysAsk: false, knownHelpers: [] }) },
  { processPollMs: 250 },
);
watch.subscribe((event) => events.push({ ...event, sinceStart: Date.now() - launchedAt }));
watch.start();
await watch.pollNow(); // the baseline: nothing running yet is news

let launchedAt = Date.now();
const children = [config.anyDesk, ...config.lookAlikes].map((exe, i) => {
  const child = spawn(exe, [config.ticks[i] ?? ''], { stdio: 'ignore' });
  child.on('error', () => undefined);
  return child.pid ?? 0;
});
launchedAt = Date.now();
const paused = await waitUntil(() => events.find((e) => e.type === 'remote-paused'), 15_000);
const atPause = snapshot();
// Compare over the same half second: the look-alikes keep ticking, the paused AnyDesk does not.
await waitUntil(() => (snapshot().slice(1).every((n, i) => n > (atPause[i + 1] ?? 0) + 5) ? true : undefined), 10_000);
await delay(100);
const whilePaused = snapshot();
const answer = paused !== undefined && paused.type === 'remote-paused' ? await watch.knownHelper(paused.pauseId) : undefined;
const resumedTicking = await waitUntil(() => ((ticks(config.ticks[0] ?? '') > (whilePaused[0] ?? 0) + 3) ? true : undefined), 10_000);
watch.stop();
const identities = await ports.processes.poll(); // only to show the adapter keeps working after all this
writeResults({ events, calls, children, atPause, whilePaused, afterResume: snapshot(), resumed: resumedTicking === true, answer, pollAfter: identities.length });
for (const pid of children) {
  try {
    process.kill(pid);
  } catch {
    // already gone
  }
}
