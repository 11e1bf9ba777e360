/**
 * Builds what Electron runs: the main process (one ESM file, dependencies left to
 * node_modules), the sandboxed preload (one CommonJS file: sandboxed preloads cannot import),
 * the renderer, and the data files the engine reads at run time. `npm run build:app`.
 */
import { build } from 'esbuild';
import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildRenderer } from './build-renderer.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Builds dist/src/main/main.js, dist/src/preload/preload.cjs, dist/assets and renderer/dist. */
export async function buildApp(): Promise<void> {
  await build({
    entryPoints: [join(root, 'src', 'main', 'main.ts')],
    outfile: join(root, 'dist', 'src', 'main', 'main.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24', // the Node.js Electron 45 bundles
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  await build({
    entryPoints: [join(root, 'src', 'preload', 'preload.ts')],
    outfile: join(root, 'dist', 'src', 'preload', 'preload.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'chrome120',
    external: ['electron'],
    logLevel: 'warning',
  });
  // Modules that read data files next to themselves (new URL('../../assets/…', import.meta.url))
  // resolve from dist/src/main to dist/assets.
  mkdirSync(join(root, 'dist', 'assets'), { recursive: true });
  for (const name of readdirSync(join(root, 'assets'))) {
    if (/\.(json|csv)$/.test(name)) cpSync(join(root, 'assets', name), join(root, 'dist', 'assets', name), { recursive: true });
  }
  await buildRenderer();
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildApp();
  console.log('app built: dist/src/main/main.js, dist/src/preload/preload.cjs, renderer/dist');
}
