/**
 * The literal prefilter must never hide a match: a rule's regex never matches a text that lacks
 * all of the rule's required literals, and the index marks exactly the rules whose literals occur.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LiteralIndex } from '../../../src/engine/detect/literal-index.js';
import { compilePattern, topLevelAlternatives } from '../../../src/engine/detect/matcher.js';
import { normalizeText, skeletonOf } from '../../../src/engine/detect/normalize.js';
import { requiredLiterals } from '../../../src/engine/detect/required-literals.js';
import { ALARMS, BRANDS, GUARDS, THREATS, URGENCY } from '../../../src/engine/detect/rules/index.js';
import { loadCorpus } from './corpus.js';

const corpusTitles = ['scam.jsonl', 'benign.jsonl', 'held-out.jsonl', 'held-out-2.jsonl'].flatMap((file) => loadCorpus(file).map((item) => item.title));

describe('required literals', () => {
  it('finds the literal parts a match must contain', () => {
    expect(requiredLiterals('virus|malware')).toEqual(['virus', 'malware']);
    expect([...(requiredLiterals('(?<![a-z0-9])(?:call|dial) ?now\\b') ?? [])].sort()).toEqual(['call now', 'callnow', 'dial now', 'dialnow']);
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

  it('rejects a broken pattern instead of guessing', () => {
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
    return literalsOfRule.flatMap((_, rule) => (candidates[rule] === 1 ? [rule] : []));
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
    expect(literalsOfRule.flatMap((_, rule) => (first[rule] === 1 ? [rule] : []))).toEqual([0, 1, 5]);
  });

});
