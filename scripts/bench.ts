/**
 * `npm run bench`: runs every `scripts/bench/*.bench.ts` in turn (or only those whose name
 * contains an argument) and prints their numbers. Benchmarks print; they never fail on time.
 *
 * Each benchmark runs in a fresh Node process of its own (same loader flags), so none inherits
 * another's heap, garbage or JIT state: the OCR benchmark's megabytes of images, say, must not
 * slow the detector's microbenchmark that follows it.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const folder = join(dirname(fileURLToPath(import.meta.url)), 'bench');
const CHILD_FLAG = '--one-benchmark';

async function runOne(file: string): Promise<number> {
  try {
    const mod = (await import(pathToFileURL(join(folder, file)).href)) as { default: () => Promise<void> };
    await mod.default();
    return 0;
  } catch (error) {
    console.error(`benchmark ${file} could not run:`, error);
    return 1;
  }
}

if (process.argv[2] === CHILD_FLAG) {
  process.exitCode = await runOne(process.argv[3] ?? '');
} else {
  const filters = process.argv.slice(2);
  const files = readdirSync(folder)
    .filter((name) => name.endsWith('.bench.ts'))
    .filter((name) => filters.length === 0 || filters.some((f) => name.includes(f)))
    .sort();
  let failed = 0;
  for (const file of files) {
    console.log(`\n== ${file.replace(/\.bench\.ts$/, '')}`);
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), CHILD_FLAG, file], { stdio: 'inherit' });
    if (child.status !== 0) failed += 1;
  }
  process.exitCode = failed > 0 ? 1 : 0;
}
