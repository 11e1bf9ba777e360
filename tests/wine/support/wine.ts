/**
 * A private Wine session per test file: its own Xvfb display (Wine must see DISPLAY before its
 * first command, or every window of the session hangs), a temporary WINEPREFIX set up as
 * Windows 10 (node.exe 22 refuses "Windows 7"), and Wine's X11 driver told not to wait for a
 * window manager (Managed=N; otherwise every window close waits 2 s).
 *
 * Windows' own node.exe 22 comes from scripts/ci-prepare.sh's cache; node.exe fails with EBADF
 * when its stdio is a Unix pipe, so it always writes to a log file and reads /dev/null.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startDisplay, type TestDisplay } from '../../e2e/support/display.js';

/** Repository root (tests/wine/support → ../../..). */
export const REPO_ROOT = resolve(import.meta.dirname, '..', '..', '..');
/** Where scripts/ci-prepare.sh puts Windows' node.exe and the Windows builds of the addons. */
export const WINE_NODE_EXE = join(REPO_ROOT, '.cache', 'wine-node', 'node.exe');
export const WINE_MODULES = join(REPO_ROOT, '.cache', 'wine-modules', 'node_modules');

export interface WineSession {
  readonly display: TestDisplay;
  readonly prefix: string;
  /** A scratch folder for built programs, bundles and results (seen by Wine as Z:\...). */
  readonly workDir: string;
  readonly env: NodeJS.ProcessEnv;
  /** Runs a Windows program with `wine`, stdio to a log file; resolves with exit code and log. */
  run(args: readonly string[], options?: { timeoutMs?: number; cwd?: string }): Promise<{ code: number | null; log: string; ms: number }>;
  /** Linux path → the path Windows programs see (Wine maps / to Z:). */
  windowsPath(path: string): string;
  stop(): Promise<void>;
}

function requireTool(name: string, hint: string): void {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  if (found.status !== 0) throw new Error(`${name} is not installed: ${hint}`);
}

/** Makes sure node.exe and the Windows addons are cached (runs the idempotent prepare script). */
export function ensureWineNode(): void {
  if (existsSync(WINE_NODE_EXE) && existsSync(join(WINE_MODULES, '@koromix', 'koffi-win32-x64'))) return;
  const prepared = spawnSync('bash', [join(REPO_ROOT, 'scripts', 'ci-prepare.sh')], { encoding: 'utf8', cwd: REPO_ROOT });
  if (prepared.status !== 0) throw new Error(`scripts/ci-prepare.sh failed:\n${prepared.stdout}\n${prepared.stderr}`);
}

function runLogged(command: string, args: readonly string[], env: NodeJS.ProcessEnv, cwd: string, logFile: string, timeoutMs: number): Promise<{ code: number | null; log: string; ms: number }> {
  const started = Date.now();
  const fd = openSync(logFile, 'w');
  const child = spawn(command, args, { env, cwd, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} timed out after ${timeoutMs} ms; log:\n${readFileSync(logFile, 'utf8').slice(-4000)}`));
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, log: readFileSync(logFile, 'utf8'), ms: Date.now() - started });
    });
  });
}

/** Starts Xvfb and a fresh Wine prefix (about 5–10 s on this machine). */
export async function startWine(): Promise<WineSession> {
  requireTool('wine', 'apt-get install wine wine64 (see .ci/run)');
  requireTool('wineserver', 'apt-get install wine wine64 (see .ci/run)');
  ensureWineNode();
  const display = await startDisplay({ windowManager: false });
  const root = mkdtempSync(join(tmpdir(), 'scarestop-wine-'));
  const prefix = join(root, 'prefix');
  const workDir = join(root, 'work');
  const env: NodeJS.ProcessEnv = {
    ...display.env,
    WINEPREFIX: prefix,
    WINEDEBUG: '-all',
    WINEDLLOVERRIDES: 'mscoree,mshtml=',
  };
  const logFile = join(root, 'setup.log');
  const session: WineSession = {
    display,
    prefix,
    workDir,
    env,
    run: (args, options = {}) => runLogged('wine', args, env, options.cwd ?? workDir, join(root, `run-${Date.now()}.log`), options.timeoutMs ?? 60_000),
    windowsPath: (path) => `Z:${resolve(path).replaceAll('/', '\\')}`,
    async stop() {
      await runLogged('wineserver', ['-k'], env, root, join(root, 'stop.log'), 20_000).catch(() => undefined);
      await runLogged('wineserver', ['-w'], env, root, join(root, 'stop.log'), 20_000).catch(() => undefined);
      await display.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
  try {
    mkdirSync(workDir, { recursive: true });
    const steps: Array<[string, string[]]> = [
      ['wineboot', ['-i']],
      ['wine', ['winecfg', '-v', 'win10']],
      ['wine', ['reg', 'add', 'HKCU\\Software\\Wine\\X11 Driver', '/v', 'Managed', '/t', 'REG_SZ', '/d', 'N', '/f']],
    ];
    for (const [command, args] of steps) {
      const result = await runLogged(command, args, env, root, logFile, 90_000);
      if (result.code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.code}:\n${result.log.slice(-2000)}`);
    }
  } catch (error) {
    await session.stop();
    throw error;
  }
  return session;
}
