/** The native tray icon and menu, drawn from the model in tray-menu.ts. */
import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import { join } from 'node:path';
import type { Language, Status } from '../shared/ipc.js';
import { trayIconName, trayMenuModel, trayTooltip, type TrayCommand } from './tray-menu.js';

/** Keeps the tray in step with the status. */
export class AppTray {
  private readonly tray: Tray;

  constructor(
    private readonly iconDir: string,
    private readonly onCommand: (command: TrayCommand) => void,
  ) {
    this.tray = new Tray(this.icon('watching'));
  }

  /** Redraws icon, tooltip and menu. */
  update(status: Status, language: Language): void {
    this.tray.setImage(this.icon(status.state));
    this.tray.setToolTip(trayTooltip(status, language));
    const template: MenuItemConstructorOptions[] = trayMenuModel(status, language).map((item) =>
      item.type === 'separator' ? { type: 'separator' } : { label: item.label, enabled: item.enabled, click: () => this.onCommand(item.command) },
    );
    this.tray.setContextMenu(Menu.buildFromTemplate(template));
  }

  destroy(): void {
    this.tray.destroy();
  }

  private icon(state: Status['state']): Electron.NativeImage {
    // The PNG has an @2x sibling, which Electron picks on high-DPI screens.
    return nativeImage.createFromPath(join(this.iconDir, `${trayIconName(state)}.png`));
  }
}
