/** The Linux/X11 window adapter, built by `createWindowPlatform()` in src/platform/index.ts. */
import { PlatformError } from '../../engine/ports/errors.js';
import type { WindowPlatform } from '../../engine/ports/windows.js';
import { X11WindowActions } from './x11-actions.js';
import { X11Foreground } from './x11-foreground.js';

/** Options: another display (tests pass their Xvfb's env) and retry backoff. */
export interface X11PlatformOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly retryMinMs?: number;
  readonly retryMaxMs?: number;
}

/** Builds the X11 adapter; fails with `display-unavailable` when DISPLAY is not set. */
export async function createX11WindowPlatform(options: X11PlatformOptions = {}): Promise<WindowPlatform> {
  const env = options.env ?? process.env;
  const display = env['DISPLAY'];
  if (display === undefined || display === '') {
    throw new PlatformError('display-unavailable', 'No X display (DISPLAY is not set). Wayland-only sessions are not supported yet.');
  }
  return {
    windows: new X11Foreground({ env, ...(options.retryMinMs !== undefined ? { retryMinMs: options.retryMinMs } : {}), ...(options.retryMaxMs !== undefined ? { retryMaxMs: options.retryMaxMs } : {}) }),
    actions: new X11WindowActions(env),
    dispose() {
      // Helper processes belong to watch() subscriptions and end with them.
    },
  };
}
