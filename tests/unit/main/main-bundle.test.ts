/**
 * The built main process (dist/src/main/main.js, what Electron loads) started under Node with a
 * recording stand-in for the `electron` module: it must enable the sandbox, take the single
 * instance lock, lock the session down, register every IPC channel, the tray (in the OS
 * language), the close shortcut and the login item, and open a sandboxed window on our page.
 * No Electron binary is involved.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../scripts/build-app.js';
import { REQUEST_CHANNEL_NAMES } from '../../../src/shared/ipc.js';

const repo = join(import.meta.dirname, '..', '..', '..');

interface Call {
  readonly call: string;
  readonly data?: unknown;
}

function runMain(env: NodeJS.ProcessEnv, ms: number): Promise<Call[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', join(repo, 'tests', 'fixtures', 'electron-stub', 'register.mjs'), join(repo, 'dist', 'src', 'main', 'main.js')], { env, cwd: repo });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    const timer = setTimeout(() => child.kill('SIGTERM'), ms);
    child.on('close', () => {
      clearTimeout(timer);
      resolve(stdout.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Call));
    });
  });
}

describe('the built main process with a stand-in Electron', { timeout: 120_000 }, () => {
  let home: string;
  let calls: Call[];

  beforeAll(async () => {
    await buildApp();
    home = mkdtempSync(join(tmpdir(), 'scarestop-main-bundle-'));
    const { DISPLAY: _display, ...env } = process.env;
    calls = await runMain({ ...env, SCARESTOP_HOME: home, STUB_APP_PATH: repo, STUB_LOCALE: 'ja-JP' }, 10_000);
  });

  afterAll(() => {
    rmSync(home, { recursive: true, force: true });
  });

  const named = (name: string): Call[] => calls.filter((call) => call.call === name);

  it('enables the sandbox and the single-instance lock before anything else', () => {
    expect(calls[0]?.call).toBe('app.enableSandbox');
    expect(named('app.requestSingleInstanceLock')).toHaveLength(1);
    expect(named('app.on').map((call) => call.data)).toEqual(expect.arrayContaining(['second-instance', 'window-all-closed', 'web-contents-created', 'will-quit']));
  });

  it('locks the session down and registers exactly the contract channels', () => {
    expect(named('session.setPermissionRequestHandler')).toHaveLength(1);
    expect(named('session.webRequest.onBeforeRequest')).toHaveLength(1);
    expect(named('ipcMain.handle').map((call) => call.data)).toEqual([...REQUEST_CHANNEL_NAMES]);
  });

  it('sets up the tray in the OS language, the close shortcut and start at login', () => {
    expect(named('Menu.buildFromTemplate')[0]?.data).toEqual(['怖い画面を閉じる', '-', '遠隔操作ソフトを確認する', '回復の手順', '履歴', '設定', '-', 'スケアストップを終了する']);
    expect(named('globalShortcut.register')[0]?.data).toBe('Ctrl+Alt+S');
    expect(named('app.setLoginItemSettings')[0]?.data).toEqual({ openAtLogin: true, args: ['--hidden'] });
  });

  it('opens a sandboxed, isolated window on our own page', () => {
    const options = named('new BrowserWindow')[0]?.data as { webPreferences: Record<string, unknown> } | undefined;
    expect(options?.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webviewTag: false, preload: join(repo, 'dist', 'src', 'preload', 'preload.cjs') });
    expect(named('window.loadURL')[0]?.data).toBe(`file://${join(repo, 'renderer', 'dist', 'index.html')}#home`);
  });

  it('keeps running without a display: the watcher reports the problem instead of crashing', () => {
    expect(named('app.quit')).toHaveLength(0);
    expect(named('webContents.send').map((call) => call.data)).toContain('scarestop:status-changed');
    expect(named('tray.setToolTip').map((call) => call.data)).toContain('スケアストップ: 今はウィンドウを確認できません(再試行中)');
  });
});
