/**
 * The Windows adapter's timings, measured for real under Wine with Windows' node.exe and the
 * mingw stand-in browser (same harness as tests/wine/): find a window by title, foreground
 * event latency (polling; both from process launch), WM_CLOSE → window gone, refused close →
 * tree terminated, an inventory snapshot, the idle CPU of the polling watcher, and a title
 * change → report latency with the WinEvent hook vs the 150 ms poll (tests/wine/drivers/
 * win-events.ts; under Wine the event is raised with NotifyWinEvent). Prints median and p95;
 * skips with a note when Wine is not installed.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { runDriver } from '../../tests/wine/support/driver.js';
import { buildChromeStandIn } from '../../tests/wine/support/standins.js';
import { startWine } from '../../tests/wine/support/wine.js';

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

export default async function benchWin32UnderWine(): Promise<void> {
  if (spawnSync('sh', ['-c', 'command -v wine && command -v x86_64-w64-mingw32-gcc']).status !== 0) {
    console.log('skipped: wine or mingw is not installed (see .ci/run)');
    return;
  }
  const started = Date.now();
  const wine = await startWine();
  console.log(`wine session ready: ${Date.now() - started} ms (Xvfb + prefix copy + desktop)`);
  try {
    const chrome = buildChromeStandIn(join(wine.workDir, 'bin'));
    const run = await runDriver<{ timings: Record<string, number[]>; idleCpuPercent: number }>(wine, 'bench', { chrome: wine.windowsPath(chrome), trials: 20 }, 300_000);
    console.log(`driver run (node.exe start to exit): ${run.ms} ms`);
    console.log(`idle polling watcher (150 ms): ${run.results.idleCpuPercent.toFixed(2)}% of a core over 10 s (node.exe under Wine)`);
    for (const [name, values] of Object.entries(run.results.timings)) {
      if (values.length === 0) {
        console.log(`${name}: no samples`);
        continue;
      }
      console.log(`${name}: median ${quantile(values, 0.5)} ms, p95 ${quantile(values, 0.95)} ms (n=${values.length})`);
    }
    const events = await runDriver<{ modes: string[]; latency: { hookMs: number[]; pollMs: number[] } }>(wine, 'win-events', { chrome: wine.windowsPath(chrome), trials: 30 }, 300_000);
    console.log(`foreground watcher mode with the hook: ${events.results.modes.join(', ')}`);
    for (const [name, values] of Object.entries({ 'title change → report, WinEvent hook': events.results.latency.hookMs, 'title change → report, 150 ms poll': events.results.latency.pollMs })) {
      console.log(values.length === 0 ? `${name}: no samples` : `${name}: median ${quantile(values, 0.5)} ms, p95 ${quantile(values, 0.95)} ms (n=${values.length})`);
    }
  } finally {
    await wine.stop();
  }
}
