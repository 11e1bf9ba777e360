/**
 * `npm run dist:win` — the Windows installer, run ON WINDOWS (electron-builder packs the Windows
 * Electron binary):
 *   1. build the app (main, preload, renderer, data files);
 *   2. electron-builder --win (NSIS, per-user; see electron-builder.yml).
 * Nothing is rebuilt for Electron: every native module the app loads is Node-API
 * (better-sqlite3 13, koffi, native-reg, node-screenshots, @napi-rs/system-ocr), so the
 * prebuilt binary npm installed loads in Node and in Electron alike, and `npm test` keeps
 * working in this checkout.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

await buildApp();
run('npx', ['electron-builder', '--win', 'nsis', '--x64', '--config', 'electron-builder.yml', '--publish', 'never']);
console.log('installer written to out/');
