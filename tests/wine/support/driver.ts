/**
 * Runs a TypeScript driver (tests/wine/drivers/*.ts) under Windows' node.exe in a Wine session.
 * node.exe cannot resolve our `.js` specifiers to `.ts` files, so the driver is bundled with
 * esbuild first (koffi, native-reg and better-sqlite3 stay external and resolve to their Windows builds from
 * scripts/ci-prepare.sh's cache, linked in as node_modules). The driver reads `config.json` and
 * writes `results.json` in its folder: a JSON file, because node.exe's stdio cannot be a pipe.
 */
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { REPO_ROOT, WINE_MODULES, WINE_NODE_EXE, type WineSession } from './wine.js';

/** Bundles `tests/wine/drivers/<name>.ts` into `<session.workDir>/<name>/driver.mjs`. */
export async function bundleDriver(session: WineSession, name: string): Promise<string> {
  const dir = join(session.workDir, name);
  mkdirSync(dir, { recursive: true });
  await build({
    entryPoints: [join(REPO_ROOT, 'tests', 'wine', 'drivers', `${name}.ts`)],
    outfile: join(dir, 'driver.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    external: ['koffi', 'native-reg', 'better-sqlite3'],
    logLevel: 'error',
  });
  const modules = join(dir, 'node_modules');
  if (!existsSync(modules)) symlinkSync(WINE_MODULES, modules, 'dir');
  return dir;
}

/** What a driver run produced. */
export interface DriverRun<R> {
  readonly results: R;
  readonly log: string;
  /** Wall time of the whole `wine node.exe driver.mjs` run. */
  readonly ms: number;
}

/** Bundles and runs a driver with `config`; rejects with the driver's log when it fails. */
export async function runDriver<R>(session: WineSession, name: string, config: unknown, timeoutMs = 90_000): Promise<DriverRun<R>> {
  const dir = await bundleDriver(session, name);
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
  const resultsFile = join(dir, 'results.json');
  const { code, log, ms } = await session.run([WINE_NODE_EXE, 'driver.mjs'], { cwd: dir, timeoutMs });
  if (code !== 0 || !existsSync(resultsFile)) {
    throw new Error(`driver ${name} exited with ${code}; log:\n${log.slice(-6000)}`);
  }
  return { results: JSON.parse(readFileSync(resultsFile, 'utf8')) as R, log, ms };
}
