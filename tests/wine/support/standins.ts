/**
 * Builds the stand-in Windows programs with mingw (sources in tests/fixtures/win32/standin/):
 * a browser window `chrome.exe` and a windowless remote-access tool `AnyDesk.exe`, plus a
 * renamed portable copy whose VERSIONINFO says ProductName "AnyDesk" (windres), and a helper
 * that writes real shortcuts (`mklnk.exe`).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './wine.js';

const SOURCES = join(REPO_ROOT, 'tests', 'fixtures', 'win32', 'standin');
const GCC = 'x86_64-w64-mingw32-gcc';
const WINDRES = 'x86_64-w64-mingw32-windres';

function run(command: string, args: readonly string[]): void {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error !== undefined) throw new Error(`${command} could not run (apt-get install gcc-mingw-w64-x86-64): ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
}

/** Builds `chrome.exe` into `dir`; returns its path. */
export function buildChromeStandIn(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const out = join(dir, 'chrome.exe');
  run(GCC, ['-municode', '-mwindows', '-O2', '-s', '-o', out, join(SOURCES, 'chrome.c')]);
  return out;
}

/** Builds `tone.exe` (plays a looping tone through waveOut) into `dir`; returns its path. */
export function buildToneStandIn(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const out = join(dir, 'tone.exe');
  run(GCC, ['-municode', '-O2', '-s', '-o', out, join(SOURCES, 'tone.c'), '-lwinmm']);
  return out;
}

/** The remote-tool stand-ins built into `dir`. */
export interface RemoteToolStandIns {
  /** `AnyDesk.exe`, no version resource: found by its file name. */
  readonly anyDesk: string;
  /** A renamed portable copy with VERSIONINFO ProductName "AnyDesk": found by its version info. */
  readonly renamed: string;
}

/** Builds `AnyDesk.exe` and a renamed copy with an AnyDesk VERSIONINFO (`renamedName`). */
export function buildRemoteToolStandIns(dir: string, renamedName: string): RemoteToolStandIns {
  mkdirSync(dir, { recursive: true });
  const anyDesk = join(dir, 'AnyDesk.exe');
  run(GCC, ['-municode', '-mwindows', '-O2', '-s', '-o', anyDesk, join(SOURCES, 'anydesk.c')]);
  // Intermediates go beside, not into, `dir`: it may be the Downloads folder being scanned.
  const build = `${dir}.build`;
  mkdirSync(build, { recursive: true });
  const resource = join(build, 'anydesk-version.o');
  run(WINDRES, [join(SOURCES, 'anydesk-version.rc'), '-O', 'coff', '-o', resource]);
  const versioned = join(build, 'versioned.exe');
  run(GCC, ['-municode', '-mwindows', '-O2', '-s', '-o', versioned, join(SOURCES, 'anydesk.c'), resource]);
  const renamed = join(dir, renamedName);
  copyFileSync(versioned, renamed);
  return { anyDesk, renamed };
}

/** Builds `mklnk.exe` (creates a .lnk with the shell's IShellLinkW) into `dir`; returns its path. */
export function buildShortcutMaker(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const out = join(dir, 'mklnk.exe');
  run(GCC, ['-municode', '-O2', '-s', '-o', out, join(SOURCES, 'mklnk.c'), '-lole32', '-luuid']);
  return out;
}
