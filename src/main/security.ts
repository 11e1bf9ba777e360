/**
 * App-wide lockdown, applied before any window exists: every web contents may only show our
 * own pages — navigation, new windows, webviews and permission requests are refused — and the
 * session loads nothing from the network.
 */
import type { App, Session } from 'electron';
import type { TrustPolicy } from './trust.js';

/** Installs the handlers. `app` and `session` are Electron's. */
export function lockDown(app: App, session: Session, trust: TrustPolicy): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!trust.isAllowedNavigation(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!trust.isAllowedNavigation(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  // The UI is local files only: refuse every network request outright.
  session.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] }, (_details, callback) => callback({ cancel: true }));
}
