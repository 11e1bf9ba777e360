/**
 * One pass over a text that finds which rules could match at all, from their required literals
 * (see required-literals.ts). Literals are bucketed by a hash of their first three characters
 * (two-character literals by their two); the pass hashes each position's characters and
 * compares only the few literals of that bucket there.
 */

/** Hash table size: a power of two well above the number of literals, so buckets are rare. */
const TABLE_BITS = 14;

function hash2(a: number, b: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> (32 - TABLE_BITS);
}

function hash3(a: number, b: number, c: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35)) >>> (32 - TABLE_BITS);
}

/**
 * Which rules of a rule book a text may match, as a bit set: rule n may match when bit
 * `n % 16` of word `n >> 4` is set (see isCandidate). Sixteen bits per word keep every word a
 * small integer, which V8 stores and combines fastest.
 */
export type Candidates = readonly number[];

/** True when rule `rule` is among `candidates`. */
export function isCandidate(candidates: Candidates, rule: number): boolean {
  return ((candidates[rule >> 4] ?? 0) & (1 << (rule & 15))) !== 0;
}

/** A hash table of literals: slot → bucket number + 1 (0 = empty); bucket → literals and their rules. */
class HashedLiterals {
  readonly slots = new Int32Array(1 << TABLE_BITS);
  readonly literals: string[][] = [];
  readonly rules: number[][] = [];

  add(slot: number, literal: string, rule: number): void {
    let bucket = (this.slots[slot] ?? 0) - 1;
    if (bucket < 0) {
      bucket = this.literals.length;
      this.literals.push([]);
      this.rules.push([]);
      this.slots[slot] = bucket + 1;
    }
    this.literals[bucket]?.push(literal);
    this.rules[bucket]?.push(rule);
  }
}

export class LiteralIndex {
  /** Literals of three or more characters, by hash3 of their first three. */
  private readonly long = new HashedLiterals();
  /** Two-character literals, by hash2; undefined when there are none. */
  private readonly short: HashedLiterals | undefined;
  /** The bit set every scan starts from: the rules without a usable literal, always tried. */
  private readonly alwaysTried: readonly number[];

  /**
   * `literalsOfRule[n]` is rule n's required-literal set, or undefined when rule n has none
   * (it is then tried on every text).
   */
  constructor(literalsOfRule: readonly (readonly string[] | undefined)[]) {
    const always = Array.from({ length: Math.ceil(literalsOfRule.length / 16) }, () => 0);
    let short: HashedLiterals | undefined;
    literalsOfRule.forEach((literals, rule) => {
      if (literals === undefined) {
        always[rule >> 4] = (always[rule >> 4] ?? 0) | (1 << (rule & 15));
        return;
      }
      for (const literal of new Set(literals)) {
        if (literal.length < 2) throw new Error(`literal "${literal}" is too short to index`);
        const [a, b, c] = [literal.charCodeAt(0), literal.charCodeAt(1), literal.charCodeAt(2)];
        if (literal.length === 2) {
          short ??= new HashedLiterals();
          short.add(hash2(a, b), literal, rule);
        } else this.long.add(hash3(a, b, c), literal, rule);
      }
    });
    this.alwaysTried = always;
    this.short = short;
  }

  /** The rules whose literal occurs in `text`, and every rule without literals. */
  candidates(text: string): Candidates {
    const words = this.alwaysTried.slice();
    const { slots, literals, rules } = this.long;
    const short = this.short;
    const length = text.length;
    if (length < 2) return words;
    // Character codes stay small integers (never NaN past the end): V8 keeps the loop on ints.
    let b = text.charCodeAt(0);
    let c = text.charCodeAt(1);
    for (let i = 0; i + 1 < length; i += 1) {
      const a = b;
      b = c;
      c = i + 2 < length ? text.charCodeAt(i + 2) : 0;
      if (short !== undefined) {
        const shortBucket = (short.slots[hash2(a, b)] ?? 0) - 1;
        if (shortBucket >= 0) mark(short.literals[shortBucket] ?? [], short.rules[shortBucket] ?? [], text, i, words);
      }
      const bucket = (slots[hash3(a, b, c)] ?? 0) - 1;
      if (bucket >= 0) mark(literals[bucket] ?? [], rules[bucket] ?? [], text, i, words);
    }
    return words;
  }
}

function mark(literals: readonly string[], rules: readonly number[], text: string, at: number, words: number[]): void {
  for (let k = 0; k < literals.length; k += 1) {
    if (!text.startsWith(literals[k] ?? '', at)) continue;
    const rule = rules[k] ?? 0;
    words[rule >> 4] = (words[rule >> 4] ?? 0) | (1 << (rule & 15));
  }
}
