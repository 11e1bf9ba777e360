/**
 * Builds the `scarestop` command ahead of time, like the app (scripts/build-app.ts): src/cli
 * bundled by esbuild into plain JavaScript under dist/src/cli, one chunk per command (each is
 * still loaded only when used), native modules left to node_modules. `npm run build:cli`;
 * `prepare` runs it, so `npm ci` / `npm install` leave a working command behind.
 */
import { build } from 'esbuild';
import { cpSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Native (or optional, platform-specific) packages: never bundled, loaded from node_modules. */
export const CLI_EXTERNALS = ['better-sqlite3', 'koffi', 'native-reg', '@napi-rs/system-ocr', 'node-screenshots', 'get-windows', 'electron'];

/** Builds dist/src/cli/main.js (+ chunks) and copies the data files to dist/assets. */
export async function buildCli(outDir = join(root, 'dist', 'src', 'cli')): Promise<string> {
  // Built beside the old command and swapped in at the end: a command that is running (another
  // test run, a watch) never finds the folder empty halfway through a build.
  const partial = `${outDir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  await build({
    entryPoints: [join(root, 'src', 'cli', 'main.ts')],
    outdir: partial,
    // Chunks sit next to main.js: modules that find data files relative to themselves
    // (new URL('../../assets/...', import.meta.url)) resolve to dist/assets from there.
    chunkNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: CLI_EXTERNALS,
    // Bundled CommonJS packages (nodemailer, yaml...) may call require(): give ESM one.
    banner: { js: "import { createRequire as __scarestopCreateRequire } from 'node:module'; const require = __scarestopCreateRequire(import.meta.url);" },
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  rmSync(outDir, { recursive: true, force: true });
  renameSync(partial, outDir);
  const assets = join(outDir, '..', '..', 'assets');
  mkdirSync(assets, { recursive: true });
  for (const name of readdirSync(join(root, 'assets'))) {
    if (/\.(json|csv)$/.test(name)) cpSync(join(root, 'assets', name), join(assets, name), { recursive: true });
  }
  return join(outDir, 'main.js');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(`scarestop command built: ${await buildCli()}`);
}
