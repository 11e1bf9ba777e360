/**
 * Required literals of a regular expression: a small set of strings such that any text the
 * expression matches contains at least one of them. The matcher uses them as a prefilter for
 * page text (one pass over the text finds which rules could match at all) and runs only those
 * rules' regexes.
 *
 * Sound by construction: when a part of the expression gives no guarantee (a class, `\w`, an
 * optional part, a look-around) it contributes nothing, and when no guarantee is left for the
 * whole expression the answer is `undefined`: the rule is then always tried.
 *
 * Works on the syntax tree of automaton/syntax.ts (the rule tables' subset of regex syntax).
 */
import { parseRegex, type Node } from './automaton/syntax.js';

/** Largest set of exact strings kept for a part of the expression before giving up on it. */
const EXACT_LIMIT = 48;
/** Shortest literal the prefilter index can look up. */
export const MIN_LITERAL_LENGTH = 2;

/** What is known about a part of an expression. */
interface PartInfo {
  /** Every string the part can match, when that set is small and finite. */
  readonly exact: readonly string[] | undefined;
  /** Strings at least one of which every match of the part contains. */
  readonly must: readonly string[] | undefined;
}

const ZERO_WIDTH: PartInfo = { exact: [''], must: undefined };
const ANYTHING: PartInfo = { exact: undefined, must: undefined };

/**
 * What is known about `node`. A group's body or a branch counts as a sequence (concatenate) even
 * when it has one item, which keeps a one-character part's guarantee out of the answer.
 */
function infoOf(node: Node): PartInfo {
  switch (node.kind) {
    case 'chars': {
      const [from, to] = node.set;
      if (node.set.length !== 2 || from !== to || from === undefined) return ANYTHING;
      const char = String.fromCharCode(from);
      return { exact: [char], must: [char] };
    }
    case 'sequence':
      return concatenate(node.items.map(infoOf));
    case 'choice':
      return union(node.options.map(asSequence));
    case 'repeat':
      return repeated(asSequence(node.item), node.min, node.max);
    default:
      return ZERO_WIDTH; // assertions and look-arounds match no characters
  }
}

function asSequence(node: Node): PartInfo {
  return node.kind === 'sequence' ? infoOf(node) : concatenate([infoOf(node)]);
}

function repeated(part: PartInfo, min: number, max: number): PartInfo {
  if (max === 0) return ZERO_WIDTH;
  if (min === 0) return max === 1 && part.exact !== undefined ? { exact: dedupe([...part.exact, '']), must: undefined } : ANYTHING;
  if (min === 1 && max === 1) return part;
  return { exact: undefined, must: part.must };
}

function dedupe(strings: readonly string[]): string[] {
  return [...new Set(strings)];
}

function union(branches: readonly PartInfo[]): PartInfo {
  let exact: string[] | undefined = [];
  let must: string[] | undefined = [];
  for (const branch of branches) {
    exact = exact === undefined || branch.exact === undefined ? undefined : exact.concat(branch.exact);
    must = must === undefined || branch.must === undefined ? undefined : must.concat(branch.must);
  }
  if (exact !== undefined) exact = dedupe(exact);
  if (exact !== undefined && exact.length > EXACT_LIMIT) exact = undefined;
  return { exact, must: must === undefined ? undefined : minimal(must) };
}

/**
 * A sequence: runs of parts with exact sets are multiplied out into longer exact strings (each
 * run is contiguous in any match, so one of its strings must appear); the best guarantee of any
 * run or any other part is the sequence's guarantee.
 */
function concatenate(parts: readonly PartInfo[]): PartInfo {
  const candidates: (readonly string[])[] = [];
  let run: string[] | undefined = [''];
  let wholeIsExact = true;
  for (const part of parts) {
    if (part.exact === undefined) {
      wholeIsExact = false;
      if (run !== undefined) candidates.push(run);
      run = undefined;
      if (part.must !== undefined) candidates.push(part.must);
      continue;
    }
    // A part on its own is a guarantee too, often a cheaper one than the whole run.
    if (part.must !== undefined && usable(part.must)) candidates.push(part.must);
    if (run === undefined) {
      run = [...part.exact];
      continue;
    }
    // Before a choice (an alternation, an optional part), the run so far is a guarantee of its own.
    if (part.exact.length > 1) candidates.push(run);
    const product = dedupe(run.flatMap((left) => (part.exact ?? []).map((right) => left + right)));
    if (product.length > EXACT_LIMIT) {
      wholeIsExact = false;
      candidates.push(run);
      run = [...part.exact];
    } else run = product;
  }
  if (run !== undefined) candidates.push(run);
  const must = best(candidates);
  return { exact: wholeIsExact ? run : undefined, must };
}

/** True when every string of the set is long enough to look up. */
function usable(strings: readonly string[]): boolean {
  if (strings.length === 0) return false;
  for (const s of strings) if (s.length < MIN_LITERAL_LENGTH) return false;
  return true;
}

/** Drops strings that contain another string of the set (the shorter one always appears too). */
function minimal(strings: readonly string[]): string[] {
  const unique = dedupe(strings).sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const s of unique) if (!kept.some((k) => s.includes(k))) kept.push(s);
  return kept;
}

/**
 * The cheapest usable set to look for: every string is one more comparison at each position
 * where its first two characters occur, and a short string occurs (and so sends its rule to the
 * regex) more often. Beyond five characters length hardly matters.
 */
function best(candidates: readonly (readonly string[])[]): string[] | undefined {
  let chosen: string[] | undefined;
  let chosenScore = -Infinity;
  for (const candidate of candidates) {
    if (!usable(candidate)) continue;
    const set = minimal(candidate);
    if (set.length === 0) continue;
    const shortest = Math.min(...set.map((s) => s.length));
    if (shortest < MIN_LITERAL_LENGTH) continue;
    const score = Math.min(shortest, 5) * 8 - set.length;
    if (score > chosenScore) {
      chosen = set;
      chosenScore = score;
    }
  }
  return chosen;
}

/**
 * Strings at least one of which appears in every match of `source`, each at least
 * MIN_LITERAL_LENGTH long; `undefined` when no such guarantee can be given.
 * Throws on syntax it does not understand, so a new rule shape is noticed at load time.
 */
export function requiredLiterals(source: string): string[] | undefined {
  const root = parseRegex(source);
  const info = root.kind === 'choice' ? infoOf(root) : asSequence(root);
  const must = info.must ?? (info.exact === undefined ? undefined : best([info.exact]));
  if (must === undefined) return undefined;
  const set = minimal(must);
  return set.length === 0 || set.some((s) => s.length < MIN_LITERAL_LENGTH) ? undefined : set;
}
