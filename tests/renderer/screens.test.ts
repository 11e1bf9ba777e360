/**
 * Every screen, in Japanese and in English: the language follows the OS locale by default and
 * switches at once; axe-core finds no violations on any screen in either language. The data
 * behind the screens is real (a detected page, a scan of a temp HOME, a started wizard).
 */
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Language, Screen } from '../../src/shared/ipc.js';
import { createInventorySource } from '../../src/platform/index.js';
import { RecordingSystemActions } from './support/fake-system.js';
import { axeViolations, startHarness, type Harness } from './support/harness.js';
import { processesUnder, realRecovery } from './support/recovery.js';

const screen = { x: 0, y: 0, width: 1920, height: 1080 };

describe('screens in Japanese and English', { timeout: 120_000 }, () => {
  let harness: Harness;
  let root: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'scarestop-ui-screens-'));
    mkdirSync(join(root, 'home', 'Downloads'), { recursive: true });
    const portable = join(root, 'home', 'Downloads', 'AnyDesk');
    copyFileSync('/bin/true', portable);
    chmodSync(portable, 0o755);
    const inventory = processesUnder(root, await createInventorySource({ env: { ...process.env, HOME: join(root, 'home'), TMPDIR: root } }));
    harness = await startHarness({ locale: 'ja-JP', recovery: realRecovery(inventory, new RecordingSystemActions(), 'ja-JP') });
  });

  afterAll(async () => {
    await harness?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('starts in Japanese on a Japanese OS and switches to English and back', async () => {
    const { page } = harness;
    await harness.open('home');
    expect(await page.getAttribute('html', 'lang')).toBe('ja');
    expect(await page.locator('#home-close').textContent()).toBe('怖い画面を閉じる');
    expect(await page.locator('#lang-toggle').textContent()).toBe('English');

    await page.locator('#lang-toggle').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.locator('#home-close', { hasText: 'Close the scary screen' }).waitFor();
    expect(harness.services.settings().language).toBe('en');
    await page.reload();
    await harness.waitForScreen('home');
    expect(await page.locator('#nav-settings').textContent()).toBe('Settings');

    await harness.open('settings');
    await page.locator('#language-ja').check();
    await page.waitForFunction(() => document.documentElement.lang === 'ja');
    // The settings screen is drawn again in Japanese once its family section has loaded.
    await page.locator('h1', { hasText: '設定' }).waitFor();
    expect(await page.locator('h1').textContent()).toBe('設定');
    expect(harness.services.settings().language).toBe('ja');
  });

  it('axe-core finds no violations on any screen, in either language', async () => {
    const { page, services, foreground } = harness;
    foreground.show({ id: '0x5000001', title: 'Windows Defender - Your PC is infected with a virus! Call Microsoft Support 0120-000-999 - Google Chrome', pid: 77, processName: 'chrome', processPath: '/usr/bin/chromium', bounds: screen, screen, fullscreen: true });
    await page.waitForFunction(() => document.body.dataset['ready'] === 'alert');
    await services.scan();
    await services.startWizard();
    const checked: string[] = [];
    for (const language of ['ja', 'en'] as const satisfies readonly Language[]) {
      services.updateSettings({ language });
      for (const name of ['alert', 'home', 'scan', 'wizard', 'history', 'settings'] as const satisfies readonly Screen[]) {
        await harness.open(name);
        expect(await page.getAttribute('html', 'lang')).toBe(language);
        const violations = await axeViolations(page);
        expect(violations, `${language} ${name}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
        checked.push(`${language}:${name}`);
      }
      // A wizard step screen too (after the questions).
      const view = services.wizard();
      if (view.step?.kind === 'question') {
        for (const answer of ['no', 'no', ['none'], ['none'], 'no'] as const) {
          const current = services.wizard().step;
          if (current?.kind !== 'question') break;
          await services.answerWizard(current.id, typeof answer === 'string' ? answer : [...answer]);
        }
      }
      await harness.open('wizard');
      expect(await page.locator('.wizard-step').getAttribute('data-kind')).not.toBe('question');
      expect(await axeViolations(page)).toEqual([]);
      checked.push(`${language}:wizard-step`);
    }
    expect(checked).toHaveLength(14);
  });

  it('settings save at once: mode, start at login, shortcut, allow-list removal', async () => {
    const { page, services } = harness;
    services.updateSettings({ language: 'en' });
    const allowed = services.allowAlert(services.currentAlert()?.id ?? 'none');
    expect(allowed.state).toBe('allowed');
    await harness.open('settings');
    await page.locator('#mode-never').check();
    await page.locator('#settings-status', { hasText: 'Saved.' }).waitFor();
    await page.locator('#start-at-login').uncheck();
    await expect.poll(() => services.settings().startAtLogin).toBe(false);
    await page.locator('#hotkey').selectOption('Ctrl+Shift+F12');
    await expect.poll(() => services.settings().hotkey).toBe('Ctrl+Shift+F12');
    expect(services.settings().mode).toBe('never');
    expect(services.settings().allowList).toHaveLength(1);
    await page.locator('#allow-list button').click();
    await page.locator('#allow-list').waitFor({ state: 'detached' });
    expect(services.settings().allowList).toEqual([]);
  });

  it('works with the keyboard alone: Tab reaches the big buttons in order, Enter activates', async () => {
    const { page, services } = harness;
    services.updateSettings({ language: 'en' });
    await harness.open('home');
    // Opening a screen puts the focus on its heading, so the next Tab enters the content.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('screen-title');
    const order: string[] = [];
    for (const key of ['Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Tab', 'Tab']) {
      await page.keyboard.press(key);
      order.push(await page.evaluate(() => document.activeElement?.id ?? ''));
    }
    expect(order).toEqual(['home-close', 'home-scan', 'home-close', 'nav-settings', 'nav-history', 'nav-settings', 'home-close']);
    await page.keyboard.press('Tab');
    // The focused control is visibly marked.
    expect(await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle)).toBe('solid');
    await page.keyboard.press('Enter');
    await harness.waitForScreen('scan');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('screen-title');
  });
});
