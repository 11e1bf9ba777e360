/**
 * Required literals of a rule's regular expression: a few strings such that any text the
 * expression matches contains at least one of them. The matcher indexes them (literal-index.ts)
 * to pick the few rules worth running on a text.
 *
 * Sound by construction: a part that guarantees nothing (a class, `\w`, an optional part, a
 * look-around) contributes nothing, and when no guarantee is left the answer is `undefined`
 * (the rule is then tried on every text). The syntax tree comes from @eslint-community/regexpp.
 */
import { RegExpParser, type AST } from '@eslint-community/regexpp';

/** Largest set of exact strings kept for a part before giving up on it. */
const EXACT_LIMIT = 48;
/** Shortest literal the index looks up (it keys literals by their first two characters). */
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

function infoOf(node: AST.Element | AST.Alternative): PartInfo {
  switch (node.type) {
    case 'Character': {
      const char = String.fromCharCode(node.value);
      return { exact: [char], must: [char] };
    }
    case 'Alternative':
      return concatenate(node.elements.map(infoOf));
    case 'Group':
    case 'CapturingGroup':
      return union(node.alternatives.map(infoOf));
    case 'Quantifier':
      return repeated(infoOf(node.element), node.min, node.max);
    case 'Assertion':
      return ZERO_WIDTH;
    default:
      return ANYTHING; // classes, \w, \d, ., back-references
  }
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
 * A sequence: runs of parts with exact sets multiply out into longer exact strings (a run is
 * contiguous in any match, so one of its strings must appear); the best guarantee of any run or
 * other part is the sequence's guarantee.
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
    if (part.must !== undefined) candidates.push(part.must);
    if (run === undefined) {
      run = [...part.exact];
      continue;
    }
    if (part.exact.length > 1) candidates.push(run);
    const product = dedupe(run.flatMap((left) => (part.exact ?? []).map((right) => left + right)));
    if (product.length > EXACT_LIMIT) {
      wholeIsExact = false;
      candidates.push(run);
      run = [...part.exact];
    } else run = product;
  }
  if (run !== undefined) candidates.push(run);
  return { exact: wholeIsExact ? run : undefined, must: best(candidates) };
}

/** Drops strings that contain another string of the set (the shorter one always appears too). */
function minimal(strings: readonly string[]): string[] {
  const kept: string[] = [];
  for (const s of dedupe(strings).sort((a, b) => a.length - b.length)) if (!kept.some((k) => s.includes(k))) kept.push(s);
  return kept;
}

/**
 * The cheapest usable set: every string is one more comparison wherever its first two
 * characters occur, and a short string sends its rule to the regex more often.
 */
function best(candidates: readonly (readonly string[])[]): string[] | undefined {
  let chosen: string[] | undefined;
  let chosenScore = -Infinity;
  for (const candidate of candidates) {
    const set = minimal(candidate);
    if (set.length === 0 || set.some((s) => s.length < MIN_LITERAL_LENGTH)) continue;
    const score = Math.min(Math.min(...set.map((s) => s.length)), 5) * 8 - set.length;
    if (score > chosenScore) {
      chosen = set;
      chosenScore = score;
    }
  }
  return chosen;
}

/**
 * Strings at least one of which appears in every match of `source` (non-unicode regex source),
 * each at least MIN_LITERAL_LENGTH long; `undefined` when no such guarantee can be given.
 */
export function requiredLiterals(source: string): readonly string[] | undefined {
  const pattern = new RegExpParser({ ecmaVersion: 2025 }).parsePattern(source, 0, source.length, { unicode: false });
  const info = union(pattern.alternatives.map(infoOf));
  return info.must ?? (info.exact === undefined ? undefined : best([info.exact]));
}
