/**
 * A private Wine session per test file: its own Xvfb display (Wine must see DISPLAY before its
 * first command, or every window of the session hangs) and its own WINEPREFIX, copied from a
 * template set up once per machine as Windows 10 (node.exe 22 refuses "Windows 7") with Wine's
 * X11 driver told not to wait for a window manager (Managed=N; otherwise every close waits 2 s).
 *
 * Windows' own node.exe 22 comes from scripts/ci-prepare.sh's cache; node.exe fails with EBADF
 * when its stdio is a Unix pipe, so it always writes to a log file and reads /dev/null.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
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
  if (existsSync(WINE_NODE_EXE) && existsSync(join(WINE_MODULES, '@koromix', 'koffi-win32-x64')) && existsSync(join(WINE_MODULES, 'better-sqlite3'))) return;
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

const WINE_ENV = { WINEDEBUG: '-all', WINEDLLOVERRIDES: 'mscoree,mshtml=' } as const;
/** Bump when the template's setup steps change. */
const TEMPLATE_VERSION = 1;
/** Wine's version names the template too: an upgraded Wine gets a fresh one. */
const WINE_VERSION = (spawnSync('wine', ['--version'], { encoding: 'utf8' }).stdout ?? '').trim().replace(/[^A-Za-z0-9.]+/g, '_') || 'unknown';
const TEMPLATE = join(tmpdir(), `scarestop-wine-template-v${TEMPLATE_VERSION}-${WINE_VERSION}-${process.getuid?.() ?? 0}`);
const TEMPLATE_READY = join(TEMPLATE, '.scarestop-ready');

async function runSteps(steps: ReadonlyArray<[string, string[]]>, env: NodeJS.ProcessEnv, cwd: string, logFile: string): Promise<void> {
  for (const [command, args] of steps) {
    const result = await runLogged(command, args, env, cwd, logFile, 120_000);
    if (result.code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.code}:\n${result.log.slice(-2000)}`);
  }
}

/**
 * A set-up prefix (wineboot, Windows 10, Managed=N) shared by every Wine test file on this
 * machine: `wineboot -i` takes 5–20 s, copying its result ~3 s. Built once under a lock
 * directory (test files run in parallel), never used directly: each session gets a copy.
 */
async function ensureTemplate(): Promise<string> {
  const lock = `${TEMPLATE}.lock`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (existsSync(TEMPLATE_READY)) return TEMPLATE;
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A lock older than 3 minutes belongs to a run that died.
      const lockInfo = statSync(lock, { throwIfNoEntry: false });
      if (lockInfo !== undefined && Date.now() - lockInfo.mtimeMs > 180_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock}`);
      await delay(250);
    }
  }
  const display = await startDisplay({ windowManager: false });
  const env: NodeJS.ProcessEnv = { ...display.env, ...WINE_ENV, WINEPREFIX: TEMPLATE };
  const logFile = `${TEMPLATE}.log`;
  try {
    if (existsSync(TEMPLATE_READY)) return TEMPLATE;
    rmSync(TEMPLATE, { recursive: true, force: true });
    await runSteps(
      [
        ['wineboot', ['-i']],
        ['wine', ['winecfg', '-v', 'win10']],
        ['wine', ['reg', 'add', 'HKCU\\Software\\Wine\\X11 Driver', '/v', 'Managed', '/t', 'REG_SZ', '/d', 'N', '/f']],
        ['wineserver', ['-w']],
      ],
      env,
      tmpdir(),
      logFile,
    );
    writeFileSync(TEMPLATE_READY, new Date().toISOString());
    return TEMPLATE;
  } finally {
    await runLogged('wineserver', ['-k'], env, tmpdir(), logFile, 20_000).catch(() => undefined);
    await display.stop();
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Starts Xvfb and a private Wine prefix copied from the shared template. */
/** `env`: extra environment for every Wine program (e.g. PULSE_SERVER for the audio tests). */
export async function startWine(options: { readonly env?: NodeJS.ProcessEnv } = {}): Promise<WineSession> {
  requireTool('wine', 'apt-get install wine wine64 (see .ci/run)');
  requireTool('wineserver', 'apt-get install wine wine64 (see .ci/run)');
  ensureWineNode();
  const template = await ensureTemplate();
  const display = await startDisplay({ windowManager: false });
  const root = mkdtempSync(join(tmpdir(), 'scarestop-wine-'));
  const prefix = join(root, 'prefix');
  const workDir = join(root, 'work');
  const env: NodeJS.ProcessEnv = { ...display.env, ...WINE_ENV, ...options.env, WINEPREFIX: prefix };
  const session: WineSession = {
    display,
    prefix,
    workDir,
    env,
    async run(args, options = {}) {
      const attempt = () => runLogged('wine', args, env, options.cwd ?? workDir, join(root, `run-${Date.now()}.log`), options.timeoutMs ?? 60_000);
      try {
        return await attempt();
      } catch (error) {
        // Wine 8 on a loaded machine now and then hangs node.exe before it runs a line of the
        // driver (empty log). Nothing happened yet, so one fresh start of the session is safe;
        // a hang after the driver printed anything is a real failure and is reported as such.
        if (!(error instanceof Error) || !/timed out after \d+ ms; log:\n$/.test(error.message)) throw error;
        await runLogged('wineserver', ['-k'], env, root, join(root, 'restart.log'), 20_000).catch(() => undefined);
        await runSteps([['wine', ['rundll32', 'user32.dll,GetDesktopWindow']]], env, root, join(root, 'setup.log'));
        return attempt();
      }
    },
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
    cpSync(template, prefix, { recursive: true, verbatimSymlinks: true });
    // Start Wine's desktop (explorer.exe) now, with nothing else racing for it: the first GUI
    // call of a session otherwise sometimes waits ~10 s for it.
    await runSteps([['wine', ['rundll32', 'user32.dll,GetDesktopWindow']]], env, root, join(root, 'setup.log'));
  } catch (error) {
    await session.stop();
    throw error;
  }
  return session;
}
