/**
 * `npm run dist:win` — the Windows installer, run ON WINDOWS (electron-builder needs the
 * Windows Electron binary and the native modules compiled for Electron's ABI):
 *   1. build the app (main, preload, renderer, data files);
 *   2. rebuild better-sqlite3 for Electron with @electron/rebuild — here only, never in
 *      postinstall, because the tests run on Node's ABI (koffi and native-reg ship N-API
 *      prebuilt binaries that need no rebuild);
 *   3. electron-builder --win (NSIS, per-user; see electron-builder.yml);
 *   4. rebuild better-sqlite3 for Node again so `npm test` keeps working in this checkout.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rebuild } from '@electron/rebuild';
import { buildApp } from './build-app.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function run(command: string, args: readonly string[]): void {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with ${String(result.status)}`);
}

if (process.platform !== 'win32') {
  console.error('npm run dist:win builds the Windows installer and must run on Windows (see README).');
  process.exit(1);
}

const electronVersion = (createRequire(import.meta.url)('electron/package.json') as { version: string }).version;
await buildApp();
console.log(`rebuilding native modules for Electron ${electronVersion}…`);
await rebuild({ buildPath: root, electronVersion, arch: 'x64', onlyModules: ['better-sqlite3'], force: true });
try {
  run('npx', ['electron-builder', '--win', 'nsis', '--x64', '--config', 'electron-builder.yml', '--publish', 'never']);
} finally {
  console.log('restoring better-sqlite3 for Node (tests)…');
  run('npm', ['rebuild', 'better-sqlite3']);
}
console.log('installer written to out/');
