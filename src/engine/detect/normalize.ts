/**
 * Normalising hostile text. Scam pages choose their own titles and text, so before any rule
 * looks at them: cap the size, remove invisible and direction-control characters, apply NFKC
 * (full-width and mathematical letters become ASCII), drop accents, fold look-alike letters,
 * lower-case, and collapse whitespace and dash runs.
 *
 * Two forms come out:
 * - `plain`: the readable normalised text (phones, error codes, explanations, suffixes);
 * - `skeleton` (see skeletonOf): plain with the letters and digits that scammers and OCR confuse
 *   folded together and punctuation turned into spaces, for keyword rules.
 */
import { HOMOGLYPHS } from './rules/homoglyphs.js';

/** Longest title looked at; real titles are far shorter, and a 1 MB title must cost nothing. */
export const TITLE_LIMIT = 512;
/** Longest page text looked at (OCR of one screen is a few kB). */
export const TEXT_LIMIT = 20_000;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
// The class lists invisible code points one by one (joiners, variation selectors, bidi
// controls, tags); none of them is meant to combine with its neighbour, so the lint rule about
// combined characters does not apply.
const INVISIBLE =
  // eslint-disable-next-line no-misleading-character-class
  /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8]|\udb40[\udc00-\udc7f]/g;
// eslint-disable-next-line no-misleading-character-class -- a class of combining marks on purpose
const COMBINING_MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
const DASHES = /[\u2010-\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d]/g;
const HOMOGLYPH_CHARS = new RegExp(`[${Object.keys(HOMOGLYPHS).join('')}]`, 'g');
const WHITESPACE_RUN = /\s+/g;
const DOUBLE_SPACE = / {2,}/;
const DASH_RUN = /-{2,}/g;
const CJK = '\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff';
/** OCR puts spaces between Japanese characters; Japanese has no word spaces anyway. */
const CJK_SPACE = new RegExp(`([${CJK}]) +(?=[${CJK}])`, 'g');
const HAS_CJK = new RegExp(`[${CJK}]`);

/** Cuts a string to `limit` UTF-16 units without leaving half a surrogate pair. */
export function bound(raw: string, limit: number): string {
  if (raw.length <= limit) return raw;
  const code = raw.charCodeAt(limit - 1);
  const cut = code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
  return raw.slice(0, cut);
}

/** normalizeText for printable ASCII. */
function normalizeAscii(input: string): string {
  const lower = input.toLowerCase();
  const collapsed = DOUBLE_SPACE.test(lower) ? lower.replace(WHITESPACE_RUN, ' ') : lower;
  return collapsed.indexOf('--') >= 0 ? collapsed.replace(DASH_RUN, '-').trim() : collapsed.trim();
}

/** The readable normalised form of hostile text (see the file comment). */
export function normalizeText(raw: string, limit: number = TITLE_LIMIT): string {
  // Cut before any Unicode work: NFKC can grow a string, so cut again afterwards.
  const input = bound(typeof raw === 'string' ? raw : '', limit);
  if (PRINTABLE_ASCII.test(input)) return normalizeAscii(input);
  return normalizeByTable(input, limit) ?? normalizeUnicode(input, limit);
}

/**
 * The general path of normalizeText, for any text: invisible characters, look-alikes, NFKD,
 * accents, NFC, dashes, spaces. Exported so tests can check the fast paths against it.
 */
export function normalizeUnicode(input: string, limit: number): string {
  return collapseAndCut(characterLevel(input), limit);
}

/** The character-by-character steps of normalizeUnicode: invisible characters, look-alikes, NFKD, accents, NFC, dashes. */
function characterLevel(input: string): string {
  let text = input.replace(INVISIBLE, '');
  // Fold look-alikes before and after decomposition: NFKD turns some of them into others (ϲ → ς).
  text = text.replace(HOMOGLYPH_CHARS, (c) => HOMOGLYPHS[c] ?? c).normalize('NFKD');
  text = text.replace(HOMOGLYPH_CHARS, (c) => HOMOGLYPHS[c] ?? c).toLowerCase();
  // Lower-casing can create new look-alikes (Greek capitals) and marks (Turkish İ): fold again.
  text = text.replace(HOMOGLYPH_CHARS, (c) => HOMOGLYPHS[c] ?? c).replace(COMBINING_MARKS, '').normalize('NFC');
  return text.replace(DASHES, '-');
}

/** The steps of normalizeUnicode over runs: dash and space runs, spaces between Japanese characters, ends, size. */
function collapseAndCut(characters: string, limit: number): string {
  let text = characters.replace(DASH_RUN, '-').replace(WHITESPACE_RUN, ' ');
  if (HAS_CJK.test(text)) text = text.replace(CJK_SPACE, '$1');
  return bound(text.trim(), limit);
}

/**
 * Code ranges whose characters normalizeByTable may map one by one: Latin-1 to Latin Extended-B,
 * Greek, Cyrillic, Armenian, general punctuation (dashes, invisible characters, spaces), the
 * other invisible characters and dashes of INVISIBLE and DASHES, the ideographic space and
 * full-width ASCII: what browsers put in real titles (Edge's zero-width space, Firefox's em
 * dash), what European pages use, and the look-alikes scam kits use.
 */
const TABLE_RANGES: readonly (readonly [number, number])[] = [
  [0x00a0, 0x024f], [0x034f, 0x034f], [0x0370, 0x058f], [0x061c, 0x061c], [0x115f, 0x1160], [0x17b4, 0x17b5], [0x180b, 0x180f],
  [0x2000, 0x206f], [0x2212, 0x2212], [0x2e3a, 0x2e3b], [0x3000, 0x3000], [0x3164, 0x3164], [0xfe00, 0xfe0f], [0xfe58, 0xfe58],
  [0xfe63, 0xfe63], [0xfeff, 0xfeff], [0xff01, 0xff5e], [0xffa0, 0xffa0], [0xfff0, 0xfff8],
];
/** Kana, kanji and Japanese punctuation: NFKC, accent removal and the look-alike table all leave them as they are. */
function isPlainJapanese(code: number): boolean {
  if (code >= 0x4e00) return code <= 0x9fff;
  if (code >= 0x3041) return code <= 0x3096 || (code >= 0x30a1 && code <= 0x30fe);
  return (code >= 0x3001 && code <= 0x3003) || (code >= 0x3005 && code <= 0x3011) || (code >= 0x3014 && code <= 0x301b);
}

/** White space that WHITESPACE_RUN would change: a run of two, or any but the ASCII space. */
const SPACE_TO_COLLAPSE = /\s\s|[^\S ]/;
/**
 * What characterLevel makes of each character of TABLE_RANGES met so far, or null for one whose
 * result depends on its neighbours or is not final (such text takes the general path). Filled
 * on demand: at most the few thousand characters of TABLE_RANGES.
 */
const characterTable = new Map<number, string | null>();

function inTableRanges(code: number): boolean {
  for (const [from, to] of TABLE_RANGES) if (code >= from && code <= to) return true;
  return false;
}

function tableEntry(code: number): string | null {
  if (!inTableRanges(code)) return null;
  const c = String.fromCharCode(code);
  const alone = characterLevel(c);
  // Only characters whose result does not depend on their neighbours, and is itself final.
  if (characterLevel(alone) !== alone || alone.toLowerCase() !== alone || /\p{M}/u.test(alone) || HAS_CJK.test(alone)) return null;
  if (characterLevel(`a${c}a`) !== `a${alone}a` || characterLevel(`A${c} `) !== `a${alone} ` || characterLevel(`${c}${c}`) !== alone + alone) return null;
  return alone;
}

/**
 * normalizeText for printable ASCII, kana and kanji mixed with the characters of TABLE_RANGES
 * (European accents, look-alike Greek and Cyrillic letters, browser punctuation): each such
 * character is replaced by what the general path makes of it, then runs and ends are collapsed
 * as there.
 * Same result as normalizeUnicode (checked by property tests); undefined for other text.
 */
function normalizeByTable(input: string, limit: number): string | undefined {
  let out = '';
  let start = 0;
  let japanese = false;
  for (let i = 0; i < input.length; i += 1) {
    const code = input.charCodeAt(i);
    if (code >= 0x20 && code <= 0x7e) continue;
    if (isPlainJapanese(code)) {
      japanese = true;
      continue;
    }
    let mapped = characterTable.get(code);
    if (mapped === undefined) {
      mapped = tableEntry(code);
      characterTable.set(code, mapped);
    }
    if (mapped === null) return undefined;
    out += input.slice(start, i) + mapped;
    start = i + 1;
  }
  // collapseAndCut, minus the steps that would change nothing.
  let text = (out + input.slice(start)).toLowerCase();
  if (text.indexOf('--') >= 0) text = text.replace(DASH_RUN, '-');
  if (SPACE_TO_COLLAPSE.test(text)) text = text.replace(WHITESPACE_RUN, ' ');
  if (japanese && text.indexOf(' ') >= 0) text = text.replace(CJK_SPACE, '$1');
  return bound(text.trim(), limit);
}

const MIXED_TOKEN_HINT = /[a-z][0-9@$|]|[0-9@$|][a-z]/;
/**
 * A token of letters and digit-like characters that has both (only such tokens change in
 * foldDigits). Anchored at the token's start so a long token costs one scan, not a
 * scan per position.
 */
const MIXED_TOKEN = /(?<![a-z0-9@$|])[a-z0-9@$|]*?(?:[a-z][0-9@$|]|[0-9@$|][a-z])[a-z0-9@$|]*/g;
const DIGITISH = /[0-9@$|]/g;
const DIGIT_AS_LETTER: Readonly<Record<string, string>> = {
  '0': 'o', '1': 'l', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '|': 'l',
};
const RN = /rn/g;
const VV = /vv/g;
const LETTER_I = /i/g;
const HAS_KANA = /[\u3040-\u30ff]/;
const SMALL_KANA = /[ァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎ]/g;
const LETTER_FOLD: Readonly<Record<string, string>> = {
  ァ: 'ア', ィ: 'イ', ゥ: 'ウ', ェ: 'エ', ォ: 'オ', ッ: 'ツ', ャ: 'ヤ', ュ: 'ユ', ョ: 'ヨ', ヮ: 'ワ', ヵ: 'カ', ヶ: 'ケ',
  ぁ: 'あ', ぃ: 'い', ぅ: 'う', ぇ: 'え', ぉ: 'お', っ: 'つ', ゃ: 'や', ゅ: 'ゆ', ょ: 'よ', ゎ: 'わ',
};
/** OCR reads the katakana long vowel as a dash or the kanji "one". */
const KATAKANA_DASH = /([\u30a1-\u30fa])[-一]/g;
const PUNCTUATION_RUN = /[-_.,:;!?'"`~*=+#^()[\]{}<>«»“”‘’„「」『』【】〔〕（）・•·|/\\、。！？：；…]+/g;
const SPACED_LETTERS_HINT = /(?:^| )[a-z0-9] [a-z0-9] [a-z0-9](?: |$)/;
const SPACED_LETTERS = /(?:^| )((?:[a-z0-9] ){2,}[a-z0-9])(?= |$)/g;

/**
 * Folds letters that look alike to scammers and OCR (i/l, rn/m, vv/w, small kana). Applied to
 * text and to rule patterns alike, so rules are written in plain spelling.
 */
export function foldLetters(text: string): string {
  // String replacements (no callback) keep the common all-ASCII case fast.
  const latin = text.replace(RN, 'm').replace(VV, 'w').replace(LETTER_I, 'l');
  return HAS_KANA.test(latin) ? latin.replace(SMALL_KANA, (c) => LETTER_FOLD[c] ?? c) : latin;
}

/** ASCII punctuation that separates words in the skeleton (the ASCII part of PUNCTUATION_RUN). */
const ASCII_PUNCTUATION = '-_.,:;!?\'"`~*=+#^()[]{}<>|/\\';
const SPACE = 0x20;
/**
 * Output buffer of the skeleton pass, reused (a plain array: String.fromCharCode.apply is fastest
 * on it). After a pass it holds that skeleton's codes, one per UTF-16 unit.
 */
const skeletonCodes: number[] = [];
/** fromCharCode.apply takes the codes in slices this long (far below any argument limit). */
const APPLY_SLICE = 4096;

/** Non-ASCII punctuation of PUNCTUATION_RUN, by code. */
const OTHER_PUNCTUATION = new Set(Array.from('«»“”‘’„「」『』【】〔〕（）・•·、。！？：；…', (c) => c.charCodeAt(0)));
/** Codes below this have their letter fold and separator flag in the tables below (ASCII to kana). */
const TABLE_SPAN = 0x3100;
/** Letter folds by code (i → l, small kana → large), identity elsewhere: one load per character. */
const FOLDED_LETTER = Uint16Array.from({ length: TABLE_SPAN }, (_, code) => {
  if (code === 0x69) return 0x6c;
  const large = LETTER_FOLD[String.fromCharCode(code)];
  return large === undefined ? code : large.charCodeAt(0);
});
/** Whitespace other than the ASCII space: normalised text has none, other text takes the general path. */
const OTHER_WHITESPACE = /[^\S ]/;
const SEPARATOR = 1;
const OTHER_SPACE = 2;
/** SEPARATOR for punctuation and the space (PUNCTUATION_RUN and " "), OTHER_SPACE for other white space, by code. */
const IS_SEPARATOR = Uint8Array.from({ length: TABLE_SPAN }, (_, code) => {
  const c = String.fromCharCode(code);
  if (code === SPACE || (code < 0x80 && ASCII_PUNCTUATION.includes(c)) || OTHER_PUNCTUATION.has(code)) return SEPARATOR;
  return OTHER_WHITESPACE.test(c) ? OTHER_SPACE : 0;
});
/**
 * ASCII characters as MIXED_TOKEN_HINT sees them: LETTER, DIGIT, or DIGIT_LIKE (@ $ |); 0 for
 * the rest. A letter next to a digit or digit-like character is what sends a text through
 * foldDigits.
 */
const LETTER = 1;
const DIGIT = 2;
const DIGIT_LIKE = 3;
const ASCII_KIND = Uint8Array.from({ length: 0x80 }, (_, code) => {
  if (code >= 0x61 && code <= 0x7a) return LETTER;
  if (code >= 0x30 && code <= 0x39) return DIGIT;
  return code === 0x40 || code === 0x24 || code === 0x7c ? DIGIT_LIKE : 0;
});
/** What the last oneSkeletonPass saw: non-ASCII output, a digit, a letter next to a digit(-like) character. */
let passNonAscii = false;
let passDigits = false;
let passMixed = false;

function isCjkCode(code: number): boolean {
  return (code >= 0x3040 && code <= 0x30ff) || (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}

function isLetterOrDigitCode(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
}

/**
 * Whether the first `n` codes (a skeleton: single spaces, none at either end) have three single
 * letters or digits in a row, each a word of its own ("v l r u s"): what SPACED_LETTERS_HINT
 * finds, read from the codes the skeleton pass leaves behind instead of scanning the string.
 */
function hasSpacedLetters(codes: readonly number[], n: number): boolean {
  let run = 0;
  let start = 0;
  for (let i = 0; i <= n; i += 1) {
    if (i < n && codes[i] !== SPACE) continue;
    // A word from start to i (exclusive).
    run = i - start === 1 && isLetterOrDigitCode(codes[start] ?? 0) ? run + 1 : 0;
    if (run >= 3) return true;
    start = i + 1;
  }
  return false;
}

/** The codes collected by a skeleton loop, as a string. */
function codesToString(codes: readonly number[], n: number): string {
  if (n <= APPLY_SLICE) return String.fromCharCode.apply(null, codes.slice(0, n));
  let out = '';
  for (let start = 0; start < n; start += APPLY_SLICE) out += String.fromCharCode.apply(null, codes.slice(start, Math.min(n, start + APPLY_SLICE)));
  return out;
}

/**
 * skeletonOf, in one pass, for text whose only whitespace is the ASCII space (undefined for
 * other text): the letter folds of foldLetters, a katakana followed by "-" or "一" keeps a
 * long-vowel mark "ー", punctuation and spaces become one space except between two Japanese
 * characters (where OCR and punctuation put spaces that Japanese does not have), no space at
 * either end. Same result as skeletonOfGeneral (checked by a property test), several times
 * faster. On the way it notes passNonAscii, passDigits and, when `watchTokens`, passMixed (and
 * stops at the first such token).
 */
function oneSkeletonPass(text: string, watchTokens: boolean): string | undefined {
  const codes = skeletonCodes;
  const length = text.length;
  let n = 0;
  let pendingSpace = false;
  let previous = -1; // the previous character after letter folding, before the long-vowel rule
  let lastOut = -1;
  let lastKind = 0;
  let nonAscii = false;
  let digits = false;
  let mixed = false;
  for (let i = 0; i < length; i += 1) {
    let code = text.charCodeAt(i);
    const kind = code < 0x80 ? (ASCII_KIND[code] ?? 0) : 0;
    if (kind !== 0) {
      if (kind === DIGIT) digits = true;
      // A letter next to a digit(-like) character: the text must be read again with digits
      // folded (see skeletonFacts), so stop here.
      if (lastKind !== 0 && (kind === LETTER) !== (lastKind === LETTER) && watchTokens) {
        mixed = true;
        break;
      }
    }
    lastKind = kind;
    // rn → m and vv → w, left to right (written out here: a helper call per character cost a third).
    if (code === 0x72 && i + 1 < length && text.charCodeAt(i + 1) === 0x6e) {
      code = 0x6d;
      i += 1;
    } else if (code === 0x76 && i + 1 < length && text.charCodeAt(i + 1) === 0x76) {
      code = 0x77;
      i += 1;
    } else if (code < TABLE_SPAN) code = FOLDED_LETTER[code] ?? code;
    const folded = code;
    if ((code === 0x2d || code === 0x4e00) && previous >= 0x30a1 && previous <= 0x30fa) code = 0x30fc; // ア- → アー
    previous = folded;
    const separator = code < TABLE_SPAN ? (IS_SEPARATOR[code] ?? 0) : code >= 0xff00 && OTHER_PUNCTUATION.has(code) ? SEPARATOR : code === 0xfeff ? OTHER_SPACE : 0;
    if (separator === SEPARATOR) {
      pendingSpace = true;
      continue;
    }
    if (separator === OTHER_SPACE) {
      passMixed = false;
      return undefined;
    }
    if (pendingSpace && n > 0 && !(isCjkCode(lastOut) && isCjkCode(code))) {
      codes[n] = SPACE;
      n += 1;
    }
    pendingSpace = false;
    codes[n] = code;
    n += 1;
    lastOut = code;
    if (code > 0x7e || code < 0x20) nonAscii = true;
  }
  passNonAscii = nonAscii;
  passDigits = digits;
  passMixed = mixed;
  return mixed ? '' : codesToString(codes, n);
}

/** A skeleton (see skeletonOf) with what its pass learned of it on the way. */
export interface SkeletonFacts {
  readonly skeleton: string;
  /** The skeleton has characters other than printable ASCII, tab and line breaks (see hasNonAscii). */
  readonly nonAscii: boolean;
  /** The text had an ASCII digit. */
  readonly digits: boolean;
}

const NON_ASCII = /[^\t\n\r\x20-\x7e]/;

/** True when text has Japanese (or other non-ASCII) characters worth the Japanese rules. */
export function hasNonAscii(text: string): boolean {
  return NON_ASCII.test(text);
}
const ASCII_DIGIT = /\d/;

/** skeletonOf, and two facts the detector needs next, without scanning the text again. */
export function skeletonFacts(plain: string): SkeletonFacts {
  let text = oneSkeletonPass(plain, true);
  let digits = passDigits;
  if (passMixed) {
    // Digits inside words are letters in disguise (w1nd0ws, micr0s0ft, ca11, 5ecurity): such a
    // text is read again with them folded (the first pass stopped where it found one).
    digits = ASCII_DIGIT.test(plain);
    text = oneSkeletonPass(plain.replace(MIXED_TOKEN, foldDigits), false);
  }
  if (text === undefined) {
    const skeleton = skeletonOfGeneral(plain);
    return { skeleton, nonAscii: hasNonAscii(skeleton), digits: ASCII_DIGIT.test(plain) };
  }
  const nonAscii = passNonAscii;
  // "V I R U S" letter-spacing: join runs of single characters (the pass leaves its codes behind).
  const skeleton = hasSpacedLetters(skeletonCodes, text.length) ? joinSpacedLetters(text) : text;
  return { skeleton, nonAscii, digits };
}

/** The keyword-matching form of `plain` text (see the file comment). */
export function skeletonOf(plain: string): string {
  return skeletonFacts(plain).skeleton;
}

/**
 * skeletonOf written as plain replaces, step by step: used for text with unusual whitespace,
 * and exported so tests can check the one-pass loops against it.
 */
export function skeletonOfGeneral(plain: string): string {
  let text = plain;
  if (MIXED_TOKEN_HINT.test(text)) text = text.replace(MIXED_TOKEN, foldDigits);
  text = foldLetters(text);
  const cjk = HAS_CJK.test(text);
  if (cjk) text = text.replace(KATAKANA_DASH, '$1ー');
  text = text.replace(PUNCTUATION_RUN, ' ');
  if (cjk) text = text.replace(CJK_SPACE, '$1');
  if (DOUBLE_SPACE.test(text)) text = text.replace(WHITESPACE_RUN, ' ');
  text = text.trim();
  return SPACED_LETTERS_HINT.test(text) ? joinSpacedLetters(text) : text;
}

function foldDigits(token: string): string {
  return token.replace(DIGITISH, (c) => DIGIT_AS_LETTER[c] ?? c);
}

function joinSpacedLetters(text: string): string {
  return text.replace(SPACED_LETTERS, (match, run: string) => (match.startsWith(' ') ? ' ' : '') + run.replace(/ /g, ''));
}

/** Skeleton with every space removed: OCR splits words ("Win dows", "de tected"). */
export function compactOf(skeleton: string): string {
  return skeleton.replace(/ /g, '');
}
