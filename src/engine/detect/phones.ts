/**
 * Phone numbers on a page: cheap candidate extraction first, then libphonenumber-js only for
 * candidates (most titles have no digit run at all and never reach the library). Exported for
 * the family/scam-number helper, which normalises numbers the same way.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { PhoneMention } from '../../shared/verdict.js';
import { OTHER_FALLBACK, TOLL_FREE_PREFIXES, TRUNK_ZERO_FALLBACK } from './rules/phone-regions.js';

/** At most this many numbers are reported per observation (hostile pages can list hundreds). */
export const MAX_PHONES = 5;
const MAX_CANDIDATES = 40;

/** Seven or more digits, maybe with "+", brackets, dots, dashes, slashes or single spaces between. */
const CANDIDATE = /(?:\+ ?|\()?\d(?:[ ()./-]{0,3}\d){6,17}/g;
/** Seven digits with at most three separators between each: anything shorter is no number. */
const QUICK_CHECK = /\d(?:[ ()./-]{0,3}[\doOlI|]){6}/;
/**
 * OCR reads 0 as O and 1 as l/I inside numbers ("O5O-3116-228O" aside, "0120-l23-456"): a run
 * that starts (maybe after one O) and ends with a digit gets its look-alike letters mapped back.
 */
const OCR_DIGIT_RUN = /(?:\b[oO][ -]?)?\d(?:[ ()./-]{0,3}[0-9oOlI|]){0,20}(?<=\d)/g;
const OCR_LETTER = /[oOlI|]/g;
const OCR_LETTER_VALUE: Readonly<Record<string, string>> = { o: '0', O: '0', l: '1', I: '1', '|': '1' };
/**
 * Kits write the number straight from their address (`?phone=%2B1-888-555-0142`), so the page
 * shows "%2B1-888-…": a URL-encoded "+" before a digit is a plus sign.
 */
const URL_ENCODED_PLUS = /%2B(?=\s?\d)/gi;
const CVE_BEFORE = /cve[ -]$/i;
const DATE_LIKE = /^(?:19|20)\d\d[ ./-]\d{1,2}[ ./-]\d{1,2}$|^\d{1,2}[ ./-]\d{1,2}[ ./-](?:19|20)\d\d$/;

const NANP_SHAPE = /^1?[2-9]\d{2}[2-9]\d{6}$/;
const JP_SHAPE = /^0\d{1,4}-\d{1,4}-\d{3,4}$/;
/** Regions tried per number at most: the hint's first ones, then the likeliest fallback. */
const MAX_REGION_ATTEMPTS = 4;

function isTollFree(e164: string): boolean {
  return TOLL_FREE_PREFIXES.some((prefix) => e164.startsWith(prefix));
}

/** One region, or several in order of preference. */
export type RegionHint = CountryCode | readonly CountryCode[];

function regionsToTry(text: string, digits: string, hint: RegionHint | undefined): CountryCode[] {
  const trunkZero = digits.startsWith('0');
  const guess: readonly CountryCode[] =
    trunkZero ? TRUNK_ZERO_FALLBACK : digits.length === 11 && digits.startsWith('1') ? ['US'] : OTHER_FALLBACK;
  const hinted: readonly CountryCode[] = hint === undefined ? [] : typeof hint === 'string' ? [hint] : hint;
  // North American numbers never start with 0.
  const preferred = trunkZero ? hinted.filter((region) => region !== 'US' && region !== 'CA') : hinted;
  // The shape of a number says more than the page's language: kits in any language advertise
  // US numbers, and Japanese numbers are written with hyphens (0120-987-654, 03-4578-1234).
  const byShape: CountryCode[] = NANP_SHAPE.test(digits) ? ['US'] : JP_SHAPE.test(text) ? ['JP'] : [];
  return [...new Set([...byShape, ...preferred, ...guess])];
}

/**
 * Normalises one written phone number to E.164. `defaultRegion` is the country to assume for a
 * national number ("0120-123-456" with `JP`, or a list in order of preference); without it the usual scam targets are tried in
 * turn. Returns undefined when no valid number comes out.
 */
export function normalizePhoneNumber(raw: string, defaultRegion?: RegionHint): PhoneMention | undefined {
  const text = raw.trim().slice(0, 40);
  const digits = text.replace(/\D/g, '');
  const attempts: readonly (CountryCode | undefined)[] =
    digits.length < 7 || digits.length > 15 ? [] : text.startsWith('+') ? [undefined] : regionsToTry(text, digits, defaultRegion).slice(0, MAX_REGION_ATTEMPTS);
  return parseFirstValid(text, attempts);
}

/** The number read only in the page's own regions (no fallback country), or undefined. */
function inHintedRegions(raw: string, hint: RegionHint | undefined): PhoneMention | undefined {
  const hinted: readonly CountryCode[] = hint === undefined ? [] : typeof hint === 'string' ? [hint] : hint;
  const text = raw.trim().slice(0, 40);
  if (hinted.length === 0 || text.startsWith('+')) return undefined;
  return parseFirstValid(text, hinted.slice(0, MAX_REGION_ATTEMPTS));
}

function parseFirstValid(text: string, attempts: readonly (CountryCode | undefined)[]): PhoneMention | undefined {
  for (const region of attempts) {
    const parsed = region === undefined ? parsePhoneNumberFromString(text) : parsePhoneNumberFromString(text, region);
    if (parsed !== undefined && parsed.isValid()) {
      const e164 = parsed.number;
      return {
        raw: text,
        e164,
        ...(parsed.country === undefined ? {} : { region: parsed.country }),
        ...(isTollFree(e164) ? { tollFree: true } : {}),
      };
    }
  }
  return undefined;
}

/** A trailing group of one or two digits, after a separator. */
const TRAILING_GROUP = /^(.*\d)[ ()./-]{1,3}\d{1,2}$/;

/** True for a number whose shape says which country it is (North American, or Japanese with hyphens). */
function hasTellingShape(text: string): boolean {
  return !text.startsWith('+') && (NANP_SHAPE.test(text.replace(/\D/g, '')) || JP_SHAPE.test(text));
}

/**
 * One candidate as a number. A digit or two right after a complete number ("1-888-555-0199 2
 * viruses") is not part of it, though with it the digits may still make a valid number of some
 * other country (+49 188855501992): a shorter reading with a telling shape wins over the whole,
 * and the whole wins over other shorter readings.
 */
function readNumber(raw: string, hint: RegionHint | undefined): PhoneMention | undefined {
  const shorter: string[] = [];
  for (let text = raw, match = TRAILING_GROUP.exec(text); match?.[1] !== undefined && shorter.length < 2; match = TRAILING_GROUP.exec(text)) {
    text = match[1];
    shorter.push(text);
  }
  for (const text of shorter) if (hasTellingShape(text)) return normalizePhoneNumber(text, hint) ?? normalizePhoneNumber(raw, hint);
  // A reading valid in the page's own country beats a longer one valid only in some other
  // ("0800 555 0199 (24 hours)" on an English page is British, not +49 800 555 019924).
  if (shorter.length > 0 && inHintedRegions(raw, hint) === undefined) {
    const local = shorter.map((text) => inHintedRegions(text, hint)).find((mention) => mention !== undefined);
    if (local !== undefined) return local;
  }
  return normalizePhoneNumber(raw, hint) ?? shorter.map((text) => normalizePhoneNumber(text, hint)).find((mention) => mention !== undefined);
}

/** Cheap test: could `text` contain a phone number at all? */
export function mayContainPhone(text: string): boolean {
  return QUICK_CHECK.test(text);
}

/**
 * Finds phone numbers in (normalised or raw) text, deduplicated by E.164, at most MAX_PHONES.
 * `defaultRegion` as for normalizePhoneNumber.
 */
export function extractPhones(text: string, defaultRegion?: RegionHint): PhoneMention[] {
  if (!mayContainPhone(text)) return [];
  const cleaned = text.replace(URL_ENCODED_PLUS, '+').replace(OCR_DIGIT_RUN, (run) => run.replace(OCR_LETTER, (c) => OCR_LETTER_VALUE[c] ?? c));
  const found: PhoneMention[] = [];
  const seen = new Set<string>();
  let candidates = 0;
  for (const match of cleaned.matchAll(CANDIDATE)) {
    candidates += 1;
    if (candidates > MAX_CANDIDATES || found.length >= MAX_PHONES) break;
    const raw = match[0].trim();
    if (DATE_LIKE.test(raw)) continue;
    // A number glued to letters is an id or a code (0x80070424, 1Z999AA...), not a phone.
    const before = cleaned.charAt((match.index ?? 0) - 1);
    const after = cleaned.charAt((match.index ?? 0) + match[0].length);
    if (/[a-z0-9#]/i.test(before) || /[a-z0-9]/i.test(after)) continue;
    // A vulnerability id ("CVE-2025-21298") is no number to call.
    if (CVE_BEFORE.test(cleaned.slice(Math.max(0, (match.index ?? 0) - 4), match.index ?? 0))) continue;
    const mention = readNumber(raw, defaultRegion);
    if (mention?.e164 !== undefined && !seen.has(mention.e164)) {
      seen.add(mention.e164);
      found.push(mention);
    }
  }
  return found;
}
