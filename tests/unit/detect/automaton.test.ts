/**
 * The rule automaton must say exactly what the regexes say. Checked three ways:
 * - small expressions covering each piece of syntax, against `RegExp.test`;
 * - every rule alternative of the title tables, on the corpus and on random text;
 * - the whole matcher: a title rule book run as an automaton gives the same rules, set by set,
 *   as the same tables run through the literal index and their regexes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RuleAutomaton } from '../../../src/engine/detect/automaton/automaton.js';
import { parseRegex, startsWithWordCharacter } from '../../../src/engine/detect/automaton/syntax.js';
import { compileRules, matchRules, RuleBook, type RuleBookKind } from '../../../src/engine/detect/matcher.js';
import { hasNonAscii, normalizeText, skeletonOf } from '../../../src/engine/detect/normalize.js';
import { ALARMS, BRANDS, GUARDS, THREATS, URGENCY } from '../../../src/engine/detect/rules/index.js';
import { loadCorpus } from './corpus.js';

const corpusSkeletons = ['scam.jsonl', 'benign.jsonl', 'held-out.jsonl', 'held-out-2.jsonl'].flatMap((file) =>
  loadCorpus(file).map((item) => skeletonOf(normalizeText(item.title))),
);

/** Ids the automaton reports for `text`, sorted. */
function matchedIds(automaton: RuleAutomaton, text: string): number[] {
  return automaton.scan(text).sort((a, b) => a - b);
}

/** Ids of the sources whose regex matches `text`, sorted. */
function regexIds(sources: readonly string[], text: string): number[] {
  return sources.flatMap((source, id) => (new RegExp(source).test(text) ? [id] : []));
}

const SYNTAX_CASES = [
  'virus', 'vir(?:us|al)', 'a|bc|', 'colou?r', 'x{2}', 'x{2,}', 'x{1,3}y', 'ab*c', 'ab+c', '(?:ab)+c', 'a.c', '[a-c]x', '[^a-c ]x',
  '\\bcall\\b', '\\Bcall', 'help$', '^how', '^$', '(?<![a-z0-9])(?:win)', '(?<=[0-9])x', '\\d{1,3} ?items', '\\w+ \\w+',
  'a\\s+b', '\\S\\S', '\\D\\W', '[\\d_]z', '\\u30a2\\x41', 'ウイルス(?:に|が)?感染', '不審な[^ ]{0,3}?検出', 'a(?<name>b)c', '\\.\\-\\(',
  '[-a]b', '[a-]b', 'x{', 'a{,2}',
];
const SYNTAX_TEXTS = [
  '', 'virus', 'viral', 'a', 'bc', 'color colour', 'xx', 'x', 'xxxy', 'xy', 'ac abc abbc', 'ababc', 'a c', 'bx dx', ' x',
  'please call now', 'recall', 'get help', 'help me', 'how to', 'show', 'winwin twin', '7x', 'ax', '12 items', '1234items',
  'one two', 'a  b', 'ab', 'a_!', '_z 5z', 'アA', 'ウイルスに感染', 'ウイルス感染', '不審なものを検出', '不審な ものを検出', 'abc', '.-(',
  '-b', 'ab', 'x{', 'a{,2}', 'ａｂ', 'A\u00e9z', '\ud83d\ude00x',
];

describe('rule automaton: syntax', () => {
  it('matches exactly where RegExp.test does, for each piece of supported syntax', () => {
    const automaton = new RuleAutomaton(SYNTAX_CASES.map((source, id) => ({ source, id })));
    for (const text of SYNTAX_TEXTS) expect(matchedIds(automaton, text), JSON.stringify(text)).toEqual(regexIds(SYNTAX_CASES, text));
  });

  it('matches exactly where RegExp.test does on random text made of the cases’ characters', () => {
    const automaton = new RuleAutomaton(SYNTAX_CASES.map((source, id) => ({ source, id })));
    const chars = fc.constantFrom(...'abcxyz0179 _-.(ウイルスに感染不審な検出winhowcalp{}\u00e9'.split(''), 'virus', 'call', 'help', 'items');
    fc.assert(fc.property(fc.array(chars, { maxLength: 24 }), (parts) => {
      const text = parts.join('');
      expect(matchedIds(automaton, text)).toEqual(regexIds(SYNTAX_CASES, text));
    }), { numRuns: 3000 });
  });

  it('marks alternatives with a look-around it cannot model, and still reports every true match', () => {
    const sources = ['fraud(?! team)', 'x(?=y)', 'plain'];
    const automaton = new RuleAutomaton(sources.map((source, id) => ({ source, id })));
    expect([...automaton.needsConfirming].sort()).toEqual([0, 1]);
    for (const text of ['fraud', 'fraud team', 'xy', 'x', 'plain']) {
      const found = automaton.scan(text);
      for (const id of regexIds(sources, text)) expect(found, text).toContain(id);
      expect(found.includes(2), text).toBe(text === 'plain');
    }
  });

  it('tells which expressions can only begin with a lower-case letter or digit (where \\b may replace the look-behind)', () => {
    for (const source of ['virus', '(?:call|dial) now', '\\b\\d{1,6} x', '^(?:how|what) ?', 'a?b', '[a-c0-9]x', '(?!no)yes']) {
      expect(startsWithWordCharacter(source), source).toBe(true);
    }
    for (const source of ['', 'a?', ' virus', 'ウイルス', '\\w+', '[a-z_]x', 'A', '.x', '(?:a|-)b', '[0-z]']) {
      expect(startsWithWordCharacter(source), source).toBe(false);
    }
  });

  it('rejects syntax outside the subset when the rules are loaded', () => {
    expect(() => parseRegex('(?<x')).toThrow();
    expect(() => parseRegex('a)')).toThrow();
    expect(() => parseRegex('[ab')).toThrow();
    expect(() => parseRegex('\\p{L}')).toThrow();
    expect(() => parseRegex('\\1')).toThrow();
    expect(() => parseRegex('*a')).toThrow();
    expect(() => parseRegex('{2}')).toThrow();
    expect(() => new RuleAutomaton([{ source: 'a', id: -1 }])).toThrow();
    expect(() => new RuleAutomaton([{ source: '(?:a{1,1000}){1,1000}', id: 0 }])).toThrow(/too large/);
    const small = new RuleAutomaton([{ source: 'a', id: 0 }]);
    expect(() => small.scan('a'.repeat(small.maxScanLength + 1))).toThrow(RangeError);
  });

  it('keeps reporting correctly past a thousand different sets of matches', () => {
    // "a12 a34 :" ends a match of the alternatives for 12 and 34 at the same place: every pair
    // is a new set of matches, more than the packed form of a transition holds.
    const numbers = Array.from({ length: 50 }, (_, n) => n + 10);
    const automaton = new RuleAutomaton(numbers.map((n) => ({ source: `a${n}[^:]*:`, id: n })));
    let pairs = 0;
    for (const a of numbers) {
      for (const b of numbers) {
        if (b <= a) continue;
        expect(automaton.scan(`a${a} a${b} :`).sort((x, y) => x - y)).toEqual([a, b]);
        pairs += 1;
      }
    }
    expect(pairs).toBeGreaterThan(1024);
  });

  it('keeps its tables bounded on endless new text', () => {
    const automaton = new RuleAutomaton([{ source: '\\w{1,24} ?(?:\\w{1,24} ){0,2}alert', id: 0 }, { source: 'ab[^ ]{0,9}c', id: 1 }]);
    const random = fc.sample(fc.string({ unit: 'grapheme', minLength: 200, maxLength: 400 }), 300);
    for (const text of random) automaton.scan(text);
    expect(automaton.stateCount).toBeLessThanOrEqual(20_000 + 401);
    expect(automaton.scan('x ab123c y').sort()).toEqual([1]);
  });
});

/** Title-scope rule alternatives, anchored as the matcher anchors them. */
function titleTables(kind: RuleBookKind) {
  const book = new RuleBook(kind);
  const sets = [BRANDS, THREATS, ALARMS, URGENCY, GUARDS].map((rules) => compileRules<{ readonly id: string; readonly pattern: string }>(rules, 'title', book));
  return { book, sets };
}

describe('rule automaton in the matcher', () => {
  const automaton = titleTables('automaton');
  const literals = titleTables('literals');
  const rulesFound = (tables: ReturnType<typeof titleTables>, skeleton: string): string[][] => {
    const scan = tables.book.scan(skeleton);
    return tables.sets.map((set) => matchRules(set, skeleton, hasNonAscii(skeleton), scan).map((rule) => rule.id));
  };

  it('finds the same rules as the literal index and regexes on every corpus title', () => {
    let matched = 0;
    for (const skeleton of corpusSkeletons) {
      const found = rulesFound(automaton, skeleton);
      expect(found, skeleton).toEqual(rulesFound(literals, skeleton));
      matched += found.flat().length;
    }
    expect(matched).toBeGreaterThan(1000);
  });

  it('finds the same rules on random text built from corpus words, rule words and odd characters', () => {
    const words = [...new Set(corpusSkeletons.flatMap((skeleton) => skeleton.split(' ')))].filter((word) => word !== '');
    const piece = fc.oneof(
      fc.constantFrom(...words),
      fc.constantFrom('virus', 'wlndows', 'call', 'now', 'support', 'ウイルス', 'が', '検出', '感染', 'r', 'q', 'how', 'is', '1', '0x', '警告', 'é', '\u0000'),
      fc.string({ unit: 'binary', maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), fc.boolean(), (parts, spaced) => {
        const skeleton = parts.join(spaced ? ' ' : '');
        expect(rulesFound(automaton, skeleton)).toEqual(rulesFound(literals, skeleton));
      }),
      { numRuns: 3000 },
    );
  });
});
