/**
 * The driver side of tests/wine/support/driver.ts: read `config.json`, write `results.json`
 * (both in the driver's folder, which is the working directory under Wine).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';

/** The config the test wrote for this driver run. */
export function readConfig<C>(): C {
  // The first line of the log: node.exe is running our code. The harness retries a run that
  // hung before this line (a Wine start-up hang), never one that got this far.
  console.log('driver started');
  return JSON.parse(readFileSync('config.json', 'utf8')) as C;
}

/** Writes the results the test reads back (call once, at the end). */
export function writeResults(results: unknown): void {
  writeFileSync('results.json', JSON.stringify(results, null, 2));
}

/** Polls `check` every `everyMs` until it returns a value or `timeoutMs` passes. */
export async function waitUntil<T>(check: () => Promise<T | undefined> | T | undefined, timeoutMs: number, everyMs = 20): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) return undefined;
    await delay(everyMs);
  }
}

/** Runs a step, turning a throw into an error string so one failure doesn't lose the rest. */
export async function step<T>(run: () => Promise<T>): Promise<{ ok: true; value: T; ms: number } | { ok: false; error: string; ms: number }> {
  const started = Date.now();
  try {
    const value = await run();
    return { ok: true, value, ms: Date.now() - started };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error), ms: Date.now() - started };
  }
}
