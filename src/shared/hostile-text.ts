/**
 * The one place that bounds and cleans text a page controls (titles, page text, OCR output,
 * phone numbers as shown) for every layer: the detector reads it, the UI and mails show it, the
 * record keeps it. A page picks its own title and text, so:
 * - invisible characters and direction controls go first (zero-width spaces and joiners, bidi
 *   embeddings/overrides/isolates/marks, variation selectors, tags, fillers, soft hyphens; C0/C1
 *   controls become spaces): a right-to-left override can make "moc.tfosorcim" read as "microsoft.com", and 600
 *   zero-width spaces before a title must not push the title out of the length limit;
 * - white space is collapsed (line breaks kept when asked: the detector reads OCR line by line);
 * - only then is the text cut, on a code-point boundary, with an ellipsis when asked.
 * The work is bounded by the input actually consumed: the scan stops once the limit is reached.
 * The result is still hostile: show it with `textContent`, never as HTML.
 */

/** Longest page title kept anywhere (Windows caps titles near this too). */
export const TITLE_LIMIT = 512;
/** Longest page text (OCR of one screen is a few kB) the detector reads. */
export const PAGE_TEXT_LIMIT = 20_000;

/**
 * Characters that draw nothing or change how their neighbours are drawn; lone surrogate pairs
 * for tags (U+E0000–E007F) and variation selectors supplement (U+E0100–E01EF) follow.
 */
const INVISIBLE_BMP =
  '\\u00ad\\u034f\\u061c\\u115f\\u1160\\u17b4\\u17b5\\u180b-\\u180f' +
  '\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u206f\\u3164\\ufe00-\\ufe0f\\ufeff\\uffa0\\ufff0-\\ufffb';
const INVISIBLE_ASTRAL = '\\udb40[\\udc00-\\udc7f\\udd00-\\uddef]';
/**
 * White space (ASCII, no-break, typographic, ideographic, separators) and C0/C1 controls, which
 * separate words like a space (a terminal escape must not glue two words into one).
 */
const SPACE = '\\u0000-\\u001f\\u007f-\\u009f \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const LINE_BREAK = /[\n\v\f\r\u2028\u2029]/;

/** One token per match: a run of white space, an astral invisible (skipped), or a run of visible characters. */
function tokenPattern(): RegExp {
  // The class lists invisible code points one by one; none is meant to combine with its neighbour.
  // eslint-disable-next-line no-misleading-character-class
  return new RegExp(`([${SPACE}]+)|${INVISIBLE_ASTRAL}|((?:(?!${INVISIBLE_ASTRAL})[^${INVISIBLE_BMP}${SPACE}])+)`, 'g');
}

/** True when the text carries characters cleanHostileText removes (a sign of tampering). */
export function hasHiddenCharacters(text: string): boolean {
  // eslint-disable-next-line no-misleading-character-class -- invisible code points listed one by one
  return new RegExp(`[${INVISIBLE_BMP}]|${INVISIBLE_ASTRAL}`).test(text);
}

/** How to clean one piece of hostile text. */
export interface CleanOptions {
  /** Longest result in characters (code points, ellipsis included). */
  readonly limit: number;
  /** Keep line breaks (one "\n" per run of them); otherwise every white-space run is one space. */
  readonly lines?: boolean;
  /** Mark a cut with "…". */
  readonly ellipsis?: boolean;
}

/** Characters (code points) of a string. */
function codePoints(text: string): number {
  return text.length - (text.match(/[\ud800-\udbff][\udc00-\udfff]/g)?.length ?? 0);
}

/**
 * Hostile text made plain (see the file comment): invisibles and controls removed, white space
 * collapsed and trimmed, then cut to `limit`.
 */
export function cleanHostileText(raw: unknown, options: CleanOptions): string {
  if (typeof raw !== 'string' || options.limit <= 0) return '';
  const limit = Math.floor(options.limit);
  let out = '';
  let count = 0;
  let pendingSpace = '';
  let cut = false;
  for (const match of raw.matchAll(tokenPattern())) {
    if (match[1] !== undefined) {
      if (out !== '') pendingSpace = options.lines === true && LINE_BREAK.test(match[1]) ? '\n' : pendingSpace || ' ';
      continue;
    }
    if (match[2] === undefined) continue;
    out += pendingSpace + match[2];
    count += pendingSpace.length + codePoints(match[2]);
    pendingSpace = '';
    if (count > limit) {
      cut = true;
      break;
    }
  }
  if (!cut) return out;
  const characters = Array.from(out);
  if (options.ellipsis !== true) return characters.slice(0, limit).join('').trimEnd();
  return `${characters.slice(0, limit - 1).join('').trimEnd()}…`;
}

/** A title as every layer keeps it: one line, at most TITLE_LIMIT characters. */
export function cleanTitle(raw: unknown, options: { readonly ellipsis?: boolean; readonly limit?: number } = {}): string {
  return cleanHostileText(raw, { limit: options.limit ?? TITLE_LIMIT, ellipsis: options.ellipsis ?? false });
}

/** Page text (OCR output, visible text) as the detector reads it: lines kept, at most `limit`. */
export function cleanPageText(raw: unknown, limit: number = PAGE_TEXT_LIMIT): string {
  return cleanHostileText(raw, { limit, lines: true });
}
