/**
 * The Electron main process: a thin composition root. It locks Electron down, builds the
 * services over the real platform (services.ts), registers the IPC handlers, and connects the
 * tray, the global shortcut, notifications, the start-at-login setting and the windows to the
 * services' events. Every decision is made in the engine; nothing here needs a test of its own
 * beyond the electron-free modules it wires together.
 */
import { app, globalShortcut, ipcMain, Notification, session } from 'electron';
import { join } from 'node:path';
import { dataHome } from '../platform/index.js';
import type { Logger } from '../engine/ports.js';
import type { Settings } from '../shared/ipc.js';
import { rendererMessageOf } from './app-events.js';
import type { AppServices } from './app-services.js';
import { registerCloseHotkey } from './hotkey.js';
import { createHandlerTable } from './ipc-handlers.js';
import { registerIpcHandlers, sendRendererMessage } from './ipc-register.js';
import { mainLabel } from './main-labels.js';
import { platformServiceDeps } from './platform-services.js';
import { printReportToPdf } from './report-pdf.js';
import { lockDown } from './security.js';
import { createServices } from './services.js';
import { AppTray } from './tray.js';
import { runTrayCommand, tellCloseOutcome, type TrayUi } from './tray-menu.js';
import { TrustPolicy } from './trust.js';
import { alertWindowAction } from './window-options.js';
import { AppWindows } from './windows.js';

/** Started by the login item: stay in the tray, no window. */
const START_HIDDEN = '--hidden';

const logger: Logger = {
  info: (message, data) => console.log(message, data ?? ''),
  warn: (message, data) => console.warn(message, data ?? ''),
  error: (message, data) => console.error(message, data ?? ''),
};

app.enableSandbox();

const root = app.getAppPath();
const paths = {
  rendererDir: join(root, 'renderer', 'dist'),
  preload: join(root, 'dist', 'src', 'preload', 'preload.cjs'),
  icons: join(root, 'assets', 'icons'),
};

let windows: AppWindows | undefined;

function notify(title: string, body: string): void {
  if (Notification.isSupported()) new Notification({ title, body, silent: true }).show();
}

function applyLoginItem(settings: Settings): void {
  app.setLoginItemSettings({ openAtLogin: settings.startAtLogin, args: [START_HIDDEN] });
}

async function start(): Promise<void> {
  const trust = new TrustPolicy(paths.rendererDir);
  lockDown(app, session.defaultSession, trust);
  const deps = await platformServiceDeps({ dataHome: dataHome(), locale: app.getLocale(), reportsDir: join(app.getPath('documents'), 'ScareStop'), logger, printPdf: printReportToPdf, notify });
  const services: AppServices = createServices(deps);
  const appWindows = new AppWindows({ preload: paths.preload, icon: join(paths.icons, 'icon.ico') }, trust);
  windows = appWindows;
  const removeHandlers = registerIpcHandlers(ipcMain, createHandlerTable(services), trust, (message, data) => logger.warn(message, data));
  const ui: TrayUi = { showScreen: (screen) => appWindows.showMain(screen), notify, quit: () => app.quit() };
  const tray = new AppTray(paths.icons, (command) => void runTrayCommand(command, services, ui, (error) => logger.error('tray command failed', { command, error: String(error) })));

  const closeFromHotkey = (): void => {
    services.closeNow().then(
      (result) => tellCloseOutcome(result, services.settings().language, ui),
      (error: unknown) => logger.error('close-now failed', { error: String(error) }),
    );
  };
  let hotkey = registerCloseHotkey(globalShortcut, services.settings().hotkey, closeFromHotkey);
  services.setRegisteredHotkey(hotkey);
  applyLoginItem(services.settings());

  services.subscribe((event) => {
    const message = rendererMessageOf(event);
    if (message !== null) for (const window of appWindows.all()) sendRendererMessage(window.webContents, message);
    const language = services.settings().language;
    switch (event.type) {
      case 'status':
        tray.update(event.status, language);
        return;
      case 'alert': {
        const action = alertWindowAction(event.alert);
        if (action === 'show') appWindows.showAlert();
        if (action === 'hide') appWindows.hideAlert();
        if (event.alert.state === 'open') notify(mainLabel(language, 'notifyDetectedTitle'), mainLabel(language, 'notifyDetectedBody'));
        if (event.alert.state === 'closed' && event.alert.mode === 'auto') notify(mainLabel(language, 'notifyClosedTitle'), mainLabel(language, 'notifyClosedBody'));
        return;
      }
      case 'settings':
        if (event.settings.hotkey !== hotkey) {
          hotkey = registerCloseHotkey(globalShortcut, event.settings.hotkey, closeFromHotkey, hotkey);
          services.setRegisteredHotkey(hotkey);
        }
        applyLoginItem(event.settings);
        tray.update(services.status(), event.settings.language);
        return;
      case 'scan':
        notify(mainLabel(language, 'notifyScanTitle'), mainLabel(language, 'notifyScanBody', { count: event.scan.findings.length }));
        return;
      case 'remote':
        if (event.remote.state === 'paused') {
          appWindows.showAlert('remote');
          notify(mainLabel(language, 'notifyRemotePausedTitle'), mainLabel(language, 'notifyRemotePausedBody', { tool: language === 'ja' ? event.remote.toolJa : event.remote.tool }));
        }
        if (event.remote.state === 'dismissed') appWindows.hideAlert();
        if (event.open !== undefined) appWindows.showMain(event.open);
        return;
      case 'remote-notice':
        // Outside scam context: tell and record (the guard recorded it), never pause.
        notify(mainLabel(language, 'notifyRemoteTitle'), mainLabel(language, event.kind === 'started' ? 'notifyRemoteStartedBody' : 'notifyRemoteConnectedBody', { tool: language === 'ja' ? event.toolJa : event.tool }));
        return;
    }
  });

  app.on('will-quit', () => {
    globalShortcut.unregisterAll();
    removeHandlers();
    tray.destroy();
    void services.stop().finally(() => deps.dispose());
  });
  tray.update(services.status(), services.settings().language);
  services.start();
  if (!process.argv.includes(START_HIDDEN)) appWindows.showMain('home');
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // A second start (double-click on the shortcut) shows the running app instead.
  app.on('second-instance', () => windows?.showMain('home'));
  // A tray app keeps running when its windows are closed; Quit is in the tray menu.
  app.on('window-all-closed', () => undefined);
  app.whenReady().then(start).catch((error: unknown) => {
    logger.error('ScareStop could not start', { error: String(error) });
    app.quit();
  });
}
