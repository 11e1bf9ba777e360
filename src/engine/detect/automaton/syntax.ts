/**
 * The rule tables' regular expressions as a syntax tree: the one parser of rule syntax, read by
 * the rule automaton (automaton.ts), the required-literal prefilter (../required-literals.ts)
 * and the word-anchor choice (startsWithWordCharacter). Understands the subset of JavaScript regex syntax (non-unicode mode, no flags)
 * the tables use: literals and escapes, `.`, classes, `\d \D \w \W \s \S`, groups, `|`, the
 * quantifiers `? * + {n} {n,} {n,m}` (greedy or lazy), and the assertions `^ $ \b \B`.
 * A one-character look-behind (`(?<![a-z0-9])`, `(?<=[…])`) is an assertion on the previous
 * character; any other look-around is kept as `lookaround` (the automaton cannot model it and
 * asks the rule's regex to confirm). Anything else throws, so a new rule shape is noticed at load.
 */

/** Code units (0..0xffff) as sorted, disjoint, inclusive ranges: [from, to, from, to, …]. */
export type CharSet = readonly number[];

export type Assertion = 'start' | 'end' | 'word-boundary' | 'not-word-boundary';

export type Node =
  | { readonly kind: 'chars'; readonly set: CharSet }
  | { readonly kind: 'sequence'; readonly items: readonly Node[] }
  | { readonly kind: 'choice'; readonly options: readonly Node[] }
  | { readonly kind: 'repeat'; readonly item: Node; readonly min: number; readonly max: number }
  | { readonly kind: 'assert'; readonly what: Assertion }
  /** The previous character is (or, when `negated`, is not) in `set`; at the start there is none. */
  | { readonly kind: 'after'; readonly set: CharSet; readonly negated: boolean }
  | { readonly kind: 'lookaround' };

const MAX_CODE = 0xffff;

/** Normalises ranges: sorted, merged, inside 0..0xffff. */
export function charSet(ranges: readonly (readonly [number, number])[]): CharSet {
  const sorted = ranges.filter(([from, to]) => from <= to).sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [from, to] of sorted) {
    const last = out.length - 1;
    if (last > 0 && from <= (out[last] ?? -2) + 1) out[last] = Math.max(out[last] ?? 0, to);
    else out.push(from, to);
  }
  return out;
}

export function complement(set: CharSet): CharSet {
  const out: [number, number][] = [];
  let next = 0;
  for (let i = 0; i < set.length; i += 2) {
    out.push([next, (set[i] ?? 0) - 1]);
    next = (set[i + 1] ?? 0) + 1;
  }
  out.push([next, MAX_CODE]);
  return charSet(out);
}

export function inSet(set: CharSet, code: number): boolean {
  for (let i = 0; i < set.length; i += 2) {
    if (code < (set[i] ?? 0)) return false;
    if (code <= (set[i + 1] ?? 0)) return true;
  }
  return false;
}

function single(code: number): CharSet {
  return [code, code];
}

const DIGIT = charSet([[0x30, 0x39]]);
/** `\w` in non-unicode mode. */
export const WORD = charSet([[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]]);
/** `\s`: JavaScript's white space and line terminators. */
const SPACE = charSet([
  [0x09, 0x0d], [0x20, 0x20], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a], [0x2028, 0x2029],
  [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff],
]);
/** `.`: anything but a line terminator. */
const DOT = complement(charSet([[0x0a, 0x0a], [0x0d, 0x0d], [0x2028, 0x2029]]));

const CLASS_ESCAPES: Readonly<Record<string, CharSet>> = {
  d: DIGIT, D: complement(DIGIT), w: WORD, W: complement(WORD), s: SPACE, S: complement(SPACE),
};
const CONTROL_ESCAPES: Readonly<Record<string, number>> = { t: 0x09, n: 0x0a, v: 0x0b, f: 0x0c, r: 0x0d, '0': 0 };

class Parser {
  private pos = 0;

  constructor(private readonly source: string) {}

  parse(): Node {
    const node = this.choice();
    if (this.pos < this.source.length) this.fail('unbalanced ")"');
    return node;
  }

  private fail(what: string): never {
    throw new Error(`${what} at ${this.pos} in /${this.source}/`);
  }

  private peek(offset = 0): string {
    return this.source.charAt(this.pos + offset);
  }

  private choice(): Node {
    const options = [this.sequence()];
    while (this.peek() === '|') {
      this.pos += 1;
      options.push(this.sequence());
    }
    return options.length === 1 ? (options[0] as Node) : { kind: 'choice', options };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.pos < this.source.length && this.peek() !== '|' && this.peek() !== ')') items.push(this.quantified(this.atom()));
    return items.length === 1 ? (items[0] as Node) : { kind: 'sequence', items };
  }

  private atom(): Node {
    const c = this.peek();
    this.pos += 1;
    switch (c) {
      case '\\':
        return this.escape();
      case '[':
        return { kind: 'chars', set: this.characterClass() };
      case '(':
        return this.group();
      case '.':
        return { kind: 'chars', set: DOT };
      case '^':
        return { kind: 'assert', what: 'start' };
      case '$':
        return { kind: 'assert', what: 'end' };
      case '*':
      case '+':
      case '?':
        return this.fail('nothing to repeat');
      case '{':
        if (/^\d+(,\d*)?\}/.test(this.source.slice(this.pos))) this.fail('nothing to repeat');
        return { kind: 'chars', set: single(0x7b) };
      default:
        return { kind: 'chars', set: single(c.charCodeAt(0)) };
    }
  }

  private escape(): Node {
    const c = this.peek();
    if (c === 'b' || c === 'B') {
      this.pos += 1;
      return { kind: 'assert', what: c === 'b' ? 'word-boundary' : 'not-word-boundary' };
    }
    return { kind: 'chars', set: this.escapedSet() };
  }

  /** The set of an escape (after the backslash), outside or inside a class. */
  private escapedSet(): CharSet {
    const c = this.peek();
    this.pos += 1;
    const named = CLASS_ESCAPES[c];
    if (named !== undefined) return named;
    const control = CONTROL_ESCAPES[c];
    if (control !== undefined && !(c === '0' && /[0-9]/.test(this.peek()))) return single(control);
    const hex = c === 'u' ? 4 : c === 'x' ? 2 : 0;
    if (hex > 0 && new RegExp(`^[0-9a-fA-F]{${hex}}$`).test(this.source.slice(this.pos, this.pos + hex))) {
      this.pos += hex;
      return single(Number.parseInt(this.source.slice(this.pos - hex, this.pos), 16));
    }
    if (c === '' || /[a-zA-Z0-9]/.test(c)) this.fail(`unsupported escape "\\${c}"`);
    return single(c.charCodeAt(0));
  }

  private characterClass(): CharSet {
    const negated = this.peek() === '^';
    if (negated) this.pos += 1;
    const ranges: [number, number][] = [];
    while (this.pos < this.source.length && this.peek() !== ']') {
      const from = this.classAtom();
      if (this.peek() === '-' && this.peek(1) !== ']' && this.peek(1) !== '' && from.length === 2 && from[0] === from[1]) {
        this.pos += 1;
        const to = this.classAtom();
        if (to.length !== 2 || to[0] !== to[1]) this.fail('class range with a class escape');
        ranges.push([from[0] ?? 0, to[0] ?? 0]);
      } else for (let i = 0; i < from.length; i += 2) ranges.push([from[i] ?? 0, from[i + 1] ?? 0]);
    }
    if (this.peek() !== ']') this.fail('unterminated class');
    this.pos += 1;
    const set = charSet(ranges);
    return negated ? complement(set) : set;
  }

  private classAtom(): CharSet {
    const c = this.peek();
    if (c === '\\') {
      this.pos += 1;
      if (this.peek() === 'b') {
        this.pos += 1;
        return single(0x08);
      }
      return this.escapedSet();
    }
    this.pos += 1;
    return single(c.charCodeAt(0));
  }

  private group(): Node {
    if (this.peek() !== '?') return this.groupBody();
    const kind = this.source.slice(this.pos + 1, this.pos + 3);
    if (kind.startsWith(':')) {
      this.pos += 2;
      return this.groupBody();
    }
    if (kind === '<=' || kind === '<!') {
      this.pos += 3;
      return this.lookbehind(kind === '<!');
    }
    if (kind.startsWith('=') || kind.startsWith('!')) {
      this.pos += 2;
      this.groupBody();
      return { kind: 'lookaround' };
    }
    if (kind.startsWith('<')) {
      const end = this.source.indexOf('>', this.pos);
      if (end < 0) this.fail('bad group name');
      this.pos = end + 1;
      return this.groupBody();
    }
    return this.fail('unsupported group');
  }

  private groupBody(): Node {
    const inner = this.choice();
    if (this.peek() !== ')') this.fail('unterminated group');
    this.pos += 1;
    return inner;
  }

  /** A look-behind: one character of a set is an assertion on the previous character. */
  private lookbehind(negated: boolean): Node {
    const inner = this.groupBody();
    return inner.kind === 'chars' ? { kind: 'after', set: inner.set, negated } : { kind: 'lookaround' };
  }

  private quantified(item: Node): Node {
    const c = this.peek();
    let min: number;
    let max: number;
    if (c === '?' || c === '*' || c === '+') {
      this.pos += 1;
      [min, max] = c === '?' ? [0, 1] : c === '*' ? [0, Infinity] : [1, Infinity];
    } else if (c === '{') {
      const match = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.pos));
      if (match === null) return item; // a literal "{" (non-unicode mode); the next atom reads it
      this.pos += match[0].length;
      min = Number(match[1]);
      max = match[2] === undefined ? min : match[3] === '' ? Infinity : Number(match[3]);
      if (max < min) this.fail('numbers out of order in {} quantifier');
    } else return item;
    if (this.peek() === '?') this.pos += 1; // lazy: the same language
    if (item.kind === 'assert' || item.kind === 'after' || item.kind === 'lookaround') this.fail('quantified assertion');
    return { kind: 'repeat', item, min, max };
  }
}

/** Parses `source` (see the file comment); throws on syntax outside the subset. */
export function parseRegex(source: string): Node {
  return new Parser(source).parse();
}

/** The characters a match of `node` can begin with, and whether it can match the empty string. */
interface First {
  readonly set: CharSet;
  readonly nullable: boolean;
}

function union(a: CharSet, b: CharSet): CharSet {
  const ranges: [number, number][] = [];
  for (const set of [a, b]) for (let i = 0; i < set.length; i += 2) ranges.push([set[i] ?? 0, set[i + 1] ?? 0]);
  return charSet(ranges);
}

function firstOf(node: Node): First {
  switch (node.kind) {
    case 'chars':
      return { set: node.set, nullable: false };
    case 'sequence': {
      let set: CharSet = [];
      for (const item of node.items) {
        const first = firstOf(item);
        set = union(set, first.set);
        if (!first.nullable) return { set, nullable: false };
      }
      return { set, nullable: true };
    }
    case 'choice':
      return node.options.map(firstOf).reduce((a, b) => ({ set: union(a.set, b.set), nullable: a.nullable || b.nullable }));
    case 'repeat': {
      const first = firstOf(node.item);
      return { set: first.set, nullable: first.nullable || node.min === 0 };
    }
    default:
      return { set: [], nullable: true };
  }
}

const LOWER_CASE_WORD = charSet([[0x30, 0x39], [0x61, 0x7a]]);

/**
 * True when every match of `source` begins with a lower-case letter or a digit (the word
 * characters of skeleton text). Before such an expression `\b` and `(?<![a-z0-9])` mean the
 * same thing on skeleton text, which has no capitals and no "_".
 */
export function startsWithWordCharacter(source: string): boolean {
  const first = firstOf(parseRegex(source));
  if (first.nullable) return false;
  for (let i = 0; i < first.set.length; i += 2) {
    const from = first.set[i] ?? 0;
    const to = first.set[i + 1] ?? 0;
    if (!inSet(LOWER_CASE_WORD, from) || !inSet(LOWER_CASE_WORD, to) || (from <= 0x39 && to >= 0x61)) return false;
  }
  return true;
}
