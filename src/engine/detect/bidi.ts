/**
 * How a title with a right-to-left override reads on screen. U+202E (RLO) draws what follows
 * it, up to U+202C (PDF) or the end, in reverse: "\u202E9910-555-888-1+ llaC" shows as
 * "Call +1-888-555-0199". Kits use it to show one thing and store another, so the detector reads
 * such a title both ways (stored order and this one).
 */
const RLO = '\u202e';
const END_OF_OVERRIDE = /[\u202c\u2069]/;
/** Bidi controls other than RLO and its ends: removed here, as the shared cleaner would. */
const OTHER_BIDI = /[\u061c\u200e\u200f\u202a\u202b\u202d\u2066-\u2068]/g;

/** The title as drawn, or undefined when it has no right-to-left override. `limit` bounds the work. */
export function visualOrder(raw: unknown, limit: number): string | undefined {
  if (typeof raw !== 'string' || !raw.includes(RLO)) return undefined;
  const parts = raw.slice(0, limit).replace(OTHER_BIDI, '').split(RLO);
  let out = parts[0] ?? '';
  for (const part of parts.slice(1)) {
    const end = part.search(END_OF_OVERRIDE);
    const reversed = end < 0 ? part : part.slice(0, end);
    out += Array.from(reversed).reverse().join('') + (end < 0 ? '' : part.slice(end + 1));
  }
  return out;
}
