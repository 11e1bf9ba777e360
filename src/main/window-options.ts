/**
 * Options of ScareStop's two windows. One place decides the security-relevant settings
 * (contextIsolation, sandbox, no Node in the page, no webviews...). Electron types only.
 */
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import type { AlertView } from '../shared/ipc.js';

/** The web preferences every ScareStop window uses. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
    devTools: false,
    // Middle-click must not open links in new windows.
    disableBlinkFeatures: 'Auxclick',
  };
}

/** The main window (home, scan, wizard, history, settings). */
export function mainWindowOptions(preloadPath: string, iconPath: string): BrowserWindowConstructorOptions {
  return { width: 1000, height: 800, minWidth: 640, minHeight: 560, show: false, title: 'ScareStop', icon: iconPath, autoHideMenuBar: true, backgroundColor: '#ffffff', webPreferences: secureWebPreferences(preloadPath) };
}

/**
 * The alert: frameless, on top of everything (main raises it to the 'screen-saver' level,
 * above full-screen browsers), on every workspace, not closable by accident, no taskbar entry.
 */
export function alertWindowOptions(preloadPath: string, iconPath: string): BrowserWindowConstructorOptions {
  return {
    width: 860,
    height: 700,
    show: false,
    frame: false,
    alwaysOnTop: true,
    fullscreenable: false,
    minimizable: false,
    maximizable: false,
    resizable: false,
    skipTaskbar: true,
    center: true,
    title: 'ScareStop',
    icon: iconPath,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preloadPath),
  };
}

/** Show the alert window for this alert state, hide it, or leave it as it is. */
export function alertWindowAction(alert: AlertView): 'show' | 'hide' | 'keep' {
  switch (alert.state) {
    case 'open':
      return 'show';
    case 'closed':
      // Auto mode closes first and then explains what was done.
      return alert.mode === 'auto' ? 'show' : 'keep';
    case 'dismissed':
      return 'hide';
    case 'closing':
    case 'failed':
    case 'allowed':
      return 'keep';
  }
}
