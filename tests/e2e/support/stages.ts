/**
 * The per-file set-up the X11 end-to-end tests share: a private display, a page server and, for
 * the watcher tests, the real X11 window platform. Each helper registers its own beforeAll and
 * afterAll (torn down in reverse order) and returns getters for what they started.
 */
import { afterAll, beforeAll } from 'vitest';
import type { WindowPlatform } from '../../../src/engine/ports/windows.js';
import { createX11WindowPlatform } from '../../../src/platform/linux/x11-window-platform.js';
import { servePages, type PageServer } from '../content-pages/harness.js';
import { startDisplay, type TestDisplay } from './display.js';
import { serveStatic, type StaticServer } from './serve.js';

function started<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is not started (used outside the tests of this file?)`);
  return value;
}

/** Display, static server of tests/e2e/pages and X11 window platform, for the watcher tests. */
export interface WatchStage {
  readonly display: TestDisplay;
  readonly server: StaticServer;
  readonly platform: WindowPlatform;
}

/** Display and the content-check page server, for the content-check tests. */
export interface ContentStage {
  readonly display: TestDisplay;
  readonly server: PageServer;
}

/** A display and a page server from `serve`, started before this file's tests, stopped after. */
function useDisplayAndServer<S extends { close(): Promise<void> }>(serve: () => Promise<S>): { readonly display: TestDisplay; readonly server: S } {
  let display: TestDisplay | undefined;
  let server: S | undefined;
  beforeAll(async () => {
    display = await startDisplay();
    server = await serve();
  });
  afterAll(async () => {
    await server?.close();
    await display?.stop();
  });
  return {
    get display() {
      return started(display, 'the test display');
    },
    get server() {
      return started(server, 'the page server');
    },
  };
}

/** Display and static server of tests/e2e/pages, for the tests that drive `scarestop` itself. */
export function useStaticStage(): { readonly display: TestDisplay; readonly server: StaticServer } {
  return useDisplayAndServer(serveStatic);
}

export function useContentStage(): ContentStage {
  return useDisplayAndServer(servePages);
}

export function useWatchStage(): WatchStage {
  const base = useDisplayAndServer(serveStatic);
  let platform: WindowPlatform | undefined;
  beforeAll(async () => {
    platform = await createX11WindowPlatform({ env: base.display.env });
  });
  // Vitest runs afterAll hooks in reverse order: the platform goes before the display it uses.
  afterAll(() => {
    platform?.dispose();
  });
  return {
    get display() {
      return base.display;
    },
    get server() {
      return base.server;
    },
    get platform() {
      return started(platform, 'the X11 window platform');
    },
  };
}
