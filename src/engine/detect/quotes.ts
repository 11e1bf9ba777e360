/**
 * Quoted passages of a title or page text. A warning about scams quotes the kit ("Your computer has been
 * blocked. Call Microsoft Support immediately," it read; 「パソコンがロックされました」と表示され);
 * a kit states its claims without quotation marks. Quoted words still count, for less, and never
 * as strong evidence (see strength.ts).
 */

/**
 * A passage between a pair of quotation marks, at most 300 characters; single quotes only when
 * they stand apart from letters (so "don't" and "it's" are no quotes). OCR reads the German
 * low opening mark „ as a comma or two: ",Virus gefunden!“ is a quote too.
 */
const QUOTED =
  /"([^"]{1,300})"|“([^”"]{1,300})”|„([^“”"]{1,300})[“”]|«([^»]{1,300})»|「([^」]{1,300})」|『([^』]{1,300})』|(?<![a-z0-9])'([^']{3,300})'(?![a-z0-9])|(?<=^|[\s:(]),,?(?=[^\s,])([^“”"\n]{1,300})[“”]/g;

/** Page text split into what it says itself and what it quotes. */
export interface QuoteSplit {
  readonly own: string;
  /** The quoted passages, one per line; empty when there are none. */
  readonly quoted: string;
}

/** Splits normalised page text (see QuoteSplit). */
export function splitQuotes(plain: string): QuoteSplit {
  const quoted: string[] = [];
  const own = plain.replace(QUOTED, (...groups: unknown[]) => {
    const passage = groups.slice(1, 9).find((group): group is string => typeof group === 'string') ?? '';
    quoted.push(passage);
    return ' ';
  });
  return { own, quoted: quoted.join('\n') };
}
