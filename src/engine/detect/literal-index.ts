/**
 * One pass over a text that finds which rules could match at all, from their required literals
 * (see required-literals.ts). Literals are bucketed by a hash of their first three characters
 * (two-character literals by their two); the pass hashes each position's characters and
 * compares only the few literals of that bucket there.
 */

/** A literal and the rules (by number) it stands for. */
interface Entry {
  readonly literal: string;
  readonly rules: readonly number[];
}

/** Hash table size: a power of two well above the number of literals, so buckets are rare. */
const TABLE_BITS = 14;
const TABLE_MASK = (1 << TABLE_BITS) - 1;

function hash2(a: number, b: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> (32 - TABLE_BITS);
}

function hash3(a: number, b: number, c: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35)) >>> (32 - TABLE_BITS);
}

/**
 * Which rules of a rule book a text may match: rule n may match when `marks[n] === stamp`.
 * The marks are shared by every scan of one index (allocating a typed array per title cost more
 * than the whole scan), so a result is only valid until the next scan: see isCurrent.
 */
export interface Candidates {
  readonly marks: Int32Array;
  readonly stamp: number;
  /** The marked rules' numbers, ascending. */
  readonly rules: readonly number[];
}

/** Hash slots (0 = empty, else bucket number + 1) and their buckets. */
class HashedBuckets {
  readonly slots = new Int32Array(TABLE_MASK + 1);
  readonly buckets: Entry[][] = [];

  add(slot: number, entry: Entry): void {
    const known = this.slots[slot] ?? 0;
    if (known !== 0) (this.buckets[known - 1] as Entry[]).push(entry);
    else {
      this.buckets.push([entry]);
      this.slots[slot] = this.buckets.length;
    }
  }
}

export class LiteralIndex {
  /** Literals of three or more characters, by hash3 of their first three. */
  private readonly long = new HashedBuckets();
  /** Two-character literals, by hash2; undefined when there are none. */
  private readonly short: HashedBuckets | undefined;
  /** Rules without a usable literal: always candidates. */
  private readonly alwaysTried: readonly number[];
  private readonly marks: Int32Array;
  private stamp = 0;

  /**
   * `literalsOfRule[n]` is rule n's required-literal set, or undefined when rule n has none
   * (it is then tried on every text).
   */
  constructor(literalsOfRule: readonly (readonly string[] | undefined)[]) {
    const rulesOfLiteral = new Map<string, number[]>();
    const always: number[] = [];
    literalsOfRule.forEach((literals, rule) => {
      if (literals === undefined) {
        always.push(rule);
        return;
      }
      for (const literal of literals) {
        if (literal.length < 2) throw new Error(`literal "${literal}" is too short to index`);
        const rules = rulesOfLiteral.get(literal) ?? [];
        if (!rules.includes(rule)) rules.push(rule);
        rulesOfLiteral.set(literal, rules);
      }
    });
    this.alwaysTried = always;
    this.marks = new Int32Array(literalsOfRule.length);
    let short: HashedBuckets | undefined;
    for (const [literal, rules] of rulesOfLiteral) {
      const entry = { literal, rules };
      const [a, b, c] = [literal.charCodeAt(0), literal.charCodeAt(1), literal.charCodeAt(2)];
      if (literal.length === 2) {
        short ??= new HashedBuckets();
        short.add(hash2(a, b), entry);
      } else this.long.add(hash3(a, b, c), entry);
    }
    this.short = short;
  }

  /** True while `candidates` is the result of this index's latest scan. */
  isCurrent(candidates: Candidates): boolean {
    return candidates.marks === this.marks && candidates.stamp === this.stamp;
  }

  /** Marks every rule whose literal occurs in `text`, and every rule without literals. */
  candidates(text: string): Candidates {
    const marks = this.marks;
    if (this.stamp === 0x7fffffff) {
      marks.fill(0);
      this.stamp = 0;
    }
    const stamp = (this.stamp += 1);
    const found: number[] = [];
    for (const rule of this.alwaysTried) {
      marks[rule] = stamp;
      found.push(rule);
    }
    const { slots, buckets } = this.long;
    const short = this.short;
    const length = text.length;
    if (length < 2) return { marks, stamp, rules: found };
    // Character codes stay small integers (never NaN past the end): V8 keeps the loop on ints.
    let b = text.charCodeAt(0);
    let c = text.charCodeAt(1);
    for (let i = 0; i + 1 < length; i += 1) {
      const a = b;
      b = c;
      c = i + 2 < length ? text.charCodeAt(i + 2) : 0;
      if (short !== undefined) {
        const shortSlot = short.slots[hash2(a, b)] ?? 0;
        if (shortSlot !== 0) mark(short.buckets[shortSlot - 1] as Entry[], text, i, marks, stamp, found);
      }
      const slot = slots[hash3(a, b, c)] ?? 0;
      if (slot !== 0) mark(buckets[slot - 1] as Entry[], text, i, marks, stamp, found);
    }
    if (found.length > 1) found.sort(ascending);
    return { marks, stamp, rules: found };
  }
}

const ascending = (a: number, b: number): number => a - b;

function mark(bucket: readonly Entry[], text: string, at: number, marks: Int32Array, stamp: number, found: number[]): void {
  for (const entry of bucket) {
    if (!text.startsWith(entry.literal, at)) continue;
    for (const rule of entry.rules) {
      if (marks[rule] === stamp) continue;
      marks[rule] = stamp;
      found.push(rule);
    }
  }
}
