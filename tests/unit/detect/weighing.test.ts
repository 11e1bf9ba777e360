/**
 * Circumstances are weighed, never decisive (issue 13, issue 18 item 3): a window's behaviour
 * (full screen, popup burst, refused close, title churn) and an odd page address add only to a
 * page whose own words make a kit's case. Honest full-screen look-alikes (our own wording in
 * tests/fixtures/page-text/full-screen) stay below "scam" under every circumstance; their kit
 * counterparts are tipped over by them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/engine/detect/index.js';
import type { Rect } from '../../../src/shared/geometry.js';
import type { WindowBehaviour, WindowObservation } from '../../../src/shared/observation.js';
import type { Verdict } from '../../../src/shared/verdict.js';

const DIR = fileURLToPath(new URL('../../fixtures/page-text/full-screen/', import.meta.url));
const textOf = (file: string): string => readFileSync(join(DIR, file), 'utf8');
const HONEST = readdirSync(DIR).filter((file) => file.startsWith('honest-'));

const SCREEN: Rect = { x: 0, y: 0, width: 1920, height: 1080 };
const FULL = { bounds: SCREEN, screen: SCREEN };
const EVERY_BEHAVIOUR: WindowBehaviour = { popupBurst: true, refusedClose: true, recentTitles: 8 };
/** Addresses with every odd trait kits show: a number in the query, a bare IP, punycode, free hosting. */
const ODD_ADDRESSES = ['http://203.0.113.9/lock/?phone=18885550100', 'https://xn--micrsoft-l4a.web.app/?number=%2B18885550100', 'https://alerts-7731.netlify.app/', 'http://[2001:db8::7]/?tel=0120555018'];
const signals = (v: Verdict): string[] => v.reasons.map((r) => r.signal);
const judge = (observation: Partial<WindowObservation>): Verdict => classify({ title: 'Untitled', process: 'chrome.exe', ...observation });

describe('honest full-screen look-alikes are never called scam', () => {
  it.each(HONEST)('%s: full screen, bland title, every behaviour, every odd address', (file) => {
    const text = textOf(file);
    expect(judge({ text }).verdict).not.toBe('scam');
    expect(judge({ text, ...FULL }).verdict).not.toBe('scam');
    expect(judge({ text, ...FULL, behaviour: EVERY_BEHAVIOUR }).verdict).not.toBe('scam');
    for (const url of ODD_ADDRESSES) expect(judge({ text, ...FULL, behaviour: EVERY_BEHAVIOUR, url }).verdict).not.toBe('scam');
  });

  it('property: no mix of behaviour and address makes an honest look-alike a scam', () => {
    const behaviour = fc.record({ popupBurst: fc.boolean(), refusedClose: fc.boolean(), recentTitles: fc.integer({ min: 0, max: 40 }) }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.constantFrom(...HONEST), fc.boolean(), behaviour, fc.option(fc.constantFrom(...ODD_ADDRESSES), { nil: undefined }), (file, fullscreen, seen, url) => {
        const observation: Partial<WindowObservation> = { text: textOf(file), behaviour: seen, ...(fullscreen ? FULL : {}), ...(url === undefined ? {} : { url }) };
        expect(judge(observation).verdict).not.toBe('scam');
      }),
      { numRuns: 150 },
    );
  });
});

describe('circumstances tip a page whose own words make the case', () => {
  it('full screen turns a claim with an order ("Security alert. Please contact support.") into scam', () => {
    const text = textOf('kit-late-popup.txt');
    expect(judge({ text }).verdict).toBe('suspicious');
    const locked = judge({ text, ...FULL });
    expect(locked.verdict).toBe('scam');
    expect(signals(locked)).toContain('fullscreen');
  });

  it('full screen turns a concrete claim in the title (an error code) into scam; a mere alert word does not', () => {
    expect(judge({ title: 'Security Center Code0x268d3 Services' }).verdict).toBe('suspicious');
    expect(judge({ title: 'Security Center Code0x268d3 Services', ...FULL }).verdict).toBe('scam');
    expect(judge({ title: 'Emergency alert', ...FULL, behaviour: EVERY_BEHAVIOUR }).verdict).not.toBe('scam');
  });

  it('a fake Defender lock screen stays scam with or without circumstances', () => {
    const text = textOf('kit-defender-lock.txt');
    for (const extra of [{}, FULL, { ...FULL, behaviour: EVERY_BEHAVIOUR }]) expect(judge({ text, ...extra }).verdict).toBe('scam');
  });

  it('behaviour alone asks for a closer look, never more', () => {
    const v = judge({ title: 'Security Center', ...FULL, behaviour: EVERY_BEHAVIOUR });
    expect(v.verdict).toBe('suspicious');
    expect(signals(v)).toEqual(expect.arrayContaining(['popup-burst', 'refused-close', 'title-churn']));
  });

  it('a page loading (four titles) is no title churn; a title flipping every second is', () => {
    const text = textOf('kit-late-popup.txt');
    expect(signals(judge({ text, behaviour: { recentTitles: 4 } }))).not.toContain('title-churn');
    const churning = judge({ text, behaviour: { recentTitles: 10 } });
    expect(signals(churning)).toContain('title-churn');
    expect(churning.verdict).toBe('scam');
  });

  it('adds at most a bounded amount for behaviour (a claim alone under every behaviour stays below scam)', () => {
    const v = judge({ text: 'Security alert', ...FULL, behaviour: EVERY_BEHAVIOUR });
    expect(v.verdict).toBe('suspicious');
  });
});

describe('page address evidence (issue 18 item 3)', () => {
  it('never makes a page scam alone, whatever the address', () => {
    for (const url of ODD_ADDRESSES) {
      expect(judge({ title: 'Home', url }).verdict).toBe('clean');
      expect(judge({ title: 'Security Center', url, ...FULL }).verdict).not.toBe('scam');
      const branded = judge({ title: 'Office tips', text: 'Microsoft Office tips and tricks', url });
      expect(branded.verdict).not.toBe('scam');
      expect(signals(branded)).not.toContain('address');
    }
  });

  it('tips a bland page with a claim and an order from suspicious to scam, and says why', () => {
    const text = textOf('kit-late-popup.txt');
    expect(judge({ title: 'Security Center', text }).verdict).toBe('suspicious');
    const withNumber = judge({ title: 'Security Center', text, url: 'http://203.0.113.9/lock/?phone=18885550100' });
    expect(withNumber.verdict).toBe('scam');
    expect(withNumber.reasons.filter((r) => r.signal === 'address').map((r) => r.source)).toEqual(['address', 'address']);
    expect(withNumber.reasons.find((r) => r.signal === 'address')?.detail).toMatch(/phone number/);
  });

  it('does not tip a page that only mentions a threat or names a number', () => {
    const dashboard = textOf('honest-soc-dashboard.txt');
    expect(judge({ title: 'Incidents', text: dashboard }).verdict).toBe('suspicious');
    expect(judge({ title: 'Incidents', text: dashboard, url: 'http://10.0.4.12:8080/incidents' }).verdict).toBe('suspicious');
  });

  it('ignores an address that is no web address', () => {
    const text = textOf('kit-late-popup.txt');
    for (const url of ['', 'file:///C:/x.html?phone=18885550100', 'javascript:alert(1)', 'not a url', 'http://']) {
      expect(signals(judge({ title: 'Security Center', text, url }))).not.toContain('address');
    }
  });
});

describe('brand words need brand context', () => {
  it('"windows" in prose is no brand; Windows beside a product word is Microsoft', () => {
    expect(judge({ text: textOf('honest-weather-alert.txt') }).brand).toBeUndefined();
    expect(judge({ text: 'Open the windows to let fresh air in. Windows and doors were damaged.' }).brand).toBeUndefined();
    for (const text of ['Windows Defender found threats', 'Microsoft Windows', 'Windows Security', 'Call Windows Support', 'Windows サポートに電話してください']) {
      expect(judge({ text }).brand, text).toBe('Microsoft');
    }
  });
});

describe('phone regions', () => {
  it('stray OCR kana in a German slide do not make 0800 a Japanese number', () => {
    const v = judge({ text: textOf('honest-slides-ocr.txt') });
    expect(v.phones.map((p) => p.e164)).toEqual(['+49800000000']);
    // OCR reads square bullets as katakana ロ: a few of them are no Japanese page.
    const unquoted = judge({ text: 'ロ Virus gefunden! Rufen Sie sofort 0800 000 000 an.\nロ Browser schliessen' });
    expect(unquoted.phones.map((p) => p.e164)).toEqual(['+49800000000']);
  });

  it('a Japanese page reads its own numbers as Japanese', () => {
    expect(judge({ text: textOf('honest-ja-bank.txt') }).phones.map((p) => p.e164)).toEqual(['+81120555018']);
  });

  it('reads a number a kit wrote straight from its address ("%2B1-888-…", split by OCR)', () => {
    expect(judge({ text: 'Microsoft\nCall support:\nCall us directly %2B1-\n888-555-0142' }).phones.map((p) => p.e164)).toEqual(['+18885550142']);
    expect(judge({ text: 'ticket AB%2B12345678 closed' }).phones).toEqual([]);
  });

  it('a vulnerability id is no phone number', () => {
    const v = classify({ title: 'FBI Warning: CVE-2025-21298 - Security Update Guide - Microsoft', process: 'chrome.exe' });
    expect(v.phones).toEqual([]);
    expect(v.verdict).not.toBe('scam');
  });

  it('a local reading beats a longer foreign one ("0800 555 0144 (24 hours a day)" on an English page)', () => {
    expect(judge({ text: textOf('honest-bank-warning.txt') }).phones.map((p) => p.e164)).toEqual(['+448005550144']);
  });
});

describe('quotes read by OCR', () => {
  it('a German low opening quote read as a comma still marks the kit words as quoted', () => {
    const v = judge({ text: textOf('honest-slides-ocr.txt') });
    expect(v.reasons.filter((r) => r.signal === 'threat').every((r) => r.detail.startsWith('quoted:'))).toBe(true);
  });
});
