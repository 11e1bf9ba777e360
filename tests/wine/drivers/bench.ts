/**
 * Runs under Windows' node.exe in Wine for scripts/bench/win32-wine.bench.ts: repeated trials
 * of find-by-title, WM_CLOSE, tree termination, foreground detection and an inventory snapshot
 * with the Win32 adapter. Writes the raw timings (ms) to results.json.
 */
import { spawn } from 'node:child_process';
import { win32 } from '../../../src/platform/win32/win32-api.js';
import { createWin32WindowPlatform } from '../../../src/platform/win32/window-platform.js';
import { createRegistryInventory } from '../../../src/platform/win32/win32-inventory.js';
import { readConfig, waitUntil, writeResults } from '../support/driver-io.js';

const config = readConfig<{ chrome: string; trials: number }>();
const { windows, actions } = createWin32WindowPlatform({ foreground: { pollMs: 50 }, actions: { closeWaitMs: 5000, politeExitMs: 0 } });
await win32('user32');

const timings: Record<string, number[]> = { findByTitle: [], foregroundEvent: [], closeToGone: [], terminateTree: [], foregroundCall: [], listWindows: [] };
for (let trial = 0; trial < config.trials; trial += 1) {
  const title = `Bench window ${trial}`;
  let seenAt: number | undefined;
  const stop = windows.watch((w) => {
    if (w?.title === title && seenAt === undefined) seenAt = Date.now();
  }, () => undefined);
  const launched = Date.now();
  const child = spawn(config.chrome, ['--title', title, ...(trial % 2 === 1 ? ['--refuse-close', '--child'] : [])], { stdio: 'ignore' });
  child.on('error', () => undefined);
  const found = await waitUntil(async () => (await windows.listWindows()).find((w) => w.title === title), 15_000, 5);
  if (found === undefined) continue;
  timings['findByTitle']?.push(Date.now() - launched);
  await waitUntil(() => seenAt, 3000, 5);
  stop();
  if (seenAt !== undefined) timings['foregroundEvent']?.push(seenAt - launched);
  let t = Date.now();
  await windows.foreground();
  timings['foregroundCall']?.push(Date.now() - t);
  t = Date.now();
  await windows.listWindows();
  timings['listWindows']?.push(Date.now() - t);
  t = Date.now();
  if (trial % 2 === 0) {
    const outcome = await actions.closeWindow(found.id);
    if (outcome.status === 'done') timings['closeToGone']?.push(Date.now() - t);
  } else {
    const identity = await actions.identifyProcess(child.pid ?? 0);
    const outcome = identity === undefined ? { status: 'failed' as const } : await actions.terminateProcessTree(identity, 'chrome');
    if (outcome.status === 'done') timings['terminateTree']?.push(Date.now() - t);
  }
}

// Idle cost of the polling watcher at its default 150 ms: CPU time of this node.exe over 10 s.
const idle = createWin32WindowPlatform();
let changes = 0;
const stopIdle = idle.windows.watch(() => (changes += 1), () => undefined);
const cpuBefore = process.cpuUsage();
const wallBefore = Date.now();
await new Promise((resolve) => setTimeout(resolve, 10_000));
const cpu = process.cpuUsage(cpuBefore);
const idleCpuPercent = ((cpu.user + cpu.system) / 1000 / (Date.now() - wallBefore)) * 100;
stopIdle();

const inventory = createRegistryInventory();
const snapshotMs: number[] = [];
for (let i = 0; i < 3; i += 1) {
  const t = Date.now();
  await inventory.snapshot({ artifactPaths: ['%ProgramData%\\AnyDesk\\service.conf'] });
  snapshotMs.push(Date.now() - t);
}
writeResults({ timings: { ...timings, inventorySnapshot: snapshotMs }, idleCpuPercent, idleChanges: changes });
process.exit(0);
