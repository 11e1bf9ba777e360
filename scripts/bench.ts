/**
 * `npm run bench`: runs every `scripts/bench/*.bench.ts` in turn (or only those whose name
 * contains an argument) and prints their numbers. Benchmarks print; they never fail on time.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const folder = join(dirname(fileURLToPath(import.meta.url)), 'bench');
const filters = process.argv.slice(2);
const files = readdirSync(folder)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => filters.length === 0 || filters.some((f) => name.includes(f)))
  .sort();

let failed = 0;
for (const file of files) {
  console.log(`\n== ${file.replace(/\.bench\.ts$/, '')}`);
  try {
    const mod = (await import(pathToFileURL(join(folder, file)).href)) as { default: () => Promise<void> };
    await mod.default();
  } catch (error) {
    failed += 1;
    console.error(`benchmark ${file} could not run:`, error);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
