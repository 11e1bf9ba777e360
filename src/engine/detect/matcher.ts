/**
 * Compiles rule tables once, at module load, into regular expressions, and matches them.
 * A RuleBook finds what matches in one pass over a text, one of two ways:
 * - `automaton`: every rule alternative in one lazily built DFA (automaton/), which says which
 *   rules match outright (the one look-ahead it cannot model is confirmed by the rule's regex).
 *   For titles: short, and met again and again, so the DFA's transitions are soon all known and
 *   a title costs a table lookup per character.
 * - `literals`: an index of the rules' required literals finds the few rules that could match,
 *   and only their regexes run. For page text: long and new every time, where building DFA
 *   states would cost more than the regexes.
 */
import { RuleAutomaton, type AutomatonInput } from './automaton/automaton.js';
import { startsWithWordCharacter } from './automaton/syntax.js';
import { isCandidate, LiteralIndex, type Candidates } from './literal-index.js';
import { foldLetters, hasNonAscii } from './normalize.js';
import { requiredLiterals } from './required-literals.js';
import { sortNumbers } from './sort-numbers.js';
import type { RuleScope } from './rules/types.js';

export type { Candidates } from './literal-index.js';

/** What the matcher needs of a rule. */
export interface MatchableRule {
  readonly pattern: string;
  readonly scope?: RuleScope;
  readonly compact?: boolean;
}

interface CompiledRule<R> {
  readonly rule: R;
  /** The rule's number in its rule book (index into Candidates). */
  readonly number: number;
  /** The rule's Latin-script alternatives that have required literals, anchored at a word start. */
  readonly latinRe: RegExp | undefined;
  /** The rule's alternatives with required literals that need Japanese (non-ASCII) text. */
  readonly cjkRe: RegExp | undefined;
  /**
   * Alternatives without required literals ("^q ", "\br\s[a-z0-9]+$"), tried on every text
   * (Latin ones anchored at a word start; Japanese ones only on non-ASCII text).
   */
  readonly latinAlwaysRe: RegExp | undefined;
  readonly cjkAlwaysRe: RegExp | undefined;
  /** For space-less OCR text; undefined when the rule opts out. */
  readonly compactRe: RegExp | undefined;
}

/** A compiled table for one scope. */
export interface RuleSet<R> {
  /** Every space-less (page text) rule in one expression. */
  readonly anyCompact: RegExp | undefined;
  readonly rules: readonly CompiledRule<R>[];
  /** The rules' numbers are first, first + 1, …: a set is one run of its book's numbers. */
  readonly first: number;
  /** Bit set (as Candidates) of the rules with alternatives tried on every text. */
  readonly alwaysTried: Candidates;
}

/** What a rule book found in one text (see RuleBook.scan). */
export type BookScan =
  /** Automaton: `rule * 2 + (Japanese alternative ? 1 : 0)` of every alternative that matched. */
  | { readonly kind: 'matched'; readonly ids: readonly number[]; readonly confirm: ReadonlySet<number> }
  /** Literal index: the rules that may match (their regexes decide). */
  | { readonly kind: 'candidates'; readonly candidates: Candidates };

/** One alternative of a rule as the automaton takes it: regex source, anchored as the regexes are. */
export interface RuleAlternative {
  readonly source: string;
  readonly japanese: boolean;
}

export type RuleBookKind = 'automaton' | 'literals';

/**
 * Numbers the rules of several tables and collects what it needs of them (alternatives or
 * required literals), so that one pass over a text (RuleBook.scan) serves every table compiled
 * with it. Built on first use: register every table before.
 */
export class RuleBook {
  private rules = 0;
  private readonly literals: (readonly string[])[] = [];
  private readonly alternatives: AutomatonInput[] = [];
  private index: LiteralIndex | undefined;
  private automaton: RuleAutomaton | undefined;

  constructor(readonly kind: RuleBookKind) {}

  /**
   * Registers one rule by its alternatives and its required literals (see requiredLiterals);
   * returns its number.
   */
  register(alternatives: readonly RuleAlternative[], literals: readonly string[]): number {
    if (this.index !== undefined || this.automaton !== undefined) throw new Error('rule book already in use: register every table first');
    const rule = this.rules;
    this.rules += 1;
    if (this.kind === 'literals') this.literals.push(literals);
    else for (const { source, japanese } of alternatives) this.alternatives.push({ source, id: rule * 2 + (japanese ? 1 : 0) });
    return rule;
  }

  /** Whether rules registered here need their required literals (only a literal index uses them). */
  get usesLiterals(): boolean {
    return this.kind === 'literals';
  }

  /** What the book's rules say about `skeleton`. */
  scan(skeleton: string): BookScan {
    if (this.kind === 'automaton') {
      this.automaton ??= new RuleAutomaton(this.alternatives);
      return { kind: 'matched', ids: this.automaton.scan(skeleton), confirm: this.automaton.needsConfirming };
    }
    this.index ??= new LiteralIndex(this.literals);
    return { kind: 'candidates', candidates: this.index.candidates(skeleton) };
  }
}

const MANDATORY_SPACE = '\u0001';
/**
 * "At the start of a word" for skeleton text (lower case, no punctuation, no "_"). Alternatives
 * that provably begin with a letter or digit use `\b`, which V8 checks faster (a third less time
 * for a big alternation that fails, measured); others need the lookbehind.
 */
const WORD_START = '(?<![a-z0-9])';
const WORD_BOUNDARY = '\\b';

/**
 * Turns a rule pattern into regex source (see rules/types.ts for the convention). Open-ended
 * repeats are bounded and a space after a word wildcard stays mandatory, so no pattern can
 * backtrack badly on hostile text (a 20 kB single "word", say).
 */
export function compilePattern(pattern: string): string {
  return foldLetters(pattern)
    .replace(/\\w\+ /g, `\\w{1,24}${MANDATORY_SPACE}`)
    .replace(/\\w\* /g, `\\w{0,24}${MANDATORY_SPACE}`)
    .replace(/\\w\+/g, '\\w{1,24}')
    .replace(/\\w\*/g, '\\w{0,24}')
    .replace(/\\d\+/g, '\\d{1,6}')
    .replace(/ /g, ' ?')
    .split(MANDATORY_SPACE)
    .join(' ');
}

/**
 * The same pattern for text with spaces removed (no spaces, no word boundaries). Rules with
 * word wildcards are not tried there: in space-less text a wildcard could span everything.
 */
function compactPattern(pattern: string): string | undefined {
  if (pattern.includes('\\w')) return undefined;
  return foldLetters(pattern).replace(/ /g, '').replace(/\\b/g, '').replace(/\\d\+/g, '\\d{1,6}');
}

function inScope(ruleScope: RuleScope | undefined, wanted: 'title' | 'text'): boolean {
  const scope = ruleScope ?? 'both';
  return scope === 'both' || scope === wanted;
}

function joinSources(sources: readonly string[]): RegExp | undefined {
  return sources.length === 0 ? undefined : new RegExp(sources.length === 1 ? (sources[0] ?? '') : sources.map((s) => `(?:${s})`).join('|'));
}

/**
 * Splits a pattern at its top-level `|` (outside groups and character classes), so a rule that
 * lists "microsoft|マイクロソフト" can be tried as two halves.
 */
export function topLevelAlternatives(pattern: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let current = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const c = pattern.charAt(i);
    if (c === '\\') {
      current += c + pattern.charAt(i + 1);
      i += 1;
      continue;
    }
    if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth += 1;
    else if (c === ')') depth -= 1;
    else if (c === '|' && depth === 0) {
      parts.push(current);
      current = '';
      continue;
    }
    current += c;
  }
  parts.push(current);
  return parts;
}

const NO_LITERALS: readonly string[] = [];

/** Required literals and anchors by compiled source: title and page-text tables share most rules. */
const literalsBySource = new Map<string, string[] | undefined>();
const anchorBySource = new Map<string, string>();

function literalsOf(source: string): string[] | undefined {
  if (!literalsBySource.has(source)) literalsBySource.set(source, requiredLiterals(source));
  return literalsBySource.get(source);
}

/** How a Latin alternative is held to the start of a word (see WORD_START). */
function anchorOf(source: string): string {
  let anchor = anchorBySource.get(source);
  if (anchor === undefined) {
    anchor = startsWithWordCharacter(source) ? WORD_BOUNDARY : WORD_START;
    anchorBySource.set(source, anchor);
  }
  return anchor;
}

/**
 * Compiles the rules of `rules` that apply to `scope`, numbering them in `book`. Throws at load
 * time on a bad pattern. Latin-script alternatives only match from the start of a word: that
 * keeps "antivirus" from reading as "virus". Alternatives with Japanese characters are only
 * tried on text that has any.
 */
export function compileRules<R extends MatchableRule>(rules: readonly R[], scope: 'title' | 'text', book: RuleBook): RuleSet<R> {
  const compactSources: string[] = [];
  const compiled: CompiledRule<R>[] = rules
    .filter((rule) => inScope(rule.scope, scope))
    .map((rule) => {
      const alternatives = topLevelAlternatives(rule.pattern).map((a) => {
        const source = compilePattern(a);
        const japanese = hasNonAscii(a);
        // Latin alternatives match only from the start of a word (see WORD_START).
        const anchored = japanese ? source : `${anchorOf(source)}(?:${source})`;
        // An automaton book needs no literals: every alternative is then "indexed" (none tried apart).
        return { japanese, source: anchored, literals: book.usesLiterals ? literalsOf(source) : NO_LITERALS };
      });
      const indexed = alternatives.filter((a) => a.literals !== undefined);
      const always = alternatives.filter((a) => a.literals === undefined);
      const sources = (list: typeof alternatives, japanese: boolean): string[] => list.filter((a) => a.japanese === japanese).map((a) => a.source);
      const compact = scope === 'text' && rule.compact !== false ? compactPattern(rule.pattern) : undefined;
      if (compact !== undefined) compactSources.push(compact);
      return {
        rule,
        number: book.register(alternatives, indexed.flatMap((a) => a.literals ?? [])),
        latinRe: joinSources(sources(indexed, false)),
        cjkRe: joinSources(sources(indexed, true)),
        latinAlwaysRe: joinSources(sources(always, false)),
        cjkAlwaysRe: joinSources(sources(always, true)),
        compactRe: compact === undefined ? undefined : new RegExp(compact),
      };
    });
  if (compiled.some((entry, i) => entry.number !== (compiled[0]?.number ?? 0) + i)) throw new Error('rule numbers of a set must be consecutive');
  return {
    rules: compiled,
    anyCompact: joinSources(compactSources),
    first: compiled[0]?.number ?? 0,
    alwaysTried: compiled.reduce<number[]>((words, entry) => {
      if (entry.latinAlwaysRe === undefined && entry.cjkAlwaysRe === undefined) return words;
      while (words.length <= entry.number >> 4) words.push(0);
      words[entry.number >> 4] = (words[entry.number >> 4] ?? 0) | (1 << (entry.number & 15));
      return words;
    }, []),
  };
}

/**
 * Rules of `set` that match `skeleton` (or, for page text, its space-less form `compact`), in
 * the set's order. `nonAscii` says whether the text has non-ASCII characters (see hasNonAscii);
 * `scan` is what the set's RuleBook found in this skeleton.
 */
export function matchRules<R>(set: RuleSet<R>, skeleton: string, nonAscii: boolean, scan: BookScan, compact?: string): R[] {
  const hits: R[] = [];
  const squeezed = compact !== undefined && (set.anyCompact?.test(compact) ?? false);
  if (squeezed) {
    for (const entry of set.rules) {
      // Page text whose space-less form matches: every rule is tried on that form as well.
      const onSkeleton = scan.kind === 'candidates' ? ruleMatches(entry, skeleton, nonAscii, scan.candidates) : matchesAnywhere(entry, skeleton, nonAscii);
      if (onSkeleton || entry.compactRe?.test(compact ?? '') === true) hits.push(entry.rule);
    }
    return hits;
  }
  if (scan.kind === 'matched') return matchedRules(set, skeleton, nonAscii, scan.ids, scan.confirm);
  const candidates = scan.candidates;
  // Only the candidates' bits (and rules tried on every text), lowest (first rule) first: most
  // rules of a set are skipped unseen.
  const first = set.first;
  const end = first + set.rules.length;
  for (let word = first >> 4; word <= (end - 1) >> 4; word += 1) {
    let bits = (candidates[word] ?? 0) | (set.alwaysTried[word] ?? 0);
    while (bits !== 0) {
      const lowest = bits & -bits;
      bits ^= lowest;
      const number = (word << 4) + 31 - Math.clz32(lowest);
      if (number < first || number >= end) continue;
      const entry = set.rules[number - first] as CompiledRule<R>;
      if (ruleMatches(entry, skeleton, nonAscii, candidates)) hits.push(entry.rule);
    }
  }
  return hits;
}

/**
 * The rules of `set` among the automaton's matched alternatives `ids` (see BookScan), in the
 * set's order. Japanese alternatives count only in non-ASCII text, as with the regexes; an
 * alternative with a look-around the automaton could not model is confirmed by its regex.
 */
function matchedRules<R>(set: RuleSet<R>, skeleton: string, nonAscii: boolean, ids: readonly number[], confirm: ReadonlySet<number>): R[] {
  const first = set.first;
  const end = first + set.rules.length;
  const found: number[] = [];
  for (const id of ids) {
    const number = id >> 1;
    if (number < first || number >= end || includes(found, number)) continue;
    const japanese = (id & 1) === 1;
    if (japanese && !nonAscii) continue;
    const entry = set.rules[number - first] as CompiledRule<R>;
    if (confirm.has(id) && !(japanese ? matchesJapanese(entry, skeleton) : matchesLatin(entry, skeleton))) continue;
    found.push(number);
  }
  if (found.length > 1) sortNumbers(found);
  const rules: R[] = [];
  for (const number of found) rules.push((set.rules[number - first] as CompiledRule<R>).rule);
  return rules;
}

/** Array.prototype.includes for a short list of numbers, without the builtin call. */
function includes(numbers: readonly number[], value: number): boolean {
  for (let i = 0; i < numbers.length; i += 1) if (numbers[i] === value) return true;
  return false;
}

function matchesLatin<R>(entry: CompiledRule<R>, skeleton: string): boolean {
  return entry.latinRe?.test(skeleton) === true || entry.latinAlwaysRe?.test(skeleton) === true;
}

function matchesJapanese<R>(entry: CompiledRule<R>, skeleton: string): boolean {
  return entry.cjkRe?.test(skeleton) === true || entry.cjkAlwaysRe?.test(skeleton) === true;
}

/** Whether any alternative of the rule matches anywhere in `skeleton`, candidates or not. */
function matchesAnywhere<R>(entry: CompiledRule<R>, skeleton: string, nonAscii: boolean): boolean {
  return matchesLatin(entry, skeleton) || (nonAscii && matchesJapanese(entry, skeleton));
}

function ruleMatches<R>(entry: CompiledRule<R>, skeleton: string, nonAscii: boolean, candidates: Candidates): boolean {
  if (isCandidate(candidates, entry.number)) {
    if (entry.latinRe?.test(skeleton) === true || (nonAscii && entry.cjkRe?.test(skeleton) === true)) return true;
  }
  return entry.latinAlwaysRe?.test(skeleton) === true || (nonAscii && entry.cjkAlwaysRe?.test(skeleton) === true);
}
