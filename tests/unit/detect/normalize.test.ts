import { describe, expect, it } from 'vitest';
import { stripBrowserSuffix } from '../../../src/engine/detect/browser-suffix.js';
import { compactOf, normalizeText, skeletonOf, TITLE_LIMIT } from '../../../src/engine/detect/normalize.js';

const plainTitle = (raw: string): string => stripBrowserSuffix(normalizeText(raw)).title;

describe('normalizeText', () => {
  it('applies NFKC: full-width and mathematical letters become ASCII', () => {
    expect(normalizeText('ＷＩＮＤＯＷＳ　ＡＬＥＲＴ')).toBe('windows alert');
    expect(normalizeText('𝐌𝐢𝐜𝐫𝐨𝐬𝐨𝐟𝐭')).toBe('microsoft');
    expect(normalizeText('ｳｲﾙｽ')).toBe('ウイルス');
  });

  it('removes zero-width, soft-hyphen, bidi and tag characters', () => {
    expect(normalizeText('Vi\u200brus\u200c De\u00adtec\u2060ted')).toBe('virus detected');
    expect(normalizeText('\u202aMicrosoft\u202c \u2066Alert\u2069\ufeff')).toBe('microsoft alert');
    expect(normalizeText('Win\u{e0041}dows')).toBe('windows');
  });

  it('folds Cyrillic and Greek look-alikes and drops accents', () => {
    expect(normalizeText('Windоws Defеnder')).toBe('windows defender');
    expect(normalizeText('ΑΡΡLΕ')).toBe('apple');
    expect(normalizeText('Vírus détecté')).toBe('virus detecte');
  });

  it('collapses whitespace and dash runs, keeps the katakana long vowel', () => {
    expect(normalizeText('Windows———Security  \t Alert')).toBe('windows-security alert');
    expect(normalizeText('セキュリティー　センター')).toBe('セキュリティーセンター');
  });

  it('removes OCR spaces between Japanese characters', () => {
    expect(normalizeText('ウ イ ル ス が 検 出')).toBe('ウイルスが検出');
  });

  it('caps the length before any Unicode work', () => {
    const huge = 'Ｖ'.repeat(1_000_000);
    expect(normalizeText(huge).length).toBeLessThanOrEqual(TITLE_LIMIT);
  });

  it('never cuts a surrogate pair in half', () => {
    expect(normalizeText(`${'a'.repeat(9)}😀`, 10)).toBe('a'.repeat(9));
  });
});

describe('skeletonOf', () => {
  it('reads digits inside words as letters (brand spellings)', () => {
    expect(skeletonOf(normalizeText('W1nd0ws Micr0s0ft 5ecurity Ca11'))).toBe(skeletonOf('windows microsoft security call'));
  });

  it('leaves pure numbers alone', () => {
    expect(skeletonOf('call 1-888-254-7811')).toBe('call 1 888 254 7811');
  });

  it('folds OCR confusions rn/m, vv/w, i/l and small kana the same way on both sides', () => {
    expect(skeletonOf('rnicrosoft vvindows')).toBe(skeletonOf('microsoft windows'));
    expect(skeletonOf('ウィルス')).toBe(skeletonOf('ウイルス'));
  });

  it('joins letter-spaced words', () => {
    expect(skeletonOf('v i r u s d e t e c t e d now')).toBe(skeletonOf('virusdetected now'));
  });

  it('gives a space-less form for OCR-split words', () => {
    expect(compactOf(skeletonOf(normalizeText('Win dows De fender')))).toBe(compactOf(skeletonOf('windows defender')));
  });
});

describe('stripBrowserSuffix', () => {
  it.each([
    ['Virus Alert - Google Chrome', 'virus alert'],
    ['Virus Alert - Personal - Microsoft\u200b Edge', 'virus alert'],
    ['Virus Alert and 3 more pages - Work - Microsoft\u200b Edge', 'virus alert'],
    ['ウイルス警告、他 2 ページ - 個人 - Microsoft\u200b Edge', 'ウイルス警告'],
    ['ウイルス警告 - プロファイル 1 - Microsoft Edge', 'ウイルス警告'],
    ['Virus Alert — Mozilla Firefox', 'virus alert'],
    ['Virus Alert — Mozilla Firefox Private Browsing', 'virus alert'],
    ['Virus Alert - Brave', 'virus alert'],
    ['Virus Alert - Opera', 'virus alert'],
    ['Google Chrome', ''],
    ['Mozilla Firefox', ''],
  ])('%s → %s', (raw, expected) => {
    expect(plainTitle(raw)).toBe(expected);
  });

  it('keeps a title that merely mentions a browser', () => {
    expect(plainTitle('Google Chrome is infected')).toBe('google chrome is infected');
  });

  it('does not strip an unknown middle segment as a profile', () => {
    expect(plainTitle('Call 1-888-000-0000 - Support - Google Chrome')).toBe('call 1-888-000-0000 - support');
  });
});
