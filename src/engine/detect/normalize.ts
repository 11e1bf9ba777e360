/**
 * Normalising hostile text, one path for every text. Scam pages choose their own titles and
 * text, so before any rule looks at them: invisible and direction-control characters out and the
 * size bounded (src/shared/hostile-text.ts), NFKD, look-alike letters folded, accents dropped,
 * lower case, white space and dash runs collapsed.
 *
 * Two forms come out:
 * - `plain` (normalizeText): the readable normalised text (phones, error codes, suffixes);
 * - `skeleton` (skeletonOf): plain with the letters and digits that scammers and OCR confuse
 *   folded together and punctuation turned into spaces, for keyword rules.
 */
import { cleanHostileText, PAGE_TEXT_LIMIT, TITLE_LIMIT } from '../../shared/hostile-text.js';
import { CONFUSABLES_BY_ASCII } from './rules/confusables.js';
import { letterForms } from './rules/letter-forms.js';

export { TITLE_LIMIT } from '../../shared/hostile-text.js';
/** Longest page text looked at. */
export const TEXT_LIMIT = PAGE_TEXT_LIMIT;

// eslint-disable-next-line no-misleading-character-class -- a class of combining marks on purpose
const COMBINING_MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
const DASHES = /[\u2010-\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d]/g;
/** Look-alike letters → ASCII: Unicode's confusables (UTS #39) and the letter forms it lacks. */
const LOOK_ALIKES: ReadonlyMap<string, string> = new Map([
  ...Object.entries(CONFUSABLES_BY_ASCII).flatMap(([ascii, forms]) => Array.from(forms, (form): [string, string] => [form, ascii])),
  ...letterForms(),
]);
const LOOK_ALIKE = new RegExp(`[${[...LOOK_ALIKES.keys()].join('')}]`, 'gu');
/** Emoji and pictographs: dropped, so "Mi😀cro😀soft" reads as one word (rules allow a missing space). */
const PICTOGRAPHS = /[\p{Extended_Pictographic}\p{Emoji_Modifier}]/gu;
const WHITESPACE_RUN = /\s+/g;
const DASH_RUN = /-{2,}/g;
const CJK = '\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff';
/** OCR puts spaces between Japanese characters; Japanese has no word spaces anyway. */
const CJK_SPACE = new RegExp(`([${CJK}]) +(?=[${CJK}])`, 'g');
const HAS_CJK = new RegExp(`[${CJK}]`);

function foldHomoglyphs(text: string): string {
  return text.replace(LOOK_ALIKE, (c) => LOOK_ALIKES.get(c) ?? c);
}

/** Cuts to `limit` UTF-16 units without leaving half a surrogate pair. */
function cut(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const code = text.charCodeAt(limit - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit);
}

/** The readable normalised form of hostile text (see the file comment). */
export function normalizeText(raw: unknown, limit: number = TITLE_LIMIT): string {
  // Invisibles go before the cut, the cut before any Unicode work; NFKD can grow a string, so cut again.
  let text = cleanHostileText(raw, { limit });
  // Fold look-alikes before and after decomposition: NFKD turns some of them into others (ϲ → ς),
  // and lower-casing makes new ones (Greek capitals) and marks (Turkish İ).
  text = foldHomoglyphs(foldHomoglyphs(text).replace(PICTOGRAPHS, '').normalize('NFKD')).toLowerCase();
  text = foldHomoglyphs(text).replace(COMBINING_MARKS, '').normalize('NFC').replace(DASHES, '-');
  text = text.replace(DASH_RUN, '-').replace(WHITESPACE_RUN, ' ');
  if (HAS_CJK.test(text)) text = text.replace(CJK_SPACE, '$1');
  return cut(text.trim(), limit);
}

const MIXED_TOKEN_HINT = /[a-z][0-9@$|]|[0-9@$|][a-z]/;
/**
 * A token of letters and digit-like characters that has both (only such tokens change in
 * foldDigits). Anchored at the token's start so a long token costs one scan.
 */
const MIXED_TOKEN = /(?<![a-z0-9@$|])[a-z0-9@$|]*?(?:[a-z][0-9@$|]|[0-9@$|][a-z])[a-z0-9@$|]*/g;
const DIGITISH = /[0-9@$|]/g;
const DIGIT_AS_LETTER: Readonly<Record<string, string>> = {
  '0': 'o', '1': 'l', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '|': 'l',
};
const HAS_KANA = /[\u3040-\u30ff]/;
const SMALL_KANA = /[ァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎ]/g;
const LARGE_KANA: Readonly<Record<string, string>> = {
  ァ: 'ア', ィ: 'イ', ゥ: 'ウ', ェ: 'エ', ォ: 'オ', ッ: 'ツ', ャ: 'ヤ', ュ: 'ユ', ョ: 'ヨ', ヮ: 'ワ', ヵ: 'カ', ヶ: 'ケ',
  ぁ: 'あ', ぃ: 'い', ぅ: 'う', ぇ: 'え', ぉ: 'お', っ: 'つ', ゃ: 'や', ゅ: 'ゆ', ょ: 'よ', ゎ: 'わ',
};
/** OCR reads the katakana long vowel as a dash or the kanji "one". */
const KATAKANA_DASH = /([\u30a1-\u30fa])[-一]/g;
const PUNCTUATION_RUN = /[-_.,:;!?'"`~*=+#^()[\]{}<>«»“”‘’„「」『』【】〔〕（）・•·|/\\、。！？：；…]+/g;
const SPACED_LETTERS = /(?:^| )((?:[a-z0-9] ){2,}[a-z0-9])(?= |$)/g;
const NON_ASCII = /[^\t\n\r\x20-\x7e]/;
const ASCII_DIGIT = /[0-9]/;

/**
 * Folds letters that look alike to scammers and OCR (i/l, rn/m, vv/w, small kana). Applied to
 * text and to rule patterns alike, so rules are written in plain spelling.
 */
export function foldLetters(text: string): string {
  const latin = text.replace(/rn/g, 'm').replace(/vv/g, 'w').replace(/i/g, 'l');
  return HAS_KANA.test(latin) ? latin.replace(SMALL_KANA, (c) => LARGE_KANA[c] ?? c) : latin;
}

/** True when text has Japanese (or other non-ASCII) characters worth the Japanese rules. */
export function hasNonAscii(text: string): boolean {
  return NON_ASCII.test(text);
}

/** A skeleton with two facts the detector needs next. */
export interface SkeletonFacts {
  readonly skeleton: string;
  /** The skeleton has characters other than printable ASCII. */
  readonly nonAscii: boolean;
  /** The plain text had an ASCII digit (codes and numbers need one). */
  readonly digits: boolean;
}

/** The keyword-matching form of `plain` text (see the file comment). */
export function skeletonOf(plain: string): string {
  let text = plain;
  // Digits inside words are letters in disguise (w1nd0ws, micr0s0ft, ca11, 5ecurity).
  if (MIXED_TOKEN_HINT.test(text)) text = text.replace(MIXED_TOKEN, (token) => token.replace(DIGITISH, (c) => DIGIT_AS_LETTER[c] ?? c));
  text = foldLetters(text);
  const cjk = HAS_CJK.test(text);
  if (cjk) text = text.replace(KATAKANA_DASH, '$1ー');
  text = text.replace(PUNCTUATION_RUN, ' ');
  if (cjk) text = text.replace(CJK_SPACE, '$1');
  text = text.replace(WHITESPACE_RUN, ' ').trim();
  // "V I R U S" letter-spacing: join runs of single characters.
  return text.replace(SPACED_LETTERS, (match, run: string) => (match.startsWith(' ') ? ' ' : '') + run.replace(/ /g, ''));
}

/** skeletonOf, and whether the skeleton is non-ASCII and the text has digits. */
export function skeletonFacts(plain: string): SkeletonFacts {
  const skeleton = skeletonOf(plain);
  return { skeleton, nonAscii: hasNonAscii(skeleton), digits: ASCII_DIGIT.test(plain) };
}

/** Skeleton with every space removed: OCR splits words ("Win dows", "de tected"). */
export function compactOf(skeleton: string): string {
  return skeleton.replace(/ /g, '');
}
