/**
 * Compiles rule tables once, at module load, into regular expressions, and matches them.
 * Each table also gets one combined expression, so text that matches nothing (most titles)
 * costs a single scan per table.
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
  readonly re: RegExp;
  /** For space-less OCR text; undefined when the rule opts out. */
  readonly compactRe: RegExp | undefined;
}

/** A compiled table for one scope. */
export interface RuleSet<R> {
  readonly any: RegExp | undefined;
  readonly anyCompact: RegExp | undefined;
  readonly rules: readonly CompiledRule<R>[];
}

const MANDATORY_SPACE = '\u0001';

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

/** Compiles the rules of `rules` that apply to `scope`. Throws at load time on a bad pattern. */
export function compileRules<R extends MatchableRule>(rules: readonly R[], scope: 'title' | 'text'): RuleSet<R> {
  const compiled = rules
    .filter((rule) => inScope(rule.scope, scope))
    .map((rule) => {
      const compact = scope === 'text' && rule.compact !== false ? compactPattern(rule.pattern) : undefined;
      return { rule, re: new RegExp(compilePattern(rule.pattern)), compactRe: compact === undefined ? undefined : new RegExp(compact) };
    });
  const join = (sources: readonly string[]): RegExp | undefined =>
    sources.length === 0 ? undefined : new RegExp(sources.map((s) => `(?:${s})`).join('|'));
  return {
    rules: compiled,
    any: join(compiled.map((c) => c.re.source)),
    anyCompact: join(compiled.flatMap((c) => (c.compactRe ? [c.compactRe.source] : []))),
  };
}

/** Rules of `set` that match `skeleton` (or, for page text, its space-less form `compact`). */
export function matchRules<R>(set: RuleSet<R>, skeleton: string, compact?: string): R[] {
  const direct = set.any !== undefined && set.any.test(skeleton);
  const squeezed = compact !== undefined && set.anyCompact !== undefined && set.anyCompact.test(compact);
  if (!direct && !squeezed) return [];
  const hits: R[] = [];
  for (const { rule, re, compactRe } of set.rules) {
    if ((direct && re.test(skeleton)) || (squeezed && compactRe !== undefined && compactRe.test(compact ?? ''))) {
      hits.push(rule);
    }
  }
  return hits;
}
