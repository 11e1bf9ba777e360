/**
 * The rule automaton's NFA: syntax trees (syntax.ts) as one Thompson NFA, in flat arrays, and
 * the character classes of its sets (code units every set treats alike share a class).
 * Assertions are ASSERT states, decided by `holds` from what is known of the characters on
 * either side (the previous one as signature bits, the next one as its class).
 */
import { inSet, WORD, type CharSet, type Node } from './syntax.js';

/** NFA state kinds. */
export const CHAR = 0;
export const SPLIT = 1;
export const EMPTY = 2;
export const ASSERT = 3;
export const ACCEPT = 4;

/** Assertion kinds of ASSERT states. */
const START = 0;
const END = 1;
const BOUNDARY = 2;
const NOT_BOUNDARY = 3;
const AFTER = 4;
const NOT_AFTER = 5;

/** Previous-character signature bits: none (start of text), a `\w` character, in look-behind set j. */
export const SIG_NONE = 1;
const SIG_WORD = 2;
const SIG_SET_SHIFT = 2;

/** NFA states an automaton may have (bounded repeats are written out, so `x{100000}` is refused). */
const MAX_NFA_STATES = 1_000_000;

export class NfaBuilder {
  readonly kind: number[] = [];
  readonly out1: number[] = [];
  readonly out2: number[] = [];
  /** CHAR: set number; ASSERT: assertion kind; AFTER/NOT_AFTER: look-behind set number in `arg2`. */
  readonly arg: number[] = [];
  readonly arg2: number[] = [];
  readonly sets: CharSet[] = [];
  readonly lookbehindSets: CharSet[] = [];
  private readonly setNumbers = new Map<string, number>();
  usesLookaround = false;

  add(kind: number, out1: number, out2 = -1, arg = 0, arg2 = 0): number {
    if (this.kind.length >= MAX_NFA_STATES) throw new Error('rule automaton too large: bounded repeats too long');
    this.kind.push(kind);
    this.out1.push(out1);
    this.out2.push(out2);
    this.arg.push(arg);
    this.arg2.push(arg2);
    return this.kind.length - 1;
  }

  setNumber(set: CharSet): number {
    const key = set.join(',');
    let number = this.setNumbers.get(key);
    if (number === undefined) {
      number = this.sets.length;
      this.sets.push(set);
      this.setNumbers.set(key, number);
    }
    return number;
  }

  lookbehindNumber(set: CharSet): number {
    const key = set.join(',');
    const known = this.lookbehindSets.findIndex((other) => other.join(',') === key);
    if (known >= 0) return known;
    if (this.lookbehindSets.length >= 28) throw new Error('too many look-behind sets for the automaton');
    this.lookbehindSets.push(set);
    this.setNumber(set);
    return this.lookbehindSets.length - 1;
  }

  /** States for `node`, continuing at `next`; returns the entry state. */
  build(node: Node, next: number): number {
    switch (node.kind) {
      case 'chars':
        return this.add(CHAR, next, -1, this.setNumber(node.set));
      case 'sequence': {
        let entry = next;
        for (let i = node.items.length - 1; i >= 0; i -= 1) entry = this.build(node.items[i] as Node, entry);
        return entry;
      }
      case 'choice': {
        const entries = node.options.map((option) => this.build(option, next));
        let entry = entries[entries.length - 1] ?? next;
        for (let i = entries.length - 2; i >= 0; i -= 1) entry = this.add(SPLIT, entries[i] ?? next, entry);
        return entry;
      }
      case 'repeat':
        return this.repeat(node.item, node.min, node.max, next);
      case 'assert': {
        const kinds = { start: START, end: END, 'word-boundary': BOUNDARY, 'not-word-boundary': NOT_BOUNDARY } as const;
        return this.add(ASSERT, next, -1, kinds[node.what]);
      }
      case 'after':
        return this.add(ASSERT, next, -1, node.negated ? NOT_AFTER : AFTER, this.lookbehindNumber(node.set));
      case 'lookaround':
        this.usesLookaround = true;
        return this.add(EMPTY, next);
    }
  }

  private repeat(item: Node, min: number, max: number, next: number): number {
    let entry: number;
    if (max === Infinity) {
      // A loop: each pass may go round again or leave.
      const loop = this.add(SPLIT, -1, next);
      this.out1[loop] = this.build(item, loop);
      entry = loop;
    } else {
      entry = next;
      for (let k = 0; k < max - min; k += 1) entry = this.add(SPLIT, this.build(item, entry), next);
    }
    for (let k = 0; k < min; k += 1) entry = this.build(item, entry);
    return entry;
  }
}

/** Character classes: code units that every set treats alike share a class. */
export interface Classes {
  readonly of: Uint16Array;
  readonly count: number;
  /** Per set number: 1 where the class is in the set. */
  readonly member: readonly Uint8Array[];
  /** Per class: the signature bits it gives as the previous character. */
  readonly signature: Int32Array;
}

export function classesOf(sets: readonly CharSet[], lookbehindSets: readonly CharSet[]): Classes {
  const all = [...sets, WORD];
  const cuts = new Set<number>([0, 0x10000]);
  for (const set of all) for (let i = 0; i < set.length; i += 2) cuts.add(set[i] ?? 0).add((set[i + 1] ?? 0) + 1);
  const bounds = [...cuts].sort((a, b) => a - b);
  // Which sets hold each elementary interval [bounds[k], bounds[k+1]).
  const holders: number[][] = bounds.slice(0, -1).map(() => []);
  all.forEach((set, number) => {
    for (let i = 0; i < set.length; i += 2) {
      let k = lowerBound(bounds, set[i] ?? 0);
      while (k < holders.length && (bounds[k] ?? 0) <= (set[i + 1] ?? 0)) holders[k++]?.push(number);
    }
  });
  const of = new Uint16Array(0x10000);
  const classByKey = new Map<string, number>();
  const representative: number[] = [];
  holders.forEach((list, k) => {
    const key = list.join(',');
    let cls = classByKey.get(key);
    if (cls === undefined) {
      cls = classByKey.size;
      classByKey.set(key, cls);
      representative.push(bounds[k] ?? 0);
    }
    of.fill(cls, bounds[k] ?? 0, bounds[k + 1] ?? 0);
  });
  const count = classByKey.size;
  const member = sets.map(() => new Uint8Array(count));
  holders.forEach((list, k) => {
    const cls = of[bounds[k] ?? 0] ?? 0;
    for (const number of list) if (number < sets.length) (member[number] as Uint8Array)[cls] = 1;
  });
  const signature = Int32Array.from(representative, (code) => {
    let bits = inSet(WORD, code) ? SIG_WORD : 0;
    lookbehindSets.forEach((set, j) => {
      if (inSet(set, code)) bits |= 1 << (SIG_SET_SHIFT + j);
    });
    return bits;
  });
  return { of, count, member, signature };
}

function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((sorted[mid] ?? 0) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Whether an assertion holds between the previous character (signature) and the next one. */
export function holds(kind: number, lookbehind: number, previous: number, next: number, atEnd: boolean): boolean {
  const wordBefore = (previous & SIG_WORD) !== 0;
  const wordAfter = !atEnd && (next & SIG_WORD) !== 0;
  switch (kind) {
    case START:
      return (previous & SIG_NONE) !== 0;
    case END:
      return atEnd;
    case BOUNDARY:
      return wordBefore !== wordAfter;
    case NOT_BOUNDARY:
      return wordBefore === wordAfter;
    case AFTER:
      return (previous & (1 << (SIG_SET_SHIFT + lookbehind))) !== 0;
    default:
      return (previous & (1 << (SIG_SET_SHIFT + lookbehind))) === 0;
  }
}
