/**
 * The IPC helper with a fake ipcMain typed as Electron's: every contract channel is registered,
 * only our own page's main frame is answered, arguments and results are validated, and
 * failures come back as { ok: false, code } instead of exceptions.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlerTable, type HandlerTable } from '../../../src/main/ipc-handlers.js';
import { registerIpcHandlers, sendEvent } from '../../../src/main/ipc-register.js';
import { TrustPolicy } from '../../../src/main/trust.js';
import { REQUEST_CHANNEL_NAMES, requestChannels, type IpcResult } from '../../../src/shared/ipc.js';
import { startTestServices, type TestServices } from './support.js';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

/** Records handle/removeHandler like Electron's ipcMain. */
class FakeIpcMain implements Pick<IpcMain, 'handle' | 'removeHandler'> {
  readonly handlers = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  invoke(channel: string, frame: { url: string; parent: object | null } | null, args?: unknown): Promise<IpcResult<unknown>> {
    const listener = this.handlers.get(channel);
    if (listener === undefined) throw new Error(`no handler for ${channel}`);
    const event = { senderFrame: frame } as unknown as IpcMainInvokeEvent;
    return Promise.resolve(listener(event, args) as Promise<IpcResult<unknown>>);
  }
}

const rendererDir = join('/opt', 'ScareStop', 'resources', 'app.asar', 'renderer', 'dist');
const ownPage = `${pathToFileURL(join(rendererDir, 'index.html')).href}#home`;
const mainFrame = { url: ownPage, parent: null };

describe('registerIpcHandlers', () => {
  let ctx: TestServices;
  let ipc: FakeIpcMain;
  let remove: () => void;
  const logged: string[] = [];

  beforeEach(() => {
    ctx = startTestServices();
    ipc = new FakeIpcMain();
    remove = registerIpcHandlers(ipc, createHandlerTable(ctx.services), new TrustPolicy(rendererDir), (message) => logged.push(message));
  });

  afterEach(async () => {
    remove();
    await ctx.dispose();
  });

  it('registers every contract channel, all prefixed scarestop:, and removes them again', () => {
    expect([...ipc.handlers.keys()].sort()).toEqual([...REQUEST_CHANNEL_NAMES].sort());
    expect(Object.keys(requestChannels).every((name) => name.startsWith('scarestop:'))).toBe(true);
    remove();
    expect(ipc.handlers.size).toBe(0);
  });

  it('answers our own page and changes real settings', async () => {
    const status = await ipc.invoke('scarestop:status', mainFrame, {});
    expect(status.ok && (status.value as { state: string }).state).toBe('watching');
    const saved = await ipc.invoke('scarestop:settings-set', mainFrame, { mode: 'auto', language: 'ja' });
    expect(saved).toMatchObject({ ok: true, value: { mode: 'auto', language: 'ja' } });
    expect(ctx.services.settings().mode).toBe('auto');
  });

  it('refuses other senders: iframes, web pages, other files, path tricks, missing frames', async () => {
    const refused = [
      { url: ownPage, parent: {} },
      { url: 'https://example.com/#home', parent: null },
      { url: 'file:///tmp/evil/index.html', parent: null },
      { url: `${pathToFileURL(rendererDir).href}/../../evil.html`, parent: null },
      { url: `${pathToFileURL(rendererDir).href}/%2e%2e/evil.html`, parent: null },
      { url: `file://attacker.example${rendererDir}/index.html`, parent: null },
      null,
    ];
    for (const frame of refused) {
      expect(await ipc.invoke('scarestop:settings-set', frame, { mode: 'never' })).toEqual({ ok: false, code: 'untrusted-sender' });
    }
    expect(ctx.services.settings().mode).toBe('ask');
    expect(logged.filter((line) => line.includes('untrusted'))).toHaveLength(refused.length);
  });

  it('validates arguments: wrong types, unknown keys and oversize strings are refused', async () => {
    expect(await ipc.invoke('scarestop:settings-set', mainFrame, { mode: 'sometimes' })).toEqual({ ok: false, code: 'invalid-arguments' });
    expect(await ipc.invoke('scarestop:settings-set', mainFrame, { mode: 'ask', nodeIntegration: true })).toEqual({ ok: false, code: 'invalid-arguments' });
    expect(await ipc.invoke('scarestop:pause', mainFrame, { minutes: 1e9 })).toEqual({ ok: false, code: 'invalid-arguments' });
    expect(await ipc.invoke('scarestop:alert-close', mainFrame, { alertId: 'x'.repeat(65) })).toEqual({ ok: false, code: 'invalid-arguments' });
  });

  it('turns handler exceptions into { ok: false, code: "failed" }', async () => {
    expect(await ipc.invoke('scarestop:alert-close', mainFrame, { alertId: 'no-such-alert' })).toEqual({ ok: false, code: 'failed' });
    expect(await ipc.invoke('scarestop:wizard-run', mainFrame, { stepId: 'disconnect' })).toEqual({ ok: false, code: 'failed' });
  });

  it('refuses a result that breaks the contract', async () => {
    const table = { ...createHandlerTable(ctx.services), 'scarestop:status': () => ({ state: 'on fire' }) } as unknown as HandlerTable;
    const other = new FakeIpcMain();
    registerIpcHandlers(other, table, new TrustPolicy(rendererDir));
    expect(await other.invoke('scarestop:status', mainFrame, {})).toEqual({ ok: false, code: 'invalid-result' });
  });
});

describe('sendEvent', () => {
  it('sends only payloads that match the event contract', () => {
    const sent: unknown[] = [];
    const contents = { send: (...args: unknown[]) => sent.push(args), isDestroyed: () => false } as unknown as WebContents;
    expect(sendEvent(contents, 'scarestop:navigate', { screen: 'scan' })).toBe(true);
    expect(sendEvent(contents, 'scarestop:navigate', { screen: 'https://evil' } as never)).toBe(false);
    expect(sent).toEqual([['scarestop:navigate', { screen: 'scan' }]]);
  });
});
