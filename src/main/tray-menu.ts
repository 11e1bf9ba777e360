/**
 * The tray: which icon, which tooltip, which menu items — and what each item does. A model
 * with no Electron in it; tray.ts turns it into a native menu. Tests drive `runTrayCommand`
 * against the real services.
 */
import type { CloseResult, GuardState, Language, Screen, Status } from '../shared/ipc.js';
import { assertNever } from '../shared/result.js';
import type { AppServices } from './app-services.js';
import { mainLabel, type MainLabelKey } from './main-labels.js';

/**
 * Everything the tray menu can do. There is no "pause" here: pausing is in Settings behind a
 * question, harder to reach than Close (a caller on the phone will tell the person to press it).
 */
export type TrayCommand = 'close-now' | 'scan' | 'wizard' | 'history' | 'settings' | 'resume' | 'quit';

/** One row of the menu. */
export type TrayMenuItem = { readonly type: 'separator' } | { readonly type: 'command'; readonly command: TrayCommand; readonly label: string; readonly enabled: boolean };

/** What the tray needs from the window side. */
export interface TrayUi {
  showScreen(screen: Screen): void;
  /** A short system notification (plain words, already in the UI language). */
  notify(title: string, body: string): void;
  quit(): void;
}

/** The icon file (in assets/icons) for a state. */
export function trayIconName(state: GuardState): `tray-${GuardState}` {
  return `tray-${state}`;
}

/** Tooltip text for a status: never "protecting" while the watcher cannot see windows. */
export function trayTooltip(status: Pick<Status, 'state' | 'problem'>, language: Language): string {
  if (status.state === 'watching' && status.problem !== null) return mainLabel(language, 'tooltipProblem');
  const key: Readonly<Record<GuardState, MainLabelKey>> = { watching: 'tooltipWatching', paused: 'tooltipPaused', alert: 'tooltipAlert' };
  return mainLabel(language, key[status.state]);
}

/** The menu, in the order the issue lists it; Resume appears while paused. */
export function trayMenuModel(status: Status, language: Language): TrayMenuItem[] {
  const item = (command: TrayCommand, key: MainLabelKey, enabled = true): TrayMenuItem => ({ type: 'command', command, label: mainLabel(language, key), enabled });
  return [
    item('close-now', 'closeNow'),
    { type: 'separator' },
    item('scan', 'scan'),
    item('wizard', 'wizard'),
    item('history', 'history'),
    item('settings', 'settings'),
    { type: 'separator' },
    ...(status.state === 'paused' ? [item('resume', 'resume')] : []),
    item('quit', 'quit'),
  ];
}

/**
 * After the tray item or the hotkey closed (or could not close) the window in front: when
 * nothing was closed, say why in plain words and open home, where the person can do more.
 */
export function tellCloseOutcome(result: CloseResult, language: Language, ui: TrayUi): void {
  if (result.outcome === 'closed') return;
  if (result.outcome === 'nothing-to-close') {
    ui.notify(mainLabel(language, 'closeNothingTitle'), mainLabel(language, result.nothingReason === 'not-a-browser' ? 'closeNotBrowserBody' : 'closeNoWindowBody'));
  }
  ui.showScreen('home');
}

/** Runs one menu command. Failures are reported to `onError`, never thrown into Electron. */
export async function runTrayCommand(command: TrayCommand, services: AppServices, ui: TrayUi, onError: (error: unknown) => void = () => undefined): Promise<void> {
  try {
    switch (command) {
      case 'close-now':
        tellCloseOutcome(await services.closeNow(), services.settings().language, ui);
        return;
      case 'scan':
        ui.showScreen('scan');
        await services.scan();
        ui.showScreen('scan'); // draw again with the result
        return;
      case 'wizard':
        ui.showScreen('wizard');
        return;
      case 'history':
        ui.showScreen('history');
        return;
      case 'settings':
        ui.showScreen('settings');
        return;
      case 'resume':
        services.resume();
        return;
      case 'quit':
        ui.quit();
        return;
      default:
        assertNever(command, 'tray command');
    }
  } catch (error) {
    onError(error);
  }
}
