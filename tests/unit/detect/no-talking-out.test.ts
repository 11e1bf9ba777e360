/**
 * Must-show properties: no page talks its way out of "scam" with benign-looking words, invisible
 * padding or a reversed title, and honest titles with the same tricks stay not-scam.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/engine/detect/index.js';
import { loadCorpus } from './corpus.js';

/** Titles with a brand, a threat or alarm, a phone number and a call instruction. */
const STRONG_TITLES = [
  'Windows Defender Security Warning - Call Support +1-888-555-0199',
  'Microsoft Alert: Your computer is infected - Call +1-844-555-0123 now',
  'Apple Security Alert - iPhone hacked - call Apple Support 1-877-555-0142',
  'McAfee: your subscription has expired, PC infected - call 1-866-555-0100 now',
  'マイクロソフト セキュリティ警告 ウイルスに感染 今すぐ電話してください 050-5555-0123',
  'Windows-Sicherheitswarnung: Computer wurde gesperrt - rufen Sie 0800 555 0123 an',
];
/** Phrases honest pages carry, in every supported language: put before a title, and after one. */
const BENIGN_PREFIXES = ['FBI Warning: ', 'How ', 'How to remove ', 'What is ', 'Scareware: ', '詐欺に注意: ', 'Polizei warnt: ', 'Fake ', 'Not a scam: ', 'News: ', 'Help: '];
const BENIGN_SUFFIXES = [
  ' | News', ' - Help', ' - about scams', ' (not a scam)', ' - Wikipedia', ' hoax', ' - YouTube', ' : r/techsupport', ' - Microsoft Support',
  ' - Google Search', ' - BBC News', ' - police warning', ' | Forum', ' - COVID-19 update', ' - ニュース', ' - 知恵袋', ' とは',
  ' - arnaque', ' | estafa', ' - truffa', ' - oplichting', ' - bedrägeri', ' – Ratgeber', ' - how to remove it',
];
const INVISIBLES = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u202a', '\u202c', '\u2066', '\u2069', '\u200e', '\u3164', '\ufe0f', '\udb40\udc20'];
const padding = fc.array(fc.constantFrom(...INVISIBLES), { minLength: 1, maxLength: 3000 }).map((chars) => chars.join(''));
const reversed = (text: string): string => Array.from(text).reverse().join('');
const verdictOf = (title: string, process = 'chrome.exe'): string => classify({ title, process }).verdict;
/** Honest titles as they were seen (some belong to other programs, never judged by title). */
const honest = loadCorpus('benign.jsonl').filter((item) => item.text === undefined && item.bounds === undefined);

describe('no page talks its way out of "scam"', () => {
  it('every strong title is a scam to begin with', () => {
    for (const title of STRONG_TITLES) expect(verdictOf(title), title).toBe('scam');
  });

  it('stays scam with any benign-context phrase before or after it (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...STRONG_TITLES), fc.constantFrom(...BENIGN_PREFIXES), fc.constantFrom(...BENIGN_SUFFIXES), (title, before, after) =>
        [`${before}${title}`, `${title}${after}`, `${before}${title}${after}`].every((tricked) => verdictOf(tricked) === 'scam'),
      ),
      { numRuns: 300 },
    );
  });

  it('stays scam under any amount of invisible padding, before or between its words (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...STRONG_TITLES), padding, padding, fc.nat(), (title, before, inside, at) => {
        const words = title.split(' ');
        const cut = at % words.length;
        return verdictOf(`${before}${words.slice(0, cut).join(' ')}${cut === 0 ? '' : ' '}${inside}${words.slice(cut).join(' ')}`) === 'scam';
      }),
      { numRuns: 200 },
    );
  });

  it('stays scam when stored reversed behind a right-to-left override, with any padding (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...STRONG_TITLES), padding, fc.boolean(), (title, before, closed) => verdictOf(`${before}\u202e${reversed(title)}${closed ? '\u202c' : ''}`) === 'scam'),
      { numRuns: 200 },
    );
  });

  it('honest titles with the same tricks stay not-scam (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...honest), padding, fc.boolean(), ({ title, process }, before, rlo) =>
        verdictOf(rlo ? `\u202e${reversed(title)}\u202c` : `${before}${title}`, process) !== 'scam',
      ),
      { numRuns: 400 },
    );
  });

  // Every pair, not a sample: a random sample let "FBI Warning: iPhone is disabled? How to fix
  // it" through one run in five. "hoax" is no longer benign context (fake virus names such as
  // Win32/Hoax.Renos.HX use it).
  it('honest titles stay not-scam with every benign-context phrase before or after them', () => {
    const called = honest.flatMap(({ title, process }) => [
      ...BENIGN_PREFIXES.map((prefix) => ({ title: `${prefix}${title}`, process })),
      ...BENIGN_SUFFIXES.filter((suffix) => suffix !== ' hoax').map((suffix) => ({ title: `${title}${suffix}`, process })),
    ]).filter(({ title, process }) => verdictOf(title, process) === 'scam');
    expect(called.map(({ title }) => title)).toEqual([]);
  });
});
