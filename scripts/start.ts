/**
 * `npm start`: the tray app from a checkout, right after `npm ci`.
 *   1. Electron's binary: downloaded by Electron's own installer the first time (see
 *      electron-binary.ts), with a plain message when that is not possible;
 *   2. build main, preload, renderer and data files (build-app.ts);
 *   3. start Electron on this folder and pass on its exit code.
 * The native modules need nothing here: they are Node-API, the binaries npm installed load in
 * Electron as they are (README, "Supported runtimes").
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './build-app.js';
import { ensureElectronBinary } from './electron-binary.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));

const electron = ensureElectronBinary(electronDir);
if (!electron.ok) {
  console.error(electron.message);
  process.exit(1);
}
await buildApp();
const child = spawn(electron.path, [root, ...process.argv.slice(2)], { stdio: 'inherit', windowsHide: false });
child.on('close', (code, signal) => {
  if (code === null) console.error(`Electron stopped by ${String(signal)}`);
  process.exit(code ?? 1);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
