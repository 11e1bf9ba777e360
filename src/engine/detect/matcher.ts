/**
 * Rule tables → regular expressions, compiled once when the detector module loads, and matched
 * behind the literal prefilter (literal-index.ts): one pass over a text finds the few rules
 * whose required literals occur, and only their regexes run.
 */
import { LiteralIndex, type Candidates } from './literal-index.js';
import { foldLetters, hasNonAscii } from './normalize.js';
import { requiredLiterals } from './required-literals.js';
import type { RuleScope } from './rules/types.js';

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
  /** Latin-script alternatives with required literals, anchored at a word start. */
  readonly latinRe: RegExp | undefined;
  /** Alternatives with required literals that need Japanese (non-ASCII) text. */
  readonly cjkRe: RegExp | undefined;
  /** Alternatives without required literals ("^q ", "\br\s[a-z0-9]+$"): tried on every text. */
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
}

/**
 * Numbers the rules of several tables and collects their required literals, so that one
 * prefilter pass over a text (RuleBook.scan) serves every table compiled with it.
 */
export class RuleBook {
  private readonly literals: (readonly string[])[] = [];
  private index: LiteralIndex | undefined;

  /** Registers one rule by its required literals; returns its number. */
  register(literals: readonly string[]): number {
    if (this.index !== undefined) throw new Error('rule book already sealed: register every table first');
    this.literals.push(literals);
    return this.literals.length - 1;
  }

  /** Ends registration and builds the index; call once, after every table is compiled. */
  seal(): this {
    this.index = new LiteralIndex(this.literals);
    return this;
  }

  /** The rules whose literals occur in `skeleton`. */
  scan(skeleton: string): Candidates {
    if (this.index === undefined) throw new Error('rule book not sealed');
    return this.index.candidates(skeleton);
  }
}

const MANDATORY_SPACE = '\u0001';
/** "At the start of a word" for skeleton text (lower case, no punctuation, no "_"). */
const WORD_START = '(?<![a-z0-9])';

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
  // An optional space (" ?") goes with its space: left behind, its "?" would make the token before it optional.
  return foldLetters(pattern).replace(/ \?/g, '').replace(/ /g, '').replace(/\\b/g, '').replace(/\\d\+/g, '\\d{1,6}');
}

function inScope(ruleScope: RuleScope | undefined, wanted: 'title' | 'text'): boolean {
  const scope = ruleScope ?? 'both';
  return scope === 'both' || scope === wanted;
}

function joinSources(sources: readonly string[]): RegExp | undefined {
  return sources.length === 0 ? undefined : new RegExp(sources.map((s) => `(?:${s})`).join('|'));
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

/**
 * Compiles the rules of `rules` that apply to `scope`, numbering them in `book`. Throws at load
 * time on a bad pattern. Latin-script alternatives only match from the start of a word: that
 * keeps "antivirus" from reading as "virus". Alternatives with Japanese characters are only
 * tried on text that has any.
 */
export function compileRules<R extends MatchableRule>(rules: readonly R[], scope: 'title' | 'text', book: RuleBook): RuleSet<R> {
  const compactSources: string[] = [];
  const compiled = rules
    .filter((rule) => inScope(rule.scope, scope))
    .map((rule): CompiledRule<R> => {
      const alternatives = topLevelAlternatives(rule.pattern).map((a) => {
        const source = compilePattern(a);
        const japanese = hasNonAscii(a);
        return { japanese, source: japanese ? source : `${WORD_START}(?:${source})`, literals: requiredLiterals(source) };
      });
      const indexed = alternatives.filter((a) => a.literals !== undefined);
      const always = alternatives.filter((a) => a.literals === undefined);
      const sources = (list: typeof alternatives, japanese: boolean): string[] => list.filter((a) => a.japanese === japanese).map((a) => a.source);
      const compact = scope === 'text' && rule.compact !== false ? compactPattern(rule.pattern) : undefined;
      if (compact !== undefined) compactSources.push(compact);
      return {
        rule,
        number: book.register(indexed.flatMap((a) => a.literals ?? [])),
        latinRe: joinSources(sources(indexed, false)),
        cjkRe: joinSources(sources(indexed, true)),
        latinAlwaysRe: joinSources(sources(always, false)),
        cjkAlwaysRe: joinSources(sources(always, true)),
        compactRe: compact === undefined ? undefined : new RegExp(compact),
      };
    });
  return { rules: compiled, anyCompact: joinSources(compactSources) };
}

function ruleMatches<R>(entry: CompiledRule<R>, skeleton: string, nonAscii: boolean, candidates: Candidates): boolean {
  if (candidates[entry.number] === 1) {
    if (entry.latinRe?.test(skeleton) === true || (nonAscii && entry.cjkRe?.test(skeleton) === true)) return true;
  }
  return entry.latinAlwaysRe?.test(skeleton) === true || (nonAscii && entry.cjkAlwaysRe?.test(skeleton) === true);
}

/** Everything true of one text that matching needs (see RuleBook.scan and skeletonFacts). */
export interface ScannedText {
  readonly skeleton: string;
  readonly nonAscii: boolean;
  readonly candidates: Candidates;
  /** Space-less form of page text (OCR splits words); undefined for titles. */
  readonly compact: string | undefined;
}

/** Rules of `set` that match the text, in the set's order. */
export function matchRules<R>(set: RuleSet<R>, text: ScannedText): R[] {
  const { skeleton, nonAscii, candidates, compact } = text;
  // Page text whose space-less form matches some rule: every rule is tried on that form too.
  const squeezed = compact !== undefined && (set.anyCompact?.test(compact) ?? false);
  const hits: R[] = [];
  for (const entry of set.rules) {
    if (ruleMatches(entry, skeleton, nonAscii, candidates) || (squeezed && entry.compactRe?.test(compact) === true)) hits.push(entry.rule);
  }
  return hits;
}
