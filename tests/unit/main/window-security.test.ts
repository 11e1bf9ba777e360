/**
 * Window options, the alert policy, the app lockdown and the global shortcut, checked against
 * Electron's types with fakes (the Electron binary is never needed).
 */
import type { App, GlobalShortcut, Session, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { registerCloseHotkey } from '../../../src/main/hotkey.js';
import { lockDown } from '../../../src/main/security.js';
import { TrustPolicy } from '../../../src/main/trust.js';
import { alertWindowAction, alertWindowOptions, mainWindowOptions, secureWebPreferences } from '../../../src/main/window-options.js';
import type { AlertView } from '../../../src/shared/ipc.js';

describe('window options', () => {
  it('every window is sandboxed and isolated, without Node', () => {
    for (const options of [mainWindowOptions('/p.cjs', '/i.ico'), alertWindowOptions('/p.cjs', '/i.ico')]) {
      expect(options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInSubFrames: false, nodeIntegrationInWorker: false, webSecurity: true, webviewTag: false, allowRunningInsecureContent: false, preload: '/p.cjs' });
      expect(options.show).toBe(false);
    }
    expect(secureWebPreferences('/p.cjs').devTools).toBe(false);
  });

  it('the alert is frameless, always on top, off the taskbar', () => {
    expect(alertWindowOptions('/p.cjs', '/i.ico')).toMatchObject({ frame: false, alwaysOnTop: true, skipTaskbar: true, fullscreenable: false, minimizable: false });
  });

  it('shows the alert when it waits for the person, or after auto mode closed the page', () => {
    const alert = (state: AlertView['state'], mode: AlertView['mode']): AlertView => ({ id: 'a', at: 0, verdict: 'scam', title: 't', brand: null, phones: [], browserName: 'Chrome', closeEffect: 'window', mode, state, result: null });
    expect(alertWindowAction(alert('open', 'ask'))).toBe('show');
    expect(alertWindowAction(alert('closed', 'auto'))).toBe('show');
    expect(alertWindowAction(alert('closed', 'ask'))).toBe('keep');
    expect(alertWindowAction(alert('dismissed', 'ask'))).toBe('hide');
  });
});

describe('lockDown', () => {
  type Handler = (...args: unknown[]) => unknown;
  const trust = new TrustPolicy('/opt/ScareStop/resources/app.asar/renderer/dist');

  function fakeElectron() {
    const appHandlers = new Map<string, Handler>();
    const contentsHandlers = new Map<string, Handler>();
    const recorded: { openHandler?: Handler; permission?: Handler; check?: Handler; device?: Handler; request?: Handler } = {};
    const app = { on: (name: string, handler: Handler) => appHandlers.set(name, handler) } as unknown as App;
    const session = {
      setPermissionRequestHandler: (handler: Handler) => (recorded.permission = handler),
      setPermissionCheckHandler: (handler: Handler) => (recorded.check = handler),
      setDevicePermissionHandler: (handler: Handler) => (recorded.device = handler),
      webRequest: { onBeforeRequest: (_filter: unknown, handler: Handler) => (recorded.request = handler) },
    } as unknown as Session;
    const contents = { on: (name: string, handler: Handler) => contentsHandlers.set(name, handler), setWindowOpenHandler: (handler: Handler) => (recorded.openHandler = handler) } as unknown as WebContents;
    return { app, session, contents, appHandlers, contentsHandlers, recorded };
  }

  it('refuses navigation away from our page, new windows, webviews, permissions and network requests', () => {
    const fake = fakeElectron();
    lockDown(fake.app, fake.session, trust);
    fake.appHandlers.get('web-contents-created')?.({}, fake.contents);
    const navigate = (url: string): boolean => {
      let prevented = false;
      fake.contentsHandlers.get('will-navigate')?.({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(navigate('https://scam.example/')).toBe(true);
    expect(navigate('file:///C:/Windows/System32/')).toBe(true);
    expect(navigate('file:///opt/ScareStop/resources/app.asar/renderer/dist/index.html#wizard')).toBe(false);
    let webviewPrevented = false;
    fake.contentsHandlers.get('will-attach-webview')?.({ preventDefault: () => (webviewPrevented = true) });
    expect(webviewPrevented).toBe(true);
    expect(fake.recorded.openHandler?.({ url: 'https://scam.example' })).toEqual({ action: 'deny' });
    const answers: boolean[] = [];
    fake.recorded.permission?.({}, 'media', (granted: boolean) => answers.push(granted));
    expect(answers).toEqual([false]);
    expect(fake.recorded.check?.()).toBe(false);
    const requests: unknown[] = [];
    fake.recorded.request?.({ url: 'https://tracker.example' }, (response: unknown) => requests.push(response));
    expect(requests).toEqual([{ cancel: true }]);
  });
});

describe('registerCloseHotkey', () => {
  class FakeShortcuts implements Pick<GlobalShortcut, 'register' | 'unregister'> {
    readonly registered = new Map<string, () => void>();
    constructor(private readonly taken: readonly string[]) {}
    register(accelerator: string, callback: () => void): boolean {
      if (this.taken.includes(accelerator)) return false;
      this.registered.set(accelerator, callback);
      return true;
    }
    unregister(accelerator: string): void {
      this.registered.delete(accelerator);
    }
  }

  it('uses the chosen shortcut, falls back when another program holds it, and says when none works', () => {
    let presses = 0;
    const free = new FakeShortcuts([]);
    expect(registerCloseHotkey(free, 'Ctrl+Alt+S', () => (presses += 1))).toBe('Ctrl+Alt+S');
    free.registered.get('Ctrl+Alt+S')?.();
    expect(presses).toBe(1);
    expect(registerCloseHotkey(free, 'Ctrl+Alt+F12', () => undefined, 'Ctrl+Alt+S')).toBe('Ctrl+Alt+F12');
    expect([...free.registered.keys()]).toEqual(['Ctrl+Alt+F12']);
    expect(registerCloseHotkey(new FakeShortcuts(['Ctrl+Alt+S']), 'Ctrl+Alt+S', () => undefined)).toBe('Ctrl+Alt+F12');
    expect(registerCloseHotkey(new FakeShortcuts(['Ctrl+Alt+S', 'Ctrl+Alt+F12', 'Ctrl+Shift+F12', 'Alt+Shift+F4']), 'Ctrl+Alt+S', () => undefined)).toBeNull();
  });
});
