/**
 * The window factory: the main window and the alert window, both from window-options.ts, both
 * loading only our own page. The alert sits at the 'screen-saver' level, above full-screen
 * browser windows, on every workspace.
 */
import { BrowserWindow } from 'electron';
import type { Screen } from '../shared/ipc.js';
import { sendEvent } from './ipc-register.js';
import { alertWindowOptions, mainWindowOptions, secureWebPreferences } from './window-options.js';
import type { TrustPolicy } from './trust.js';

/** Paths the windows need. */
export interface WindowPaths {
  readonly preload: string;
  readonly icon: string;
}

/** Creates and re-uses ScareStop's windows. */
export class AppWindows {
  private main: BrowserWindow | undefined;
  private alert: BrowserWindow | undefined;

  constructor(
    private readonly paths: WindowPaths,
    private readonly trust: TrustPolicy,
  ) {}

  /** Every live window (for events). */
  all(): BrowserWindow[] {
    return [this.main, this.alert].filter((window): window is BrowserWindow => window !== undefined && !window.isDestroyed());
  }

  /** Shows the main window on `screen` (creates it when needed). */
  showMain(screen: Screen): void {
    if (this.main === undefined || this.main.isDestroyed()) {
      this.main = new BrowserWindow({
        ...mainWindowOptions(this.paths.preload, this.paths.icon),
        // Restated literally so static checkers (electronegativity) can see them; same values.
        webPreferences: { ...secureWebPreferences(this.paths.preload), contextIsolation: true, sandbox: true, nodeIntegration: false, disableBlinkFeatures: 'Auxclick' },
      });
      this.main.once('ready-to-show', () => this.main?.show());
      void this.main.loadURL(this.trust.pageUrl(screen));
      return;
    }
    // The page is already ours: let its router switch screens (no reload, focus kept sane).
    sendEvent(this.main.webContents, 'scarestop:navigate', { screen });
    if (this.main.isMinimized()) this.main.restore();
    this.main.show();
    this.main.focus();
  }

  /** Brings up the alert (or the remote-access window) above everything, full-screen windows included. */
  showAlert(screen: 'alert' | 'remote' = 'alert'): void {
    if (this.alert === undefined || this.alert.isDestroyed()) {
      const window = new BrowserWindow({
        ...alertWindowOptions(this.paths.preload, this.paths.icon),
        webPreferences: { ...secureWebPreferences(this.paths.preload), contextIsolation: true, sandbox: true, nodeIntegration: false, disableBlinkFeatures: 'Auxclick' },
      });
      window.setAlwaysOnTop(true, 'screen-saver');
      window.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true });
      window.once('ready-to-show', () => {
        window.show();
        window.focus();
      });
      void window.loadURL(this.trust.pageUrl(screen));
      this.alert = window;
      return;
    }
    sendEvent(this.alert.webContents, 'scarestop:navigate', { screen });
    this.alert.setAlwaysOnTop(true, 'screen-saver');
    this.alert.show();
    this.alert.moveTop();
    this.alert.focus();
  }

  hideAlert(): void {
    if (this.alert !== undefined && !this.alert.isDestroyed()) this.alert.hide();
  }
}
