/**
 * The alert, end to end through the real engine: a browser window comes to the front, the real
 * detector classifies its title, the real watcher asks, the alert screen shows the brand and
 * the number as text, and "Close the scary screen" makes the watcher close that window.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WindowInfo } from '../../src/engine/ports.js';
import { axeViolations, startHarness, type Harness } from './support/harness.js';
import { realRecovery } from './support/recovery.js';

const screen = { x: 0, y: 0, width: 1920, height: 1080 };

function scamWindow(id: string, title: string): WindowInfo {
  return { id, title, pid: 4242, processName: 'chrome', processPath: '/opt/google/chrome/chrome', bounds: screen, screen, fullscreen: true };
}

describe('alert screen with the real detector and watcher', { timeout: 120_000 }, () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({ recovery: realRecovery() });
    await harness.open('home');
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('shows the fake brand and the phone number as text, and Close closes that window', async () => {
    const { page, foreground, actions } = harness;
    foreground.show(scamWindow('0x3a00004', 'Microsoft Windows Security Alert - Your computer is infected with a virus! Call Microsoft Support +1-888-555-0142 - Google Chrome'));
    await harness.waitForScreen('alert');
    expect(await page.locator('h1').textContent()).toBe('This warning is fake.');
    expect(await page.locator('#alert-calm').textContent()).toContain('Do not call the number');
    expect(await page.locator('#alert-brand').textContent()).toContain('Microsoft');
    expect(await page.locator('#alert-phones').textContent()).toContain('888');
    expect(await page.locator('#alert-effect').textContent()).toContain('Chrome');

    await page.locator('#alert-close').click();
    await page.locator('#alert-result').waitFor({ timeout: 15_000 });
    expect(await page.locator('#alert-result').textContent()).toContain('closed');
    expect(actions.calls.map((call) => call.action)).toContain('closeWindow');
    expect(actions.calls.find((call) => call.action === 'closeWindow')?.target).toBe('0x3a00004');
    expect(foreground.open.has('0x3a00004')).toBe(false);

    const history = harness.services.history();
    expect(history[0]?.timeline.some((entry) => entry.kind === 'detection')).toBe(true);
    expect(history[0]?.timeline.some((entry) => entry.kind === 'action')).toBe(true);

    await page.locator('#alert-ok').click();
    await harness.waitForScreen('home');
  });

  it('renders a hostile title (markup and right-to-left override) as inert text', async () => {
    const { page, foreground } = harness;
    const hostile = 'Virus detected <img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> \u202Eexe.rotceted\u202C call 0120-000-000 - Google Chrome';
    foreground.show(scamWindow('0x3a00010', hostile));
    await harness.waitForScreen('alert');
    const title = page.locator('#alert-page-title');
    const text = (await title.textContent()) ?? '';
    expect(text).toContain('<img src=x onerror=');
    expect(text).not.toContain('\u202E');
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.locator('main script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // The title sits in an isolating element, so nothing it contains can reorder the text around it.
    expect(await title.evaluate((element) => element.tagName)).toBe('BDI');
  });

  it('"This page is fine" is small, away from Close, and asks again before it allows anything', async () => {
    const { page, foreground, services } = harness;
    foreground.show(scamWindow('0x3a00020', 'Your PC is infected with a virus! Call Windows Support +1-888-555-0177 - Google Chrome'));
    await harness.waitForScreen('alert');
    const allow = page.locator('#alert-allow');
    // Not in the row of the big Close button, and smaller than it.
    expect(await page.locator('.actions #alert-allow').count()).toBe(0);
    const [closeBox, allowBox] = [await page.locator('#alert-close').boundingBox(), await allow.boundingBox()];
    expect(allowBox !== null && closeBox !== null && allowBox.height < closeBox.height).toBe(true);
    expect(allowBox !== null && closeBox !== null && allowBox.y - (closeBox.y + closeBox.height) > 60).toBe(true);
    await allow.click();
    await page.locator('#alert-allow-ask', { hasText: 'someone on the phone' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // "No" goes back: nothing was allowed.
    await page.locator('#alert-allow-no').click();
    await allow.waitFor();
    expect(services.settings().allowList).toEqual([]);
    await allow.click();
    await page.locator('#alert-allow-yes').click();
    await page.locator('#alert-result').waitFor();
    expect(services.settings().allowList).toEqual(['your pc is infected with a virus! call windows support +1-888-555-0177']);
  });
});

describe('home button and automatic mode', { timeout: 120_000 }, () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({ recovery: realRecovery() });
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('"Close the scary screen" on home closes the browser window in front, whatever the verdict, and never another program', async () => {
    const { page, foreground, actions, services } = harness;
    services.pause(15); // no alert: the button alone must decide
    await harness.open('home');
    foreground.show(scamWindow('0x7000001', 'Your PC is infected with a virus! Call Windows Support +1-888-555-0199 now - Google Chrome'));
    await page.locator('#home-close').click();
    await page.locator('#home-result', { hasText: 'The scary screen is closed.' }).waitFor();
    expect(actions.calls.filter((call) => call.action === 'closeWindow').map((call) => call.target)).toEqual(['0x7000001']);

    foreground.show({ ...scamWindow('0x7000002', 'Quarterly report.xlsx - LibreOffice Calc'), processName: 'soffice.bin', processPath: '/usr/lib/libreoffice/program/soffice.bin' });
    await page.locator('#home-close').click();
    await page.locator('#home-result', { hasText: 'The window in front is not a web browser, so ScareStop left it alone.' }).waitFor();
    expect(actions.calls.filter((call) => call.action === 'closeWindow')).toHaveLength(1);

    // A page the detector calls clean is closed too: the person decides.
    foreground.show(scamWindow('0x7000004', 'Welcome - Google Chrome'));
    await page.locator('#home-close').click();
    await page.locator('#home-result', { hasText: 'The scary screen is closed.' }).waitFor();
    expect(actions.calls.filter((call) => call.action === 'closeWindow').map((call) => call.target)).toEqual(['0x7000001', '0x7000004']);
    expect(services.history().flatMap((incident) => incident.timeline.map((entry) => entry.text)).filter((text) => text.startsWith('Action: You closed the page'))).toHaveLength(2);
    services.resume();
  });

  it('Pause is not on home: it is in Settings and asks first; turning protection back on is one press', async () => {
    const { page, services } = harness;
    await harness.open('home');
    expect(await page.locator('#home-pause, #home-resume').count()).toBe(0);
    await harness.open('settings');
    await page.locator('#settings-pause').click();
    await page.locator('#settings-pause-ask', { hasText: 'someone on the phone' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('#settings-pause-no').click();
    await page.locator('#settings-pause').waitFor();
    expect(services.status().state).toBe('watching');
    await page.locator('#settings-pause').click();
    await page.locator('#settings-pause-yes').click();
    await page.locator('#settings-resume').waitFor();
    expect(services.status().state).toBe('paused');
    await harness.open('home');
    await page.locator('#home-resume').click();
    await expect.poll(() => services.status().state).toBe('watching');
  });

  it('in automatic mode the page is closed first, then the alert says what was done', async () => {
    const { page, foreground, actions, services } = harness;
    await harness.open('settings');
    await page.locator('#mode-auto').check();
    await page.locator('#settings-status', { hasText: 'Saved.' }).waitFor();
    expect(services.settings().mode).toBe('auto');
    foreground.show(scamWindow('0x7000003', 'Windows Defender Security Center: Trojan detected! Call Microsoft +1-888-555-0123 - Google Chrome'));
    await harness.waitForScreen('alert');
    await page.locator('h1', { hasText: 'ScareStop closed a fake warning for you.' }).waitFor({ timeout: 15_000 });
    expect(await page.locator('#alert-result').textContent()).toContain('closed');
    expect(await page.locator('#alert-close').count()).toBe(0);
    expect(actions.calls.some((call) => call.action === 'closeWindow' && call.target === '0x7000003')).toBe(true);
  });
});
