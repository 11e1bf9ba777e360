/**
 * The detector's fast paths must give exactly what the straightforward code gives:
 * - normalizeText's shortcuts for ASCII and for text the per-character table covers (accents, look-alikes, browser punctuation, kana and kanji) vs normalizeUnicode;
 * - skeletonOf's one-pass loops vs skeletonOfGeneral (plain replaces);
 * - the literal prefilter: a rule's regex never matches a text that lacks all of the rule's
 *   required literals, and the index marks exactly the rules whose literals occur.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCandidate, LiteralIndex } from '../../../src/engine/detect/literal-index.js';
import { compilePattern, topLevelAlternatives } from '../../../src/engine/detect/matcher.js';
import { bound, hasNonAscii, normalizeText, normalizeUnicode, skeletonFacts, skeletonOf, skeletonOfGeneral, TITLE_LIMIT } from '../../../src/engine/detect/normalize.js';
import { requiredLiterals } from '../../../src/engine/detect/required-literals.js';
import { ALARMS, BRANDS, GUARDS, THREATS, URGENCY } from '../../../src/engine/detect/rules/index.js';
import { loadCorpus } from './corpus.js';

const corpusTitles = ['scam.jsonl', 'benign.jsonl', 'held-out.jsonl', 'held-out-2.jsonl'].flatMap((file) => loadCorpus(file).map((item) => item.title));

/** Characters the fast paths treat specially, and some they must leave to the general path. */
const TRICKY = [
  ...'aAiIrnvVwW0135@$|-_.,:;!?()[]/\\ ',
  ...'アィイッツャヤーー一ぁあっつ漢字検出感染警告、。・「」【】（）！？：…«»“”',
  '\u200b', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u202a', '\u202e', '\u2066', '\u3164', '\ufe0f',
  '\u2010', '\u2011', '\u2013', '\u2014', '\u2212', '\ufe58', '\ufe63', '\uff0d',
  '\u3000', 'Ｗ', 'ｉ', '！', '１', '～', '\u00a0', '\t', '\n', '\u2009',
  'о', 'Α', 'ϲ', 'é', 'ß', 'İ', 'ﬁ', '𝐖', '😀', '\udb40\udc41',
];
const trickyText = fc.array(fc.constantFrom(...TRICKY), { maxLength: 60 }).map((chars) => chars.join(''));
/** A corpus title with tricky characters spliced in. */
const mutatedTitle = fc
  .tuple(fc.constantFrom(...corpusTitles), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...TRICKY)), { maxLength: 8 }))
  .map(([title, inserts]) => {
    const chars = [...title];
    for (const [position, char] of inserts) chars.splice(position % (chars.length + 1), 0, char);
    return chars.join('');
  });
const anyText = fc.oneof(trickyText, mutatedTitle, fc.string({ unit: 'binary', maxLength: 40 }));

describe('normalizeText fast paths', () => {
  it('give what the general Unicode path gives, on every corpus title', () => {
    for (const title of corpusTitles) expect(normalizeText(title), title).toBe(normalizeUnicode(bound(title, TITLE_LIMIT), TITLE_LIMIT));
  });

  it('give what the general Unicode path gives for every character of the Latin, Greek, Cyrillic, Armenian, Japanese, punctuation, invisible and full-width blocks', () => {
    const blocks: [number, number][] = [[0x00a0, 0x036f], [0x0370, 0x058f], [0x0600, 0x061f], [0x1100, 0x1160], [0x17b0, 0x17b6], [0x1800, 0x1810], [0x2000, 0x206f], [0x2200, 0x2215], [0x3100, 0x3170], [0xfff0, 0xfffd], [0x2e00, 0x2e7f], [0x3000, 0x30ff], [0x4e00, 0x9fff], [0xfe00, 0xfe6f], [0xff00, 0xffef]];
    for (const [from, to] of blocks) {
      for (let code = from; code <= to; code += 1) {
        const c = String.fromCharCode(code);
        for (const text of [`a${c}B`, `${c} ${c}`, `ア${c}-`]) {
          const fast = normalizeText(text);
          const general = normalizeUnicode(text, TITLE_LIMIT);
          if (fast !== general) expect(fast, `U+${code.toString(16)}`).toBe(general);
        }
      }
    }
  });

  it('give what the general Unicode path gives, on tricky and random text', () => {
    fc.assert(
      fc.property(anyText, (text) => normalizeText(text) === normalizeUnicode(bound(text, TITLE_LIMIT), TITLE_LIMIT)),
      { numRuns: 3000 },
    );
  });

  it('give what the general Unicode path gives on European, Greek, Cyrillic and Japanese text with ASCII, marks and spaces', () => {
    const ranges: [number, number][] = [[0x20, 0x7e], [0x20, 0x7e], [0x00a0, 0x024f], [0x0300, 0x036f], [0x0370, 0x058f], [0x2000, 0x206f], [0xff01, 0xff5e], [0x3000, 0x3020], [0x3041, 0x3043], [0x3094, 0x30a3], [0x30f8, 0x30ff], [0x4e00, 0x4e03], [0x9ffd, 0x9fff]];
    const char = fc.constantFrom(...ranges).chain(([from, to]) => fc.integer({ min: from, max: to })).map((code) => String.fromCharCode(code));
    fc.assert(
      fc.property(fc.array(char, { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        return normalizeText(text) === normalizeUnicode(bound(text, TITLE_LIMIT), TITLE_LIMIT);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('skeletonOf one-pass loops', () => {
  it('give what the step-by-step replaces give, on every normalised corpus title', () => {
    for (const title of corpusTitles) {
      const plain = normalizeText(title);
      expect(skeletonOf(plain), plain).toBe(skeletonOfGeneral(plain));
    }
  });

  it('report the facts the detector would otherwise scan for: non-ASCII skeleton, a digit in the text', () => {
    const factsHold = (text: string): boolean => {
      const facts = skeletonFacts(text);
      return facts.skeleton === skeletonOfGeneral(text) && facts.nonAscii === hasNonAscii(facts.skeleton) && facts.digits === /\d/.test(text);
    };
    for (const title of corpusTitles) expect(factsHold(normalizeText(title)), title).toBe(true);
    fc.assert(
      fc.property(anyText, (text) => factsHold(text) && factsHold(normalizeText(text))),
      { numRuns: 3000 },
    );
  });

  it('give what the step-by-step replaces give, on normalised and raw tricky text', () => {
    fc.assert(
      fc.property(anyText, (text) => skeletonOf(text) === skeletonOfGeneral(text) && skeletonOf(normalizeText(text)) === skeletonOfGeneral(normalizeText(text))),
      { numRuns: 3000 },
    );
  });

  it('keeps the Japanese long-vowel rule and spacing rules', () => {
    expect(skeletonOf('ウイルス-検出')).toBe('ウイルスー検出');
    expect(skeletonOf('ウイルス・検出')).toBe('ウイルス検出');
    expect(skeletonOf('windows ・ 警告')).toBe('wlndows 警告');
    expect(skeletonOf('  「セキュリティ」  alert!! ')).toBe('セキユリテイ alert');
  });
});

describe('required literals', () => {
  it('finds the literal parts a match must contain', () => {
    expect(requiredLiterals('virus|malware')).toEqual(['virus', 'malware']);
    expect(requiredLiterals('(?<![a-z0-9])(?:call|dial) ?now\\b')?.sort()).toEqual(['call now', 'callnow', 'dial now', 'dialnow']);
    expect(requiredLiterals('(?:a|b|c|d|e|f|g|h) ?(?:x|y|z) ?(?:q|r|s) ?(?:t|u|v) ?zebra')).toEqual(['zebra']);
    expect(requiredLiterals('trojans?')).toEqual(['trojan']);
    expect(requiredLiterals('ウイルス(?:に|が)?感染')).toEqual(['ウイルス感染', 'ウイルスに感染', 'ウイルスが感染']);
  });

  it('gives no guarantee when a part of the pattern can be anything or nothing', () => {
    expect(requiredLiterals('\\w{1,24}')).toBeUndefined();
    expect(requiredLiterals('(?:virus)?')).toBeUndefined();
    expect(requiredLiterals('virus|\\d+')).toBeUndefined();
    expect(requiredLiterals('[a-z]x')).toBeUndefined(); // one character is too short to index
    expect(requiredLiterals('(?!virus)ab')).toEqual(['ab']);
  });

  it('rejects syntax it does not know instead of guessing', () => {
    expect(() => requiredLiterals('(?<=a')).toThrow();
    expect(() => requiredLiterals('a)')).toThrow();
  });

  const sources = [...BRANDS, ...THREATS, ...ALARMS, ...URGENCY, ...GUARDS].flatMap((rule) =>
    topLevelAlternatives(rule.pattern).map((alternative) => ({ id: rule.id, source: compilePattern(alternative) })),
  );
  const skeletons = corpusTitles.map((title) => skeletonOf(normalizeText(title)));

  it('are sound for every rule: a rule that matches a corpus title contains one of its literals', () => {
    let matched = 0;
    for (const { id, source } of sources) {
      const re = new RegExp(source);
      const literals = requiredLiterals(source);
      if (literals === undefined) continue;
      for (const skeleton of skeletons) {
        if (!re.test(skeleton)) continue;
        matched += 1;
        expect(literals.some((literal) => skeleton.includes(literal)), `${id}: ${skeleton}`).toBe(true);
      }
    }
    expect(matched).toBeGreaterThan(500);
  });

  it('are sound for every rule on random text built from rule fragments', () => {
    const fragments = [...new Set(sources.flatMap(({ source }) => requiredLiterals(source) ?? []))];
    const pieces = fc.oneof(fc.constantFrom(...fragments), fc.constantFrom(' ', '  ', '1', '123', 'is', 'has been', 'your', 'の', 'が', 'x'));
    const compiled = sources.map(({ id, source }) => ({ id, re: new RegExp(source), literals: requiredLiterals(source) }));
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 8 }), (parts) => {
        const text = parts.join(parts.length % 2 === 0 ? ' ' : '');
        return compiled.every(({ re, literals }) => literals === undefined || !re.test(text) || literals.some((literal) => text.includes(literal)));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('LiteralIndex', () => {
  const literalsOfRule = [['virus', 'malware'], undefined, ['ウイルス'], ['ab'], ['abc', 'bcd'], ['virus']];
  const index = new LiteralIndex(literalsOfRule);
  const marked = (text: string): number[] => {
    const candidates = index.candidates(text);
    return literalsOfRule.flatMap((_, rule) => (isCandidate(candidates, rule) ? [rule] : []));
  };

  it('marks exactly the rules whose literals occur, plus rules without literals', () => {
    expect(marked('')).toEqual([1]);
    expect(marked('a virus')).toEqual([0, 1, 5]);
    expect(marked('xxウイルスxx')).toEqual([1, 2]);
    expect(marked('ab')).toEqual([1, 3]);
    expect(marked('zbcd')).toEqual([1, 4]);
    expect(marked('malwar')).toEqual([1]);
  });

  it('agrees with a plain substring search on random text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'v', 'irus', 'malware', 'ウイ', 'ルス', ' '), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        const expected = literalsOfRule.flatMap((literals, rule) => (literals === undefined || literals.some((l) => text.includes(l)) ? [rule] : []));
        return JSON.stringify(marked(text)) === JSON.stringify(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps the answer of each scan: a later scan does not change an earlier one', () => {
    const first = index.candidates('virus');
    index.candidates('ab ウイルス');
    expect(literalsOfRule.flatMap((_, rule) => (isCandidate(first, rule) ? [rule] : []))).toEqual([0, 1, 5]);
  });

  it('covers rule numbers beyond one 32-bit word', () => {
    const many = new LiteralIndex(Array.from({ length: 70 }, (_, rule) => [`word${rule}x`]));
    const found = many.candidates('a word69x and word33x');
    expect(Array.from({ length: 70 }, (_, rule) => rule).filter((rule) => isCandidate(found, rule))).toEqual([33, 69]);
  });
});
