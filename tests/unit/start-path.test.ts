/**
 * `npm start`'s preparation, run on Linux as far as it goes: Electron's binary (found, fetched by
 * Electron's own installer, or a plain "cannot fetch Electron" message), and the native database
 * module the app loads — one Node-API binary for Node (the tests) and Electron (the app), so no
 * Electron-ABI build has to be made or picked. What needs Windows itself (electron.exe starting
 * the tray app, the binary loading inside Electron 45) is listed in the README.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureElectronBinary, findElectronBinary, type ScriptRunner } from '../../scripts/electron-binary.js';

const require = createRequire(import.meta.url);
const realElectron = dirname(require.resolve('electron/package.json'));
const sqlitePackage = dirname(require.resolve('better-sqlite3/package.json'));
const temps: string[] = [];

/** A stand-in node_modules/electron: the real package.json, and a dist only when asked. */
function fakeElectron(installed?: { version: string; pathTxt: string }): string {
  const dir = mkdtempSync(join(tmpdir(), 'scarestop-electron-'));
  temps.push(dir);
  writeFileSync(join(dir, 'package.json'), readFileSync(join(realElectron, 'package.json')));
  if (installed !== undefined) install(dir, installed.version, installed.pathTxt);
  return dir;
}

function install(dir: string, version: string, pathTxt: string): void {
  mkdirSync(join(dir, 'dist'), { recursive: true });
  writeFileSync(join(dir, 'dist', 'version'), version);
  writeFileSync(join(dir, 'dist', pathTxt), '');
  writeFileSync(join(dir, 'path.txt'), pathTxt);
}

const electronVersion = (JSON.parse(readFileSync(join(realElectron, 'package.json'), 'utf8')) as { version: string }).version;

afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('npm start: Electron binary', () => {
  it('finds an installed binary of the right version and system, and nothing else', () => {
    expect(findElectronBinary(fakeElectron({ version: electronVersion, pathTxt: 'electron.exe' }), 'win32')).toMatchObject({ kind: 'present', version: electronVersion });
    expect(findElectronBinary(fakeElectron(), 'win32')).toMatchObject({ kind: 'missing', why: 'Electron has not been downloaded yet' });
    expect(findElectronBinary(fakeElectron({ version: '41.7.1', pathTxt: 'electron.exe' }), 'win32')).toMatchObject({ kind: 'missing', why: `node_modules holds Electron 41.7.1 instead of ${electronVersion}` });
    expect(findElectronBinary(fakeElectron({ version: electronVersion, pathTxt: 'electron' }), 'win32')).toMatchObject({ kind: 'missing' });
  });

  it("runs Electron's own installer when the binary is missing, and uses what it installed", () => {
    const dir = fakeElectron();
    const ran: string[] = [];
    const installer: ScriptRunner = (script) => {
      ran.push(script);
      install(dir, electronVersion, 'electron.exe');
      return { code: 0, errors: '' };
    };
    expect(ensureElectronBinary(dir, installer, 'win32')).toEqual({ ok: true, path: join(dir, 'dist', 'electron.exe'), downloaded: true });
    expect(ran).toEqual([join(dir, 'install.js')]);
    expect(ensureElectronBinary(dir, () => expect.unreachable('installed already'), 'win32')).toMatchObject({ ok: true, downloaded: false });
  });

  it('says plainly, in English and Japanese, when the download fails', () => {
    const result = ensureElectronBinary(fakeElectron(), () => ({ code: 1, errors: 'Error: getaddrinfo ENOTFOUND github.com\n' }), 'win32');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain(`Cannot fetch Electron ${electronVersion}`);
    expect(result.message).toContain('ENOTFOUND github.com');
    expect(result.message).toContain('npm start');
    expect(result.message).toMatch(/ダウンロードできませんでした。\nインターネットにつないでから/);
  });

  it("with the real node_modules/electron and Electron's real installer: a binary, or the message", () => {
    const result = ensureElectronBinary(realElectron);
    if (result.ok) expect(existsSync(result.path)).toBe(true);
    else expect(result.message).toMatch(new RegExp(`^Cannot fetch Electron ${electronVersion.replaceAll('.', '\\.')}, .*download from github\\.com failed`));
  }, 60_000);
});

// Linux only: reads /proc/self/maps and uses binutils' nm and mingw's objdump (Debian packages
// of .ci/run); the Windows runner checks the same binary by loading it.
describe.runIf(process.platform === 'linux')('npm start: the database module is one Node-API binary for Node and Electron', () => {
  it('npm built nothing: better-sqlite3 loads the prebuilt binary from its package', () => {
    expect(existsSync(join(sqlitePackage, 'build'))).toBe(false);
    const db = new Database(':memory:');
    expect(db.prepare('SELECT sqlite_version() AS v').get()).toMatchObject({ v: expect.stringMatching(/^3\./) });
    db.close();
    const maps = readFileSync('/proc/self/maps', 'utf8');
    expect(maps).toContain(join(sqlitePackage, 'prebuilds', 'linux-x64.node'));
  });

  it('the Linux binary calls Node only through Node-API (no V8 or Node C++ symbols)', () => {
    const undefinedSymbols = execFileSync('nm', ['-D', '--undefined-only', join(sqlitePackage, 'prebuilds', 'linux-x64.node')], { encoding: 'utf8' });
    expect(undefinedSymbols).toMatch(/\bnapi_create_function\b/);
    expect(undefinedSymbols).not.toMatch(/_ZN2v8|_ZN4node/);
  });

  it('the Windows binary the installer ships does not import node.exe, so electron.exe can load it', () => {
    const headers = execFileSync('x86_64-w64-mingw32-objdump', ['-p', join(sqlitePackage, 'prebuilds', 'win32-x64.node')], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const dlls = [...headers.matchAll(/DLL Name: (\S+)/g)].map((m) => m[1]?.toLowerCase());
    expect(dlls.length).toBeGreaterThan(0);
    expect(dlls).not.toContain('node.exe');
  });
});
