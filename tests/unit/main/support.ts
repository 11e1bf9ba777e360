/** Real services over a temp data folder, scripted windows and recording OS actions. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WindowInfo } from '../../../src/engine/ports.js';
import type { AppServices } from '../../../src/main/app-services.js';
import { createServices } from '../../../src/main/services.js';
import { RecordingWindowActions, ScriptedForeground } from '../../renderer/support/fake-windows.js';
import { realRecovery } from '../../renderer/support/recovery.js';

export interface TestServices {
  readonly services: AppServices;
  readonly foreground: ScriptedForeground;
  readonly actions: RecordingWindowActions;
  readonly dataHome: string;
  /** Stops the services; removes the data folder unless `keepData`. */
  dispose(keepData?: boolean): Promise<void>;
}

const FAST = { fullscreenVerifyMs: 50, closeWaitMs: 200, terminateWaitMs: 200, windowlessGraceMs: 50, pollMs: 10 };
const screen = { x: 0, y: 0, width: 1920, height: 1080 };

/** A full-screen Chrome window with `title`. */
export function browserWindow(id: string, title: string): WindowInfo {
  return { id, title, pid: 9100, processName: 'chrome.exe', processPath: 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', bounds: screen, screen, fullscreen: true };
}

/** Starts real services (watching) for one test. */
export function startTestServices(locale = 'en-US', existingDataHome?: string): TestServices {
  const dataHome = existingDataHome ?? mkdtempSync(join(tmpdir(), 'scarestop-main-'));
  const foreground = new ScriptedForeground();
  const actions = new RecordingWindowActions(foreground);
  const services = createServices({ dataHome, locale, windows: foreground, actions, recovery: realRecovery()(dataHome), escalation: FAST });
  services.start();
  return {
    services,
    foreground,
    actions,
    dataHome,
    async dispose(keepData = false) {
      await services.stop();
      if (!keepData) rmSync(dataHome, { recursive: true, force: true });
    },
  };
}
