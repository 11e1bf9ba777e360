/**
 * Compiles rule tables once, at module load, into regular expressions, and matches them.
 * Each table also gets combined expressions, so text that matches nothing (most titles)
 * costs one scan per table.
 */
import { foldLetters } from './normalize.js';
import type { RuleScope } from './rules/types.js';

/** What the matcher needs of a rule. */
export interface MatchableRule {
  readonly pattern: string;
  readonly scope?: RuleScope;
  readonly compact?: boolean;
}

interface CompiledRule<R> {
  readonly rule: R;
  /** The rule's Latin-script alternatives, anchored at a word start. */
  readonly latinRe: RegExp | undefined;
  /** The rule's alternatives that need Japanese (non-ASCII) text. */
  readonly cjkRe: RegExp | undefined;
  /** For space-less OCR text; undefined when the rule opts out. */
  readonly compactRe: RegExp | undefined;
}

/** A few rules with their own combined expressions, so a match is narrowed down cheaply. */
interface RuleChunk<R> {
  readonly latinAny: RegExp | undefined;
  readonly cjkAny: RegExp | undefined;
  readonly rules: readonly CompiledRule<R>[];
}

/** A compiled table for one scope. */
export interface RuleSet<R> {
  /** Every Latin-script rule in one expression, anchored at word starts. */
  readonly latinAny: RegExp | undefined;
  /** Every rule that needs Japanese text, in one expression. */
  readonly cjkAny: RegExp | undefined;
  readonly anyCompact: RegExp | undefined;
  readonly rules: readonly CompiledRule<R>[];
  readonly chunks: readonly RuleChunk<R>[];
}

const CHUNK_SIZE = 8;

const MANDATORY_SPACE = '\u0001';
const NON_ASCII = /[^\t\n\r\x20-\x7e]/;
/**
 * "At the start of a word" for skeleton text (lower case, no punctuation). Written as a
 * lookbehind rather than `\b` because V8 rejects positions much faster this way (measured 2x).
 */
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
  return foldLetters(pattern).replace(/ /g, '').replace(/\\b/g, '').replace(/\\d\+/g, '\\d{1,6}');
}

function inScope(ruleScope: RuleScope | undefined, wanted: 'title' | 'text'): boolean {
  const scope = ruleScope ?? 'both';
  return scope === 'both' || scope === wanted;
}

function joinSources(sources: readonly string[], prefix = ''): RegExp | undefined {
  return sources.length === 0 ? undefined : new RegExp(`${prefix}(?:${sources.map((s) => `(?:${s})`).join('|')})`);
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
 * Compiles the rules of `rules` that apply to `scope`. Throws at load time on a bad pattern.
 * Latin-script alternatives only match from the start of a word (`\b`): that keeps
 * "antivirus" from reading as "virus", and lets the engine skip most positions of a title
 * quickly. Alternatives with Japanese characters are only tried on text that has any.
 */
export function compileRules<R extends MatchableRule>(rules: readonly R[], scope: 'title' | 'text'): RuleSet<R> {
  const latinSources: string[] = [];
  const cjkSources: string[] = [];
  const compactSources: string[] = [];
  const compiled: CompiledRule<R>[] = rules
    .filter((rule) => inScope(rule.scope, scope))
    .map((rule) => {
      const alternatives = topLevelAlternatives(rule.pattern);
      const latin = alternatives.filter((a) => !NON_ASCII.test(a)).map(compilePattern);
      const cjk = alternatives.filter((a) => NON_ASCII.test(a)).map(compilePattern);
      const compact = scope === 'text' && rule.compact !== false ? compactPattern(rule.pattern) : undefined;
      if (latin.length > 0) latinSources.push(...latin);
      if (cjk.length > 0) cjkSources.push(...cjk);
      if (compact !== undefined) compactSources.push(compact);
      return {
        rule,
        latinRe: latin.length === 0 ? undefined : new RegExp(`${WORD_START}(?:${latin.join('|')})`),
        cjkRe: cjk.length === 0 ? undefined : new RegExp(cjk.join('|')),
        compactRe: compact === undefined ? undefined : new RegExp(compact),
      };
    });
  const chunks: RuleChunk<R>[] = [];
  for (let i = 0; i < compiled.length; i += CHUNK_SIZE) {
    const part = compiled.slice(i, i + CHUNK_SIZE);
    chunks.push({
      rules: part,
      latinAny: joinSources(part.flatMap((c) => (c.latinRe === undefined ? [] : [c.latinRe.source]))),
      cjkAny: joinSources(part.flatMap((c) => (c.cjkRe === undefined ? [] : [c.cjkRe.source]))),
    });
  }
  return {
    rules: compiled,
    chunks,
    latinAny: joinSources(latinSources, WORD_START),
    cjkAny: joinSources(cjkSources),
    anyCompact: joinSources(compactSources),
  };
}

/** True when text has Japanese (or other non-ASCII) characters worth the Japanese rules. */
export function hasNonAscii(text: string): boolean {
  return NON_ASCII.test(text);
}

/** Whether any rule of `set` matches, without per-rule work: the cheap first look. */
export function anyRuleMatches<R>(set: RuleSet<R>, skeleton: string, nonAscii: boolean): boolean {
  return (set.latinAny?.test(skeleton) ?? false) || (nonAscii && (set.cjkAny?.test(skeleton) ?? false));
}

/**
 * Rules of `set` that match `skeleton` (or, for page text, its space-less form `compact`).
 * `nonAscii` says whether the text has non-ASCII characters (see hasNonAscii).
 */
export function matchRules<R>(set: RuleSet<R>, skeleton: string, nonAscii: boolean, compact?: string): R[] {
  const latin = set.latinAny?.test(skeleton) ?? false;
  const cjk = nonAscii && (set.cjkAny?.test(skeleton) ?? false);
  const squeezed = compact !== undefined && (set.anyCompact?.test(compact) ?? false);
  if (!latin && !cjk && !squeezed) return [];
  const hits: R[] = [];
  if (squeezed) {
    // Page text: the space-less form may match where the spaced one does not; check every rule.
    for (const entry of set.rules) if (ruleMatches(entry, latin, cjk, skeleton) || entry.compactRe?.test(compact ?? '') === true) hits.push(entry.rule);
    return hits;
  }
  for (const chunk of set.chunks) {
    const chunkLatin = latin && (chunk.latinAny?.test(skeleton) ?? false);
    const chunkCjk = cjk && (chunk.cjkAny?.test(skeleton) ?? false);
    if (!chunkLatin && !chunkCjk) continue;
    for (const entry of chunk.rules) if (ruleMatches(entry, chunkLatin, chunkCjk, skeleton)) hits.push(entry.rule);
  }
  return hits;
}

function ruleMatches<R>(entry: CompiledRule<R>, latin: boolean, cjk: boolean, skeleton: string): boolean {
  return (latin && entry.latinRe !== undefined && entry.latinRe.test(skeleton)) || (cjk && entry.cjkRe !== undefined && entry.cjkRe.test(skeleton));
}
