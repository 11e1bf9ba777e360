/**
 * A rule automaton: every rule alternative of a rule book in one machine, so one pass over a
 * text finds every alternative that matches anywhere in it (what `regex.test` says per
 * alternative), at a table lookup per character instead of a regex run per rule.
 *
 * The alternatives' syntax trees (syntax.ts) become one Thompson NFA (nfa.ts). It is run as a DFA built
 * lazily (as RE2 does): each DFA state is a set of NFA states plus what the assertions need to
 * know of the previous character; a transition is worked out the first time it is taken and
 * kept (dense rows for the classes of ASCII characters, a hash table for the rest). Assertions (`^ $ \b \B`, one-character look-behind) are decided while
 * following the empty moves before a character, when both neighbours are known. The tables are
 * bounded: a scan that begins with MAX_STATES or more states known starts the DFA afresh (one
 * scan adds at most one state per character).
 *
 * Look-arounds the NFA cannot model are read as always true; such an alternative's matches are
 * reported with `confirm` set, and the caller checks them with the regex.
 */
import { ACCEPT, ASSERT, CHAR, classesOf, EMPTY, holds, NfaBuilder, SIG_NONE, SPLIT, type Classes } from './nfa.js';
import { sortNumbers } from '../sort-numbers.js';
import { parseRegex } from './syntax.js';

/** One alternative to recognise; `id` is what a match reports (0 ≤ id < 2^20). */
export interface AutomatonInput {
  readonly source: string;
  readonly id: number;
}

/** DFA states kept before the tables are cleared (memory stays bounded whatever the input). */
const MAX_STATES = 10_000;
/**
 * A transition packs its target state and accept list into one number: target << 10 | list.
 * Lists numbered OVERFLOW_LIST or more are found through `overflowLists` instead.
 */
const LIST_BITS = 10;
const OVERFLOW_LIST = (1 << LIST_BITS) - 1;
/** A dense-row entry that sends the lookup to the hash table (see RuleAutomaton.dense). */
const IN_TABLE = 0xffff;
/** Longest text a scan takes (each character may add a state; targets have 22 bits). */
const MAX_SCAN_LENGTH = (1 << 22) - MAX_STATES;

export class RuleAutomaton {
  private readonly kind: Uint8Array;
  private readonly out1: Int32Array;
  private readonly out2: Int32Array;
  private readonly arg: Int32Array;
  private readonly arg2: Int32Array;
  private readonly starts: readonly number[];
  private readonly classes: Classes;
  /** Class number of the end of the text. */
  private readonly endClass: number;
  private readonly stride: number;
  /** Longest text scan() takes: each character may add a state, and keys must stay 31-bit. */
  readonly maxScanLength: number;
  /** Ids whose alternative has a look-around the automaton reads as true. */
  readonly needsConfirming: ReadonlySet<number>;

  // The lazily built DFA.
  /** DFA states by a hash of their NFA states and signature. */
  private stateKeys = new Map<number, number[]>();
  /** Per DFA state: its NFA states, sorted (plain arrays: most are a handful of numbers). */
  private stateCores: (readonly number[])[] = [];
  private stateSignatures: number[] = [];
  private acceptLists: Int32Array[] = [NO_IDS];
  private acceptListKeys = new Map<string, number>();
  /** Accept lists of transitions whose list number does not fit the packed form, by key. */
  private overflowLists = new Map<number, number>();
  /**
   * Transitions, open addressing: slot k holds the key at 2k (state * stride + class + 1; 0 =
   * empty) and target << LIST_BITS | accept list at 2k + 1, so a lookup touches one cache line.
   */
  private tableBits = 12;
  private table = new Int32Array(2 << 12);
  private filled = 0;
  /**
   * The transitions on the classes of ASCII characters (most of any text), as dense rows of
   * denseClasses entries per state: target state + 1 for a transition that completes no match,
   * 0 while unknown, IN_TABLE when it is in `table` (it completes a match, or its target does
   * not fit). Transitions on other classes are always in `table`.
   */
  private readonly denseClasses: number;
  private dense = new Uint16Array(0);
  /** walk() of the start states, by signature * stride + class (a few hundred cases at most). */
  private readonly freshStarts = new Map<number, { next: readonly number[]; accepted: readonly number[] }>();
  // Scratch for working out transitions, and for reporting ids once per scan.
  private readonly visited: Int32Array;
  private visitStamp = 0;
  /** Work stack of walk(): the starting states plus at most two pushes per NFA state visited. */
  private readonly stack: Int32Array;
  private readonly reported: Int32Array;
  private scanStamp = 0;

  constructor(inputs: readonly AutomatonInput[]) {
    const nfa = new NfaBuilder();
    const confirm = new Set<number>();
    const starts: number[] = [];
    for (const { source, id } of inputs) {
      if (!Number.isInteger(id) || id < 0 || id >= 1 << 20) throw new Error(`automaton id ${id} out of range`);
      nfa.usesLookaround = false;
      starts.push(nfa.build(parseRegex(source), nfa.add(ACCEPT, -1, -1, id)));
      if (nfa.usesLookaround) confirm.add(id);
    }
    this.kind = Uint8Array.from(nfa.kind);
    this.out1 = Int32Array.from(nfa.out1);
    this.out2 = Int32Array.from(nfa.out2);
    this.arg = Int32Array.from(nfa.arg);
    this.arg2 = Int32Array.from(nfa.arg2);
    this.starts = starts;
    this.needsConfirming = confirm;
    this.classes = classesOf(nfa.sets, nfa.lookbehindSets);
    this.endClass = this.classes.count;
    this.stride = this.classes.count + 1;
    // Transition keys (state * stride + class + 1) stay below 2^31.
    this.maxScanLength = Math.min(MAX_SCAN_LENGTH, Math.floor(0x7fffffff / this.stride) - MAX_STATES - 1);
    // Class numbers follow the first code of each class, so the ASCII ones come first.
    this.denseClasses = Math.max(...this.classes.of.subarray(0, 0x80)) + 1;
    this.visited = new Int32Array(nfa.kind.length);
    this.stack = new Int32Array(3 * nfa.kind.length + inputs.length + 1);
    this.reported = new Int32Array(Math.max(1, ...inputs.map((input) => input.id + 1)));
    this.reset();
  }

  /** DFA states known right now (bounded: see MAX_STATES). */
  get stateCount(): number {
    return this.stateCores.length;
  }

  /** The ids of every alternative that matches somewhere in `text`, each once, in no set order. */
  scan(text: string): number[] {
    if (text.length > this.maxScanLength) throw new RangeError(`automaton scan of ${text.length} characters (at most ${this.maxScanLength})`);
    if (this.stateCores.length >= MAX_STATES) this.reset();
    const found: number[] = [];
    if (this.scanStamp >= 0x7fffffff) {
      this.reported.fill(0);
      this.scanStamp = 0;
    }
    this.scanStamp += 1;
    const classOf = this.classes.of;
    const length = text.length;
    const endClass = this.endClass;
    const denseClasses = this.denseClasses;
    let dense = this.dense; // reloaded whenever a new transition may have grown it
    let state = 0;
    for (let i = 0; i <= length; i += 1) {
      const cls = i < length ? (classOf[text.charCodeAt(i)] ?? 0) : endClass;
      if (cls < denseClasses) {
        const next = dense[state * denseClasses + cls] ?? 0;
        if (next !== 0 && next !== IN_TABLE) {
          state = next - 1; // the common case: a known transition that completes no match
          continue;
        }
      }
      let packed = this.lookUp(state, cls);
      if (packed < 0) {
        packed = this.addTransition(state, cls);
        dense = this.dense;
      }
      const list = packed & OVERFLOW_LIST;
      if (list !== 0) this.report(list === OVERFLOW_LIST ? (this.overflowLists.get(state * this.stride + cls + 1) ?? 0) : list, found);
      state = packed >>> LIST_BITS;
    }
    return found;
  }

  /** The packed transition from the hash table, or -1 when it is not known yet. */
  private lookUp(state: number, cls: number): number {
    const key = state * this.stride + cls + 1;
    const table = this.table;
    const mask = (1 << this.tableBits) - 1;
    let slot = Math.imul(key, 0x9e3779b1) >>> (32 - this.tableBits);
    for (;;) {
      const known = table[slot << 1] ?? 0;
      if (known === key) return table[(slot << 1) + 1] ?? 0;
      if (known === 0) return -1;
      slot = (slot + 1) & mask;
    }
  }

  private report(list: number, found: number[]): void {
    const ids = this.acceptLists[list] ?? NO_IDS;
    for (let k = 0; k < ids.length; k += 1) {
      const id = ids[k] ?? 0;
      if (this.reported[id] === this.scanStamp) continue;
      this.reported[id] = this.scanStamp;
      found.push(id);
    }
  }

  private reset(): void {
    this.stateKeys = new Map();
    this.stateCores = [];
    this.stateSignatures = [];
    this.acceptLists = [NO_IDS];
    this.acceptListKeys = new Map();
    this.overflowLists = new Map();
    this.tableBits = 12;
    this.table = new Int32Array(2 << this.tableBits);
    this.filled = 0;
    this.dense = new Uint16Array(64 * this.denseClasses);
    this.internState(EMPTY_CORE, SIG_NONE); // state 0: the start of a text
  }

  private internState(core: readonly number[], signature: number): number {
    // Keyed by a hash of the core; the few states sharing a hash are compared in full.
    let hash = Math.imul(signature + 1, 0x9e3779b1);
    for (let i = 0; i < core.length; i += 1) hash = Math.imul(hash ^ (core[i] ?? 0), 0x01000193);
    const sameHash = this.stateKeys.get(hash);
    if (sameHash !== undefined) {
      for (const state of sameHash) {
        if (this.stateSignatures[state] === signature && sameNumbers(this.stateCores[state] ?? EMPTY_CORE, core)) return state;
      }
    }
    const state = this.stateCores.length;
    this.stateCores.push(core);
    this.stateSignatures.push(signature);
    if (sameHash === undefined) this.stateKeys.set(hash, [state]);
    else sameHash.push(state);
    if ((state + 1) * this.denseClasses > this.dense.length) {
      const grown = new Uint16Array(this.dense.length * 2);
      grown.set(this.dense);
      this.dense = grown;
    }
    return state;
  }

  private internAccepts(ids: number[]): number {
    if (ids.length === 0) return 0;
    sortNumbers(ids);
    const key = ids.join(',');
    let list = this.acceptListKeys.get(key);
    if (list === undefined) {
      list = this.acceptLists.length;
      this.acceptLists.push(Int32Array.from(ids));
      this.acceptListKeys.set(key, list);
    }
    return list;
  }

  /** Works out and stores a transition; returns it packed (target << LIST_BITS | accept list). */
  private addTransition(state: number, cls: number): number {
    const { next, accepted } = this.follow(this.stateCores[state] ?? EMPTY_CORE, this.stateSignatures[state] ?? SIG_NONE, cls);
    const target = cls === this.endClass ? 0 : this.internState(next, this.classes.signature[cls] ?? 0);
    const key = state * this.stride + cls + 1;
    const list = this.internAccepts(accepted);
    if (list >= OVERFLOW_LIST) this.overflowLists.set(key, list);
    const packed = (target << LIST_BITS) | Math.min(list, OVERFLOW_LIST);
    if (cls < this.denseClasses) {
      const quick = list === 0 && target + 1 < IN_TABLE;
      this.dense[state * this.denseClasses + cls] = quick ? target + 1 : IN_TABLE;
      if (quick) return packed;
    }
    if ((this.filled + 1) * 2 > 1 << this.tableBits) this.grow();
    this.filled += 1;
    this.store(key, packed);
    return packed;
  }

  /** Puts a transition in the table (which has room). */
  private store(key: number, packed: number): void {
    const mask = (1 << this.tableBits) - 1;
    let slot = Math.imul(key, 0x9e3779b1) >>> (32 - this.tableBits);
    while ((this.table[slot << 1] ?? 0) !== 0) slot = (slot + 1) & mask;
    this.table[slot << 1] = key;
    this.table[(slot << 1) + 1] = packed;
  }

  private grow(): void {
    const old = this.table;
    this.tableBits += 1;
    this.table = new Int32Array(2 << this.tableBits);
    for (let at = 0; at < old.length; at += 2) {
      const key = old[at] ?? 0;
      if (key !== 0) this.store(key, old[at + 1] ?? 0);
    }
  }

  /**
   * From the NFA states `core` plus a new attempt of every alternative starting here, with the
   * previous character described by `signature`: the alternatives that accept before a
   * character of class `cls`, and the NFA states after it (sorted).
   */
  private follow(core: readonly number[], signature: number, cls: number): { next: readonly number[]; accepted: number[] } {
    const fresh = this.freshStart(signature, cls);
    if (core.length === 0) return { next: fresh.next, accepted: fresh.accepted.slice() };
    const own = this.walk(core, signature, cls);
    const accepted = fresh.accepted.slice();
    for (const id of own.accepted) if (!accepted.includes(id)) accepted.push(id);
    return { next: mergeSorted(fresh.next, own.next), accepted };
  }

  /** `walk` from the start states, which every transition needs: worked out once per case. */
  private freshStart(signature: number, cls: number): { next: readonly number[]; accepted: readonly number[] } {
    const key = signature * this.stride + cls;
    let known = this.freshStarts.get(key);
    if (known === undefined) {
      known = this.walk(this.starts, signature, cls);
      this.freshStarts.set(key, known);
    }
    return known;
  }

  /**
   * Follows the empty moves from `from` before a character of class `cls` (deciding the
   * assertions), collecting the alternatives that accept and the states after the character.
   */
  private walk(from: readonly number[], signature: number, cls: number): { next: number[]; accepted: number[] } {
    if (this.visitStamp >= 0x7fffffff) {
      this.visited.fill(0);
      this.visitStamp = 0;
    }
    this.visitStamp += 1;
    const stamp = this.visitStamp;
    const visited = this.visited;
    const atEnd = cls === this.endClass;
    const nextSignature = atEnd ? 0 : (this.classes.signature[cls] ?? 0);
    const stack = this.stack;
    let top = 0;
    for (let i = 0; i < from.length; i += 1) stack[top++] = from[i] ?? 0;
    const moved: number[] = [];
    const accepted: number[] = [];
    while (top > 0) {
      const s = stack[--top] ?? 0;
      if (visited[s] === stamp) continue;
      visited[s] = stamp;
      switch (this.kind[s]) {
        case CHAR:
          if (!atEnd && this.classes.member[this.arg[s] ?? 0]?.[cls] === 1) moved.push(this.out1[s] ?? 0);
          break;
        case SPLIT:
          stack[top++] = this.out2[s] ?? 0;
          stack[top++] = this.out1[s] ?? 0;
          break;
        case EMPTY:
          stack[top++] = this.out1[s] ?? 0;
          break;
        case ASSERT:
          if (holds(this.arg[s] ?? 0, this.arg2[s] ?? 0, signature, nextSignature, atEnd)) stack[top++] = this.out1[s] ?? 0;
          break;
        case ACCEPT:
          accepted.push(this.arg[s] ?? 0);
          break;
      }
    }
    return { next: sortedUnique(moved), accepted };
  }
}

const EMPTY_CORE: readonly number[] = [];
const NO_IDS = new Int32Array(0);

/** The numbers sorted, each once (in place). */
function sortedUnique(numbers: number[]): number[] {
  sortNumbers(numbers);
  let n = 0;
  for (let i = 0; i < numbers.length; i += 1) if (i === 0 || numbers[i] !== numbers[n - 1]) numbers[n++] = numbers[i] ?? 0;
  numbers.length = n;
  return numbers;
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/** The union of two sorted lists of NFA states, sorted, without repeats. */
function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? (a[i] ?? 0) : Infinity;
    const y = j < b.length ? (b[j] ?? 0) : Infinity;
    const next = x <= y ? x : y;
    if (x === next) i += 1;
    if (y === next) j += 1;
    out.push(next);
  }
  return out;
}
