/**
 * The incident report, written by `scarestop report` from a real store, opened in Debian's
 * Chromium (headless, playwright-core): it renders, hostile page text stays text (no script
 * runs), no secret is shown, it is in one language with the zone on every time, and a full-page
 * screenshot is taken. The screenshots go to the test's own folder; with
 * SCARESTOP_UPDATE_SCREENSHOTS=1 they replace docs/screenshots/report-en.png and report-ja.png
 * (a plain test run never changes committed files).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CleanupWizard } from '../../src/engine/cleanup/index.js';
import { openIncidentStore } from '../../src/storage/index.js';
import type { RemoteFinding } from '../../src/shared/remote.js';
import { FakeSystem } from '../unit/cleanup/fakes.js';

const HASH = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
const updateDocs = process.env['SCARESTOP_UPDATE_SCREENSHOTS'] === '1';
let home: string;
let browser: Browser;
let incidentId: string;

const finding: RemoteFinding = {
  toolId: 'anydesk',
  name: 'AnyDesk',
  priority: 1,
  risk: 'running',
  firstSeen: '2026-11-22T13:02:00.000Z',
  evidence: [
    { kind: 'running', detail: 'Running now: AnyDesk (process 4242) from Downloads (portable copy)', pid: 4242, path: 'C:\\Users\\hanako\\Downloads\\AnyDesk.exe', at: '2026-11-22T13:02:00.000Z' },
    { kind: 'unattended', detail: `Unattended access is set: ad.anynet.pwd_hash=${HASH} (service.conf)`, path: 'C:\\ProgramData\\AnyDesk\\service.conf' },
    { kind: 'incoming-session', detail: 'Incoming session accepted with password from 123 456 789', at: '2026-11-22T13:05:00.000Z' },
  ],
};

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'scarestop-report-'));
  const store = openIncidentStore({ dataHome: home });
  let now = Date.UTC(2026, 10, 22, 13, 0, 0);
  const incident = store.createIncident({ openedAt: now, title: 'Fake Microsoft warning' });
  incidentId = incident.id;
  store.appendEvent({
    id: 'det-1',
    incidentId,
    at: now,
    payload: {
      kind: 'detection',
      title: 'Microsoft Windows Security Alert <img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> 警告：ウイルスが検出されました',
      verdict: 'scam',
      score: 0.97,
      brand: 'Microsoft',
      phones: ['050-6881-5063', '+1 (888) 555-0199'],
      browser: 'chrome',
    },
  });
  store.appendEvent({ id: 'act-1', incidentId, at: now + 2000, payload: { kind: 'action', action: 'close-window', status: 'done', detail: 'Closed the page (polite close).' } });
  const system = new FakeSystem(() => []);
  system.running.add(4242);
  system.files.add('C:\\Users\\hanako\\Downloads\\AnyDesk.exe').add('C:\\ProgramData\\AnyDesk\\service.conf');
  const wizard = CleanupWizard.start({ store, actions: system.actions(), clock: { now: () => (now += 30_000) }, rescan: system.rescan }, { findings: [finding], region: 'JP', helpContacts: [] });
  await wizard.runStep({ elevate: false }); // hang up (by the person)
  await wizard.runStep({ elevate: false }); // disconnect
  await wizard.runStep({ elevate: false }); // close the page
  await wizard.runStep({ elevate: false }); // end the AnyDesk session (checked)
  wizard.answer('calledNumber', 'yes');
  wizard.answer('remoteControl', 'yes');
  wizard.answer('paid', ['gift-card', 'card']);
  wizard.answer('paidAmount', '50,000円');
  wizard.answer('paidWhen', '11月22日 22時ごろ');
  wizard.answer('giftCards', 'Google Play 3枚 XKCD-1234-5678-ABCD, XKCD-2222-3333-4444, XKCD-5555-6666-7777');
  wizard.answer('typedSecrets', ['passwords']);
  wizard.answer('openedAttachment', 'no');
  await wizard.runStep({ elevate: false }); // remove (quarantine + rescan)
  await wizard.runStep({ elevate: false, checked: ['gift-card-issuer'] });
  store.close();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  if (updateDocs) mkdirSync(resolve('docs', 'screenshots'), { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (home !== undefined) rmSync(home, { recursive: true, force: true });
});

function writeReport(lang: 'en' | 'ja'): string {
  const out = join(home, `report-${lang}.html`);
  execFileSync(process.execPath, ['bin/scarestop.mjs', 'report', '--incident', incidentId, '--lang', lang, '--out', out], { env: { ...process.env, SCARESTOP_HOME: home, TZ: 'Asia/Tokyo' } });
  // The PDF is written beside the HTML (Chromium's print-to-PDF).
  expect(readFileSync(out.replace(/\.html$/u, '.pdf')).subarray(0, 4).toString()).toBe('%PDF');
  return out;
}

describe('incident report in Chromium', () => {
  for (const lang of ['en', 'ja'] as const) {
    it(`renders the ${lang} report as text only, without secrets, and takes a screenshot`, async () => {
      const file = writeReport(lang);
      const html = readFileSync(file, 'utf8');
      expect(html).not.toContain(HASH);
      const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(pathToFileURL(file).href);
      const text = await page.evaluate(() => document.body.innerText);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.locator('img, script').count()).toBe(0);
      expect(text).toContain('<img src=x onerror="window.__pwned=1">');
      expect(text).toContain('050-6881-5063');
      expect(text).toContain('AnyDesk');
      expect(text).not.toContain(HASH.slice(0, 12));
      expect(text).toContain(lang === 'en' ? 'Still to do' : 'まだ残っていること');
      expect(text).toContain(lang === 'en' ? 'Call your card company' : 'カード会社の24時間の窓口');
      expect(text).toContain('#9110');
      expect(text).toContain('XKCD-1234-5678-ABCD');
      expect(text).toContain('50,000円');
      // One language: no Japanese words of ours in English (page titles and answers excepted),
      // none of our English labels in Japanese; the zone on every time.
      const ours = text.replace(/警告：ウイルスが検出されました|50,000円|11月22日 22時ごろ|Google Play 3枚/gu, '');
      if (lang === 'en') expect(ours).not.toMatch(/[\u3040-\u30ff]/u);
      else for (const label of ['Incident', 'Started', 'Timeline', 'Outcome', 'Done', 'Step ', 'Running now']) expect(ours).not.toContain(label);
      const times = text.match(/\d{1,2}:\d{2}:\d{2}[^\n\t）)]*/gu) ?? [];
      expect(times.length).toBeGreaterThan(5);
      for (const time of times) expect(time).toMatch(/ (JST|GMT\+9)/u);
      expect(text).not.toMatch(/end-session:|remove:anydesk/u);
      expect(errors).toEqual([]);
      const shot = join(updateDocs ? resolve('docs', 'screenshots') : home, `report-${lang}.png`);
      await page.screenshot({ path: shot, fullPage: true });
      expect(statSync(shot).size).toBeGreaterThan(20_000);
      // The same page laid out for paper.
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
      await page.close();
    }, 120_000);
  }
});
