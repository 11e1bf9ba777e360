/**
 * Scan → Remove → wizard → history, through the real engine: the real Linux inventory under a
 * temporary HOME finds a portable AnyDesk in ~/Downloads, "Remove" starts the real wizard,
 * which moves through its questions and steps, survives a page reload, and the incident's
 * report is exported from History. System actions only record (this machine keeps its network).
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInventorySource } from '../../src/platform/index.js';
import { RecordingSystemActions } from './support/fake-system.js';
import { startHarness, type Harness } from './support/harness.js';
import { processesUnder, realRecovery } from './support/recovery.js';

describe('scan, wizard and history with the real scanner and wizard', { timeout: 120_000 }, () => {
  let harness: Harness;
  let root: string;
  let system: RecordingSystemActions;
  let portable: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'scarestop-ui-home-'));
    mkdirSync(join(root, 'home', 'Downloads'), { recursive: true });
    mkdirSync(join(root, 'tmp'));
    portable = join(root, 'home', 'Downloads', 'AnyDesk');
    copyFileSync('/bin/true', portable);
    chmodSync(portable, 0o755);
    const { XDG_CONFIG_HOME: _xdg, ...rest } = process.env;
    const inventory = processesUnder(root, await createInventorySource({ env: { ...rest, HOME: join(root, 'home'), TMPDIR: join(root, 'tmp') } }));
    system = new RecordingSystemActions(join(root, 'quarantine'));
    harness = await startHarness({ recovery: realRecovery(inventory, system) });
  });

  afterAll(async () => {
    await harness?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('shows the portable AnyDesk with its evidence in plain words', async () => {
    const { page } = harness;
    await harness.open('scan');
    await page.locator('#scan-run').click();
    await page.locator('#scan-findings').waitFor({ timeout: 60_000 });
    const card = page.locator('article.finding', { hasText: 'AnyDesk' });
    expect(await card.count()).toBe(1);
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('A copy of the program is in one of your folders.');
    expect(text).toContain(portable);
    expect(await card.locator('button', { hasText: 'Remove AnyDesk' }).count()).toBe(1);
  });

  it('Remove leads into the wizard, which moves step by step and resumes after a reload', async () => {
    const { page } = harness;
    await page.locator('article.finding', { hasText: 'AnyDesk' }).locator('button').click();
    await harness.waitForScreen('wizard');
    // The urgent steps come first: hang up, disconnect, close the page; no question before them.
    const urgent: string[] = [];
    const step = page.locator('.wizard-step');
    const next = async (): Promise<void> => {
      const id = (await step.getAttribute('data-step')) ?? '';
      const run = page.locator('#wizard-run');
      await ((await run.count()) > 0 ? run : page.locator('#wizard-done')).click();
      // A step that failed stays on screen with its reason: say it at once instead of waiting.
      await page.waitForFunction(
        (previous) => document.querySelector('#wizard-finished, #wizard-result') !== null || document.querySelector('.wizard-step')?.getAttribute('data-step') !== previous,
        id,
        { timeout: 60_000 },
      );
      expect(await page.locator('#wizard-result').allTextContents()).toEqual([]);
    };
    while ((await step.getAttribute('data-kind')) !== 'question') {
      urgent.push((await step.getAttribute('data-kind')) ?? '');
      if (urgent.length === 2) {
        await page.reload();
        await harness.waitForScreen('wizard');
        expect(await step.getAttribute('data-kind')).toBe('disconnect');
      }
      await next();
    }
    expect(urgent).toEqual(['hang-up', 'disconnect', 'close-browser']);
    expect(system.calls).toContain('disconnectNetwork');

    await page.locator('#wizard-progress', { hasText: 'Question 1 of 5' }).waitFor();
    await page.locator('#answer-yes').click(); // called the number
    await page.locator('#wizard-progress', { hasText: 'Question 2 of 5' }).waitFor();
    await page.reload();
    await harness.waitForScreen('wizard');
    expect(await page.locator('#wizard-progress').textContent()).toBe('Question 2 of 5');
    await page.locator('#answer-yes').click(); // someone connected
    await page.locator('#wizard-progress', { hasText: 'Question 3 of 5' }).waitFor();
    await page.locator('#choice-gift-card').check(); // paid with gift cards: three more questions
    await page.locator('#wizard-answer-next').click();
    await page.locator('#wizard-progress', { hasText: 'Question 4 of 8' }).waitFor();
    await page.locator('#wizard-text').fill('50,000 yen');
    await page.locator('#wizard-answer-next').click();
    await page.locator('#wizard-progress', { hasText: 'Question 5 of 8' }).waitFor();
    await page.locator('#wizard-answer-next').click(); // when: not known
    await page.locator('#wizard-progress', { hasText: 'Question 6 of 8' }).waitFor();
    await page.locator('#wizard-text').fill('Google Play 1234-5678');
    await page.locator('#wizard-answer-next').click();
    await page.locator('#wizard-progress', { hasText: 'Question 7 of 8' }).waitFor();
    await page.locator('#choice-passwords').check();
    await page.locator('#wizard-answer-next').click();
    await page.locator('#wizard-progress', { hasText: 'Question 8 of 8' }).waitFor();
    await page.locator('#answer-no').click();

    const kinds: string[] = [];
    for (let screens = 0; screens < 12; screens += 1) {
      if ((await page.locator('#wizard-finished').count()) > 0) break;
      kinds.push((await step.getAttribute('data-kind')) ?? '');
      await next();
    }
    expect(await page.locator('#wizard-finished').count()).toBe(1);
    expect(kinds[0]).toBe('remove');
    expect(kinds[kinds.length - 1]).toBe('reconnect');
    expect(system.calls).toContain(`quarantine:${portable}`);
    expect(system.calls).toContain('reconnectNetwork');
    expect(existsSync(portable)).toBe(false);
    // Advice was not ticked off: the end screen says what is open, and where the record is.
    expect(await page.locator('#wizard-finished').textContent()).toBe('Well done. These are still open:');
    expect(await page.locator('#wizard-open li').count()).toBeGreaterThan(0);
    const saved = ((await page.locator('#wizard-report bdi').first().textContent()) ?? '').trim();
    const html = readFileSync(saved, 'utf8');
    expect(html).toContain('Google Play 1234-5678');
    expect(html).toContain('50,000 yen');
  });

  it('History lists the incident with its timeline and exports the report', async () => {
    const { page } = harness;
    await harness.open('history');
    const incident = page.locator('article.incident').first();
    expect(await incident.locator('.timeline li').count()).toBeGreaterThan(3);
    await incident.locator('button').click();
    const saved = page.locator('.incident .status-line', { hasText: 'Report saved' });
    await saved.waitFor();
    const path = ((await saved.textContent()) ?? '').replace('Report saved: ', '').trim();
    const html = readFileSync(path, 'utf8');
    expect(html).toContain('AnyDesk');
    expect(html).toMatch(/<html[^>]*lang="en"/);
  });
});
