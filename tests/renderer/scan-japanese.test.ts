/**
 * The scan screen in Japanese, over the real scanner: a portable AnyDesk in a temporary HOME
 * and a source that failed the way systemctl fails in a container. Every line the person reads
 * is Japanese: the evidence, and the part of the PC that could not be checked (never the
 * scanner's internal source name, never the English system error).
 */
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InventorySource } from '../../src/engine/ports.js';
import { createInventorySource } from '../../src/platform/index.js';
import { RecordingSystemActions } from './support/fake-system.js';
import { startHarness, type Harness } from './support/harness.js';
import { processesUnder, realRecovery } from './support/recovery.js';

/** The real inventory, with its services source failing as it does without systemd. */
function servicesFailing(inventory: InventorySource): InventorySource {
  return {
    snapshot: async (options) => ({
      ...(await inventory.snapshot(options)),
      services: { ok: false, error: 'systemctl exited with 1: System has not been booted with systemd as init system (PID 1). Can\'t operate.' },
    }),
  };
}

describe('the scan screen in Japanese', { timeout: 120_000 }, () => {
  let harness: Harness;
  let root: string;
  let portable: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'scarestop-ui-scan-ja-'));
    mkdirSync(join(root, 'home', 'Downloads'), { recursive: true });
    portable = join(root, 'home', 'Downloads', 'AnyDesk');
    copyFileSync('/bin/true', portable);
    chmodSync(portable, 0o755);
    const inventory = servicesFailing(processesUnder(root, await createInventorySource({ env: { ...process.env, HOME: join(root, 'home'), TMPDIR: root } })));
    harness = await startHarness({ locale: 'ja-JP', recovery: realRecovery(inventory, new RecordingSystemActions(), 'ja-JP') });
  });

  afterAll(async () => {
    await harness?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('says what was found and what could not be checked in Japanese only', async () => {
    const { page } = harness;
    await harness.open('scan');
    await page.locator('#scan-run').click();
    await page.locator('#scan-findings').waitFor({ timeout: 60_000 });
    const evidence = await page.locator('article.finding', { hasText: 'AnyDesk' }).locator('ul.evidence li').allTextContents();
    expect(evidence).toHaveLength(1);
    expect(evidence[0]).toContain('このソフトの本体があなたのフォルダーにあります。');
    expect(evidence[0]).toContain(`場所：${portable}`);
    const sources = await page.locator('#scan-results ul.sources li').allTextContents();
    expect(sources).toEqual(['常に動いているサービスは確認できませんでした。']);
    // Apart from the tool's own name and the file's path, no Latin letters reach the person.
    const words = (await page.locator('#main').innerText()).replaceAll(portable, '').replaceAll('AnyDesk', '');
    expect(words).not.toMatch(/[A-Za-z]/u);
  });
});
