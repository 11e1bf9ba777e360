/**
 * The start path's first step: make sure Electron's own binary is in node_modules/electron.
 * package.json's `allowScripts` keeps npm from running Electron's install script (it downloads
 * ~100 MB from GitHub on every `npm ci`, also on CI machines that never start the app), so
 * `npm start` runs that same installer (node_modules/electron/install.js) the first time, and
 * says plainly what to do when the download is not possible.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where install.js puts the executable inside `dist/` (same table as Electron's install.js). */
export function electronExecutable(platform: NodeJS.Platform): string {
  if (platform === 'win32') return 'electron.exe';
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return 'electron';
}

/** Whether Electron's binary is installed, read the way Electron's own index.js reads it. */
export type ElectronBinary =
  | { readonly kind: 'present'; readonly version: string; readonly path: string }
  | { readonly kind: 'missing'; readonly version: string; readonly why: string };

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return undefined; // absent: the caller says what is missing
  }
}

/** Looks for the binary of the Electron package in `electronDir` (node_modules/electron). */
export function findElectronBinary(electronDir: string, platform: NodeJS.Platform = process.platform): ElectronBinary {
  const version = (JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')) as { version: string }).version;
  const relative = readText(join(electronDir, 'path.txt'));
  if (relative === undefined) return { kind: 'missing', version, why: 'Electron has not been downloaded yet' };
  if (relative !== electronExecutable(platform)) return { kind: 'missing', version, why: `the Electron in node_modules is for another system (${relative})` };
  const installed = readText(join(electronDir, 'dist', 'version'))?.replace(/^v/, '');
  if (installed !== version) return { kind: 'missing', version, why: `node_modules holds Electron ${installed ?? '?'} instead of ${version}` };
  const path = join(electronDir, 'dist', relative);
  if (!existsSync(path)) return { kind: 'missing', version, why: `${path} is missing` };
  return { kind: 'present', version, path };
}

/** Outcome of {@link ensureElectronBinary}. */
export type PreparedElectron = { readonly ok: true; readonly path: string; readonly downloaded: boolean } | { readonly ok: false; readonly message: string };

/** Runs a Node script, printing its progress; returns its exit code and the end of its errors. */
export type ScriptRunner = (script: string) => { readonly code: number | null; readonly errors: string };

const runWithNode: ScriptRunner = (script) => {
  const run = spawnSync(process.execPath, [script], { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8', timeout: 15 * 60_000 });
  return { code: run.status, errors: `${run.stderr}${run.error !== undefined ? run.error.message : ''}` };
};

/** The message when Electron cannot be fetched: what happened and what to do, in both languages. */
export function cannotFetchElectron(version: string, why: string, detail: string): string {
  const lastLine = detail.trim().split(/\r?\n/).pop() ?? '';
  return [
    `Cannot fetch Electron ${version}, the program ScareStop's windows run in (${why}; the download from github.com failed${lastLine !== '' ? `: ${lastLine}` : ''}).`,
    'Connect this PC to the internet and run "npm start" again (behind a proxy: set ELECTRON_GET_USE_PROXY=true and HTTPS_PROXY; from a mirror: set ELECTRON_MIRROR).',
    `Electron ${version}（スケアストップの画面を動かすプログラム）をダウンロードできませんでした。`,
    'インターネットにつないでから、もう一度「npm start」を実行してください。',
  ].join('\n');
}

/**
 * Makes sure the Electron binary is there: if not, runs Electron's own installer once and checks
 * again. Never throws for a failed download: the caller prints the message and stops.
 */
export function ensureElectronBinary(electronDir: string, run: ScriptRunner = runWithNode, platform: NodeJS.Platform = process.platform): PreparedElectron {
  const before = findElectronBinary(electronDir, platform);
  if (before.kind === 'present') return { ok: true, path: before.path, downloaded: false };
  const { code, errors } = run(join(electronDir, 'install.js'));
  const after = findElectronBinary(electronDir, platform);
  if (after.kind === 'present') return { ok: true, path: after.path, downloaded: true };
  return { ok: false, message: cannotFetchElectron(after.version, before.why, code === 0 ? `${errors}\ninstaller finished but ${after.why}` : errors) };
}
