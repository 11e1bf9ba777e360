/**
 * The literal prefilter (a reverse index, as ad blockers keep one from tokens to filters): each
 * rule's required literals (required-literals.ts) are filed under their first two characters;
 * one pass over a text looks up every position's two characters and compares only the few
 * literals filed there. The rules whose literal occurs, plus those without literals, are the
 * only ones whose regexes run.
 */

interface Entry {
  readonly literal: string;
  readonly rule: number;
}

function keyAt(text: string, at: number): number {
  return (text.charCodeAt(at) << 16) | text.charCodeAt(at + 1);
}

/** Rules of one rule book that may match a text: rule n may match when `candidates[n]` is 1. */
export type Candidates = Uint8Array;

/** The index of a rule book's literals; immutable once built. */
export class LiteralIndex {
  private readonly byKey = new Map<number, Entry[]>();
  private readonly alwaysTried: Uint8Array;

  /** `literalsOfRule[n]`: rule n's required literals, or undefined when it must always be tried. */
  constructor(literalsOfRule: readonly (readonly string[] | undefined)[]) {
    this.alwaysTried = new Uint8Array(literalsOfRule.length);
    literalsOfRule.forEach((literals, rule) => {
      if (literals === undefined) {
        this.alwaysTried[rule] = 1;
        return;
      }
      for (const literal of new Set(literals)) {
        if (literal.length < 2) throw new Error(`literal "${literal}" is too short to index`);
        const key = keyAt(literal, 0);
        const entries = this.byKey.get(key);
        if (entries === undefined) this.byKey.set(key, [{ literal, rule }]);
        else entries.push({ literal, rule });
      }
    });
  }

  /** The rules whose literal occurs in `text`, and every rule without literals. */
  candidates(text: string): Candidates {
    const found = this.alwaysTried.slice();
    for (let at = 0; at + 1 < text.length; at += 1) {
      const entries = this.byKey.get(keyAt(text, at));
      if (entries === undefined) continue;
      for (const { literal, rule } of entries) if (found[rule] === 0 && text.startsWith(literal, at)) found[rule] = 1;
    }
    return found;
  }
}
