import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../../src/engine/cleanup/index.js';
import type { WizardState } from '../../../src/engine/cleanup/index.js';
import type { TimelineEvent } from '../../../src/engine/ports/store.js';
import { redactSecrets, renderReport } from '../../../src/engine/report/index.js';
import type { RemoteFinding } from '../../../src/shared/remote.js';

const hash = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
const finding: RemoteFinding = {
  toolId: 'anydesk',
  name: 'AnyDesk',
  priority: 1,
  risk: 'running',
  evidence: [
    { kind: 'running', detail: 'running <b>now</b>', pid: 7, path: '/home/u/Downloads/AnyDesk' },
    { kind: 'unattended', detail: `ad.anynet.pwd_hash=${hash}`, path: '/home/u/.anydesk/system.conf' },
  ],
};
const incident = { id: 'inc-1', openedAt: Date.UTC(2026, 10, 22, 13, 0), title: 'Fake <Microsoft> warning' };
const timeline: TimelineEvent[] = [
  { id: 'a', incidentId: 'inc-1', at: incident.openedAt, payload: { kind: 'detection', title: '<script>alert(1)</script> Microsoft Security Alert', verdict: 'scam', score: 0.98, brand: 'Microsoft', phones: ['050-6881-5063'] } },
  { id: 'b', incidentId: 'inc-1', at: incident.openedAt + 60_000, payload: { kind: 'finding', finding } },
  { id: 'c', incidentId: 'inc-1', at: incident.openedAt + 120_000, payload: { kind: 'answer', question: 'paid', answer: ['gift-card'] } },
  { id: 'd', incidentId: 'inc-1', at: incident.openedAt + 130_000, payload: { kind: 'note', text: `token: ${hash} "quoted" & <img src=x onerror=alert(2)>` } },
];
const plan = buildPlan({ context: { region: 'JP', detections: [], findings: [finding] }, answers: { paid: ['gift-card'] }, helpContacts: [], now: 1 });
const wizard: WizardState = {
  version: 2,
  incidentId: 'inc-1',
  phase: 'steps',
  answers: { paid: ['gift-card'], paidAmount: '30000 yen', paidWhen: '22 Nov, 14:00', giftCards: 'Google Play XKCD-1234-ABCD' },
  context: { region: 'JP', detections: [], findings: [finding] },
  plan,
  stepIndex: 3,
  steps: { disconnect: { status: 'done', attempts: 1, results: {} }, 'end-session:anydesk': { status: 'done', attempts: 1, results: {} }, 'remove:anydesk': { status: 'done', attempts: 1, results: {}, verification: 'checked' } },
  startedAt: 1,
};

describe('incident report', () => {
  const machine = { computerName: 'hanako-pc', userName: 'hanako', system: 'Windows 11' };
  const en = renderReport({ incident, timeline, wizard, lang: 'en', generatedAt: incident.openedAt + 3_600_000, timeZone: 'UTC', machine });
  const ja = renderReport({ incident, timeline, wizard, lang: 'ja', generatedAt: incident.openedAt + 3_600_000, timeZone: 'Asia/Tokyo', machine });

  it('escapes every piece of hostile text', () => {
    for (const html of [en, ja]) {
      expect(html).not.toMatch(/<script|<img|<b>/iu);
      expect(html).toContain("&lt;img src=x onerror=alert(2)&gt;");
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Microsoft Security Alert');
    }
  });

  it('never contains the password hash', () => {
    expect(en).not.toContain(hash);
    expect(en).not.toContain(hash.slice(0, 16));
    expect(en).toContain('[hidden]');
  });

  it('tells the scam in time order, the money paid, the tool and its verified outcome, and what is open', () => {
    expect(en).toContain('050-6881-5063');
    expect(en).toContain('Do not call these numbers.');
    expect(en).toContain('Stopped and removed (scanned again: nothing left)');
    expect(en).toContain('30000 yen');
    expect(en).toContain('Google Play XKCD-1234-ABCD');
    expect(en).toContain('Contact the gift-card company');
    expect(en).toContain('22 Nov 2026, 13:00:00 UTC');
    expect(en).toContain('This PC and its owner');
    expect(en).toContain('hanako-pc');
  });

  it('puts the zone on every time and never shows internal step ids', () => {
    for (const [html, zone] of [[en, 'UTC'], [ja, 'JST']] as const) {
      const times = [...html.matchAll(/\d{1,2}:\d{2}:\d{2}(?: [A-Z]{2,5}[+-]?\d*)?/gu)].map((match) => match[0]);
      expect(times.length).toBeGreaterThan(3);
      for (const time of times) expect(time).toMatch(new RegExp(`${zone}$`, 'u'));
      expect(html).not.toMatch(/end-session:|remove:anydesk|\bstep wizard\b/u);
    }
  });

  it('is written in one language: Japanese throughout, English throughout', () => {
    expect(ja).toContain('<html lang="ja">');
    expect(ja).toContain('何が起きたか（時間の順）');
    expect(ja).toContain('2026/11/22 22:00:00 JST');
    expect(ja).toContain('IPA 情報セキュリティ安心相談窓口');
    const jaText = ja.replace(/<style>[\s\S]*?<\/style>|<[^>]+>|&[a-z]+;|\[hidden\]/gu, ' ');
    // English words left are only names and what came from outside (titles, paths, the note).
    const words = new Set(jaText.match(/[A-Za-z]{4,}/gu) ?? []);
    for (const word of ['Started', 'Written', 'Outcome', 'Timeline', 'Step', 'done', 'Done', 'Running', 'Incident']) expect(words.has(word)).toBe(false);
    const enText = en.replace(/<style>[\s\S]*?<\/style>|<[^>]+>/gu, ' ');
    expect(enText).not.toMatch(/[\u3040-\u30ff]/u);
  });

  it('is self-contained: no scripts, no external resources', () => {
    expect(en).toContain("default-src 'none'");
    expect(en).not.toMatch(/<script|<link|src="http|href="http/iu);
  });
});

describe('redactSecrets', () => {
  it('hides secret assignments and hash-like tokens but keeps paths', () => {
    expect(redactSecrets('ad.anynet.pwd_hash=abc123 rest')).toBe('ad.anynet.pwd_hash=[hidden] rest');
    expect(redactSecrets(`salt ${hash}`)).toBe('salt [hidden]');
    expect(redactSecrets('dGhpcyBpcyBhIHNlY3JldCB0b2tlbiB2YWx1ZSBoZXJlIQ==')).toBe('[hidden]');
    const path = '/home/someone/Downloads/RemoteSupportToolPortableEdition/AnyDesk';
    expect(redactSecrets(path)).toBe(path);
  });
});
