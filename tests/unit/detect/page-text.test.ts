import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/engine/detect/index.js';
import type { Rect } from '../../../src/shared/geometry.js';
import { TITLES_DIR } from './corpus.js';

const DIR = join(TITLES_DIR, '../page-text');
const SCREEN: Rect = { x: 0, y: 0, width: 1920, height: 1080 };

interface PageCase {
  readonly file: string;
  readonly title: string;
  readonly process: string;
  readonly expect: 'scam' | 'not-scam';
}

const cases = JSON.parse(readFileSync(join(DIR, 'cases.json'), 'utf8')) as PageCase[];
const textOf = (file: string): string => readFileSync(join(DIR, file), 'utf8');

describe('page text (OCR) with a bland or neutral title, full screen', () => {
  it.each(cases)('$file → $expect', (page) => {
    const v = classify({ title: page.title, process: page.process, bounds: SCREEN, screen: SCREEN, text: textOf(page.file) });
    if (page.expect === 'scam') {
      expect(v.verdict).toBe('scam');
      expect(v.reasons.some((r) => r.source === 'text' && r.signal !== 'page-text')).toBe(true);
    } else {
      expect(v.verdict).not.toBe('scam');
    }
    expect(v.reasons.map((r) => r.signal)).toContain('page-text');
  });
});

describe('page text details', () => {
  it('reads the phone number from OCR text with spaces and O-for-0', () => {
    const v = classify({ title: '12345', process: 'chrome.exe', text: textOf('en-split-words.txt') });
    expect(v.phones.map((p) => p.e164)).toEqual(['+18775053322']);
  });

  it('reads a Japanese number split by OCR spaces', () => {
    const v = classify({ title: '', process: 'chrome.exe', text: textOf('ja-defender-panel.txt') });
    expect(v.phones[0]?.e164).toBe('+81120987654');
    expect(v.brand).toBe('Microsoft');
  });

  it('a scam text is found even when the window is not full screen', () => {
    const v = classify({ title: 'Security Center', process: 'chrome.exe', text: textOf('en-defender-panel.txt') });
    expect(v.verdict).toBe('scam');
  });

  it('bounds the text it reads', () => {
    const v = classify({ title: '', process: 'chrome.exe', text: `${textOf('ja-shop-page.txt')}${'あ'.repeat(2_000_000)}` });
    const pageText = v.reasons.find((r) => r.signal === 'page-text');
    expect(pageText?.detail).toMatch(/\((?:1|2)\d{4} characters/);
  });

  it('a non-browser window stays clean even with scam text', () => {
    const v = classify({ title: 'Notes', process: 'notepad.exe', text: textOf('en-defender-panel.txt') });
    expect(v.verdict).toBe('clean');
  });

  // Page text is also matched with its spaces removed; an optional space in a rule (" ?") once
  // left its "?" behind there and made the brand before it optional.
  it('reads "セキュリティ センター" as no Apple wording; "Macのセキュリティ" still is', () => {
    const alarms = (text: string) => classify({ title: 'x', process: 'chrome.exe', text }).reasons.filter((r) => r.detail.includes('apple security'));
    expect(alarms('Windows Defender セキュリティ センター')).toEqual([]);
    expect(alarms('セキュリティ センター')).toEqual([]);
    expect(alarms('Macのセキュリティ')).toHaveLength(1);
  });
});
