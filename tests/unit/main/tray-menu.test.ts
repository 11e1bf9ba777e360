/**
 * Tray menu → engine: the menu model in both languages, and each command driving the real
 * services (resume, close the browser window in front, scan, screens, quit). There is no Pause
 * in the tray: it is in Settings, behind a question.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runTrayCommand, trayIconName, trayMenuModel, trayTooltip, type TrayUi } from '../../../src/main/tray-menu.js';
import type { Screen } from '../../../src/shared/ipc.js';
import { browserWindow, startTestServices, type TestServices } from './support.js';

class RecordingUi implements TrayUi {
  readonly screens: Screen[] = [];
  readonly notices: { title: string; body: string }[] = [];
  quits = 0;
  notify(title: string, body: string): void {
    this.notices.push({ title, body });
  }
  showScreen(screen: Screen): void {
    this.screens.push(screen);
  }
  quit(): void {
    this.quits += 1;
  }
}

const labels = (ctx: TestServices, language: 'ja' | 'en') => trayMenuModel(ctx.services.status(), language).map((item) => (item.type === 'separator' ? '-' : item.label));

describe('tray menu', () => {
  let ctx: TestServices;
  let ui: RecordingUi;

  beforeEach(() => {
    ctx = startTestServices();
    ui = new RecordingUi();
  });

  afterEach(async () => {
    await ctx.dispose();
  });

  it('lists the items of the issue in order, in English and Japanese', () => {
    expect(labels(ctx, 'en')).toEqual(['Close scary screen', '-', 'Scan for remote access tools', 'Recovery wizard', 'History', 'Settings', '-', 'Quit ScareStop']);
    expect(labels(ctx, 'ja')).toEqual(['怖い画面を閉じる', '-', '遠隔操作ソフトを確認する', '回復の手順', '履歴', '設定', '-', 'スケアストップを終了する']);
    expect(trayIconName('alert')).toBe('tray-alert');
    expect(trayTooltip({ state: 'paused', problem: null }, 'en')).toContain('paused');
    expect(trayTooltip({ state: 'watching', problem: 'No X display' }, 'ja')).toContain('確認できません');
  });

  it('while paused (from Settings) the tray offers Resume', async () => {
    ctx.services.pause(15);
    const status = ctx.services.status();
    expect(status.state).toBe('paused');
    expect((status.pausedUntil ?? 0) - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(labels(ctx, 'en')).toContain('Resume protection');
    // While paused, a scam page in front raises no alert.
    ctx.foreground.show(browserWindow('0x10', 'Your PC is infected with a virus! Call Microsoft 0120-111-222 - Google Chrome'));
    expect(ctx.services.currentAlert()).toBeNull();
    await runTrayCommand('resume', ctx.services, ui);
    expect(ctx.services.status().state).toBe('watching');
  });

  it('"Close scary screen" closes the scam window in front through the real escalation', async () => {
    ctx.services.pause(15); // no alert: the tray command alone decides
    ctx.foreground.show(browserWindow('0x20', 'Virus alert! Your computer is infected - call support now - Google Chrome'));
    await runTrayCommand('close-now', ctx.services, ui);
    expect(ctx.actions.calls.filter((call) => call.action === 'closeWindow').map((call) => call.target)).toEqual(['0x20']);
    expect(ui.screens).toEqual([]);
  });

  it('"Close scary screen" closes the browser page in front even when the detector finds it harmless', async () => {
    ctx.foreground.show(browserWindow('0x30', 'Recipes for autumn - Google Chrome'));
    await runTrayCommand('close-now', ctx.services, ui);
    expect(ctx.actions.calls.filter((call) => call.action === 'closeWindow').map((call) => call.target)).toEqual(['0x30']);
    expect(ui.screens).toEqual([]);
    // Recorded as the person's own decision.
    expect(ctx.services.history()[0]?.timeline.some((entry) => entry.text.startsWith('Action: You closed the page — done'))).toBe(true);
  });

  it('"Close scary screen" leaves another program alone, says so in plain words and opens home', async () => {
    ctx.services.updateSettings({ language: 'ja' });
    ctx.foreground.show({ id: '0x31', title: 'Your PC is infected! Call 0120-111-222', pid: 7, processName: 'notepad.exe', processPath: 'C:\\Windows\\notepad.exe' });
    await runTrayCommand('close-now', ctx.services, ui);
    expect(ctx.actions.calls).toEqual([]);
    expect(ui.screens).toEqual(['home']);
    expect(ui.notices).toEqual([{ title: '何も閉じていません', body: expect.stringContaining('インターネットの画面ではない') }]);
  });

  it('Scan runs the real scanner and shows the scan screen; the other items open their screens; Quit quits', async () => {
    await runTrayCommand('scan', ctx.services, ui);
    expect(ctx.services.lastScan()?.sources.length).toBe(7);
    for (const command of ['wizard', 'history', 'settings'] as const) await runTrayCommand(command, ctx.services, ui);
    await runTrayCommand('quit', ctx.services, ui);
    expect(ui.screens).toEqual(['scan', 'scan', 'wizard', 'history', 'settings']);
    expect(ui.quits).toBe(1);
  });

  it('reports a failing command instead of throwing into Electron', async () => {
    const errors: unknown[] = [];
    const broken = { ...ctx.services, scan: () => Promise.reject(new Error('inventory exploded')) };
    await runTrayCommand('scan', broken, ui, (error) => errors.push(error));
    expect(String(errors[0])).toContain('inventory exploded');
  });
});

describe('close-now from ScareStop\'s own window', () => {
  const scam = browserWindow('0x40', 'Your computer is infected with a virus! Call Microsoft +1-888-555-0100 - Google Chrome');
  const ownWindow = { id: '0x41', title: 'ScareStop', pid: process.pid, processName: 'ScareStop.exe' };

  it('closes the page of the open alert', async () => {
    const ctx = startTestServices();
    try {
      ctx.foreground.show(scam);
      expect(ctx.services.currentAlert()?.state).toBe('open');
      ctx.foreground.show(ownWindow); // the person clicked the big button in ScareStop
      expect((await ctx.services.closeNow()).outcome).toBe('closed');
      expect(ctx.actions.calls.filter((call) => call.action === 'closeWindow').map((call) => call.target)).toEqual(['0x40']);
      expect(ctx.services.currentAlert()?.state).toBe('closed');
    } finally {
      await ctx.dispose();
    }
  });

  it('without an alert, closes the scam page that was in front before our window took the focus', async () => {
    const ctx = startTestServices();
    try {
      ctx.foreground.show(scam);
      ctx.services.dismissAlert(ctx.services.currentAlert()?.id ?? '');
      ctx.foreground.show(ownWindow);
      expect((await ctx.services.closeNow()).outcome).toBe('closed');
      expect(ctx.actions.calls.filter((call) => call.action === 'closeWindow').map((call) => call.target)).toEqual(['0x40']);
      // The page is gone: with our own window in front there is nothing left to close.
      expect((await ctx.services.closeNow()).outcome).toBe('nothing-to-close');
    } finally {
      await ctx.dispose();
    }
  });
});
