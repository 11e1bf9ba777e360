/**
 * Settings → family contacts, through the real services and the real webhook sender: a contact
 * is refused with the CLI's own validation (in the UI language), then added, sent a test alert
 * that really arrives at a local server (tests/e2e/support/family-servers.ts), and removed.
 * axe-core finds nothing on the section with a contact in it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFamilySenders } from '../../src/platform/net/family-senders.js';
import { startWebhookServer, type WebhookTestServer } from '../e2e/support/family-servers.js';
import { axeViolations, startHarness, type Harness } from './support/harness.js';
import { realRecovery } from './support/recovery.js';

describe('family contacts in Settings', { timeout: 120_000 }, () => {
  let harness: Harness;
  let server: WebhookTestServer;

  beforeAll(async () => {
    server = await startWebhookServer();
    harness = await startHarness({ locale: 'ja-JP', recovery: realRecovery(), familySenders: (settings) => createFamilySenders(settings, { webhookTimeoutMs: 5000 }) });
  });

  afterAll(async () => {
    await harness?.stop();
    await server?.close();
  });

  it('refuses a bad address in plain Japanese, adds a contact, sends it a test alert and removes it', async () => {
    const { page } = harness;
    await harness.open('settings');
    await page.locator('#family-empty').waitFor();

    await page.locator('#family-name').fill('長女 花子');
    await page.locator('#family-webhook').fill('ftp://example.invalid/topic');
    await page.locator('#family-add').click();
    await page.locator('#family-status', { hasText: 'アドレスは http:// か https:// で始めてください。' }).waitFor();
    expect(harness.services.familyContacts().contacts).toEqual([]);

    await page.locator('#family-webhook').fill(server.url('/scarestop-secret-topic'));
    await page.locator('#family-mode').selectOption('ntfy');
    await page.locator('#family-add').click();
    const item = page.locator('#family-list li', { hasText: '長女 花子' });
    await item.waitFor();
    // The secret part of the address never reaches the screen.
    expect(await item.textContent()).toContain(`http://127.0.0.1:${server.port}/…`);
    expect(await item.textContent()).not.toContain('secret-topic');
    expect(harness.services.familyContacts().contacts).toMatchObject([{ name: '長女 花子', language: 'ja', webhookMode: 'ntfy' }]);
    const violations = await axeViolations(page);
    expect(violations, JSON.stringify(violations)).toEqual([]);

    await item.locator('button', { hasText: '試しに送る' }).click();
    await page.locator('#family-status', { hasText: '長女 花子さんに試しのお知らせを送りました。' }).waitFor();
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({ method: 'POST', url: '/scarestop-secret-topic' });
    expect(server.requests[0]?.body).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/u);

    await page.locator('#family-list li', { hasText: '長女 花子' }).locator('button', { hasText: '削除' }).click();
    await page.locator('#family-empty').waitFor();
    expect(harness.services.familyContacts().contacts).toEqual([]);
  });
});
