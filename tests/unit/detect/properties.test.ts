import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/engine/detect/index.js';
import { normalizeText, TITLE_LIMIT } from '../../../src/engine/detect/normalize.js';
import { loadCorpus } from './corpus.js';

// Title-only scam items: the evasions below are about the title text itself.
const scamTitles = loadCorpus('scam.jsonl')
  .filter((item) => item.text === undefined && item.bounds === undefined)
  .map((item) => ({ title: item.title, process: item.process }));

const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u202a', '\u202c', '\u2066', '\u2069'];
const LOOK_ALIKES: Readonly<Record<string, readonly string[]>> = {
  a: ['а', 'α'], c: ['с', 'ϲ'], e: ['е', 'ε'], i: ['і', 'ι'], o: ['о', 'ο', 'օ'], p: ['р', 'ρ'], s: ['ѕ'], x: ['х', 'χ'],
  y: ['у'], A: ['А', 'Α'], B: ['В', 'Β'], E: ['Е', 'Ε'], H: ['Н', 'Η'], K: ['К', 'Κ'], M: ['М', 'Μ'], O: ['О', 'Ο'],
  P: ['Р', 'Ρ'], T: ['Т', 'Τ'], X: ['Х', 'Χ'], I: ['І', 'Ι'],
};
const SPACES = [' ', '  ', '\t', '\u00a0', '\u3000', '\u2009', ' \u200b '];

const scamItem = fc.constantFrom(...scamTitles);
const notClean = (observation: { title: string; process?: string | undefined }): boolean =>
  classify({ title: observation.title, ...(observation.process === undefined ? {} : { process: observation.process }) }).verdict !== 'clean';

/** Inserts characters from `pool` at random positions (between UTF-16 code units of BMP text). */
function insertAt(title: string, inserts: readonly [number, string][]): string {
  const chars = [...title];
  for (const [position, char] of inserts) chars.splice(position % (chars.length + 1), 0, char);
  return chars.join('');
}

describe('property: evasions never make a scam title "clean"', () => {
  it('inserting zero-width and direction-control characters', () => {
    fc.assert(
      fc.property(scamItem, fc.array(fc.tuple(fc.nat(), fc.constantFrom(...ZERO_WIDTH)), { minLength: 1, maxLength: 12 }), (item, inserts) =>
        notClean({ ...item, title: insertAt(item.title, inserts) }),
      ),
      { numRuns: 400 },
    );
  });

  it('swapping letters for Cyrillic/Greek look-alikes', () => {
    fc.assert(
      fc.property(scamItem, fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), fc.nat(), (item, picks, variant) => {
        const chars = [...item.title];
        for (const pick of picks) {
          const index = pick % chars.length;
          const options = LOOK_ALIKES[chars[index] ?? ''];
          if (options !== undefined) chars[index] = options[variant % options.length] ?? chars[index] ?? '';
        }
        return notClean({ ...item, title: chars.join('') });
      }),
      { numRuns: 400 },
    );
  });

  it('changing letter case', () => {
    fc.assert(
      fc.property(scamItem, fc.array(fc.boolean(), { minLength: 1, maxLength: 200 }), (item, flips) => {
        const title = [...item.title].map((c, i) => (flips[i % flips.length] === true ? c.toUpperCase() : c.toLowerCase())).join('');
        return notClean({ ...item, title });
      }),
      { numRuns: 400 },
    );
  });

  it('changing the spacing between words', () => {
    fc.assert(
      fc.property(scamItem, fc.array(fc.constantFrom(...SPACES), { minLength: 1, maxLength: 20 }), (item, spaces) => {
        let n = 0;
        const title = item.title.replace(/ /g, () => spaces[(n += 1) % spaces.length] ?? ' ');
        return notClean({ ...item, title });
      }),
      { numRuns: 400 },
    );
  });

  it('all of the above at once', () => {
    fc.assert(
      fc.property(
        scamItem,
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...ZERO_WIDTH)), { maxLength: 6 }),
        fc.boolean(),
        fc.constantFrom(...SPACES),
        (item, inserts, upper, space) => {
          const cased = upper ? item.title.toUpperCase() : item.title.toLowerCase();
          return notClean({ ...item, title: insertAt(cased.replace(/ /g, space), inserts) });
        },
      ),
      { numRuns: 300 },
    );
  });
});

const anyUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 300 });
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), anyUnits, fc.string({ unit: 'grapheme', maxLength: 100 }));
const anyNumber = fc.oneof(fc.integer({ min: -5000, max: 5000 }), fc.double());
const anyRect = fc.record({ x: anyNumber, y: anyNumber, width: anyNumber, height: anyNumber });

describe('property: hostile input never breaks the detector', () => {
  it('random Unicode in every field never throws and gives a well-formed verdict', () => {
    fc.assert(
      fc.property(
        anyText,
        fc.option(anyText, { nil: undefined }),
        fc.option(anyText, { nil: undefined }),
        fc.option(anyRect, { nil: undefined }),
        fc.option(anyRect, { nil: undefined }),
        (title, process, text, bounds, screen) => {
          const v = classify({
            title,
            ...(process === undefined ? {} : { process }),
            ...(text === undefined ? {} : { text }),
            ...(bounds === undefined ? {} : { bounds }),
            ...(screen === undefined ? {} : { screen }),
          });
          expect(['scam', 'suspicious', 'clean']).toContain(v.verdict);
          expect(v.score).toBeGreaterThanOrEqual(0);
          expect(v.score).toBeLessThanOrEqual(1);
          expect(Number.isFinite(v.score)).toBe(true);
          expect(v.phones.length).toBeLessThanOrEqual(5);
          for (const reason of v.reasons) expect(typeof reason.detail).toBe('string');
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('the normaliser fast paths (ASCII, per-character table with Japanese) agree with the full Unicode path', () => {
    const alphabet = fc.constantFrom(...'Windows Virus ALERT call 0120-987-654 -- ウイルスに感染 警告、「サポート」ガギグ ー 漢字'.split(''));
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 80 }), (text) => {
        // A zero-width space forces the full path and is removed by it.
        expect(normalizeText(text)).toBe(normalizeText(`\u200b${text}`));
      }),
      { numRuns: 500 },
    );
  });

  it('the normaliser output is bounded for any input', () => {
    fc.assert(
      fc.property(anyText, fc.nat({ max: 40 }), (text, repeat) => {
        expect(normalizeText(text.repeat(repeat)).length).toBeLessThanOrEqual(TITLE_LIMIT);
      }),
      { numRuns: 300 },
    );
  });
});
