/**
 * Phone numbers to E.164 with libphonenumber-js, never hand-written regexes. The E.164 key comes
 * from the detector's own `normalizePhoneNumber` (src/engine/detect/phones.ts), so a number in
 * the table and the same number found on a page always have the same key; the full metadata
 * then adds the number's type (VOIP, TOLL_FREE, PREMIUM_RATE...) for the format assessment.
 */
import { parsePhoneNumberFromString, type CountryCode, type NumberType, type PhoneNumber } from 'libphonenumber-js/max';
import { normalizePhoneNumber } from '../detect/phones.js';

/** A parsed number. */
export interface NormalizedNumber {
  readonly e164: string;
  /** ISO region (`JP`, `US`), when the number belongs to one. */
  readonly region?: string;
  readonly countryCallingCode: string;
  /** libphonenumber's type: FIXED_LINE, MOBILE, VOIP, TOLL_FREE, PREMIUM_RATE, ... */
  readonly type?: NumberType;
  /** Passes the numbering plan's full check (not just the length). */
  readonly valid: boolean;
  /** How people in that country write it, e.g. `03-6271-7243`. */
  readonly national: string;
  readonly international: string;
}

/** Why a text is not a phone number. */
export type NormalizeFailure = { readonly ok: false; readonly reason: string };

const MAX_INPUT = 64;

/**
 * Parses `text` as a phone number, national numbers read in `homeRegion` (default Japan).
 * A North American number typed as `1-844-...` without the `+` is recognised too.
 */
export function normalizeNumber(text: string, homeRegion: CountryCode = 'JP'): ({ readonly ok: true } & NormalizedNumber) | NormalizeFailure {
  if (text.length > MAX_INPUT) return { ok: false, reason: `longer than ${MAX_INPUT} characters` };
  // Full-width digits and dashes (０３－６２７１…) are common in Japanese text.
  const cleaned = text.normalize('NFKC').trim();
  if (cleaned === '') return { ok: false, reason: 'empty' };
  const candidates: PhoneNumber[] = [];
  // The detector's normaliser first: same key as a number found on a page.
  const detected = normalizePhoneNumber(cleaned, homeRegion)?.e164;
  const fromDetector = detected !== undefined ? parsePhoneNumberFromString(detected) : undefined;
  if (fromDetector !== undefined) candidates.push(fromDetector);
  // Otherwise the number as written (may be possible but not valid: reported as such).
  const home = parsePhoneNumberFromString(cleaned, homeRegion);
  if (home !== undefined) candidates.push(home);
  const digits = cleaned.replace(/\D/g, '');
  if (!cleaned.startsWith('+') && digits.length === 11 && digits.startsWith('1')) {
    const nanp = parsePhoneNumberFromString(`+${digits}`);
    if (nanp !== undefined) candidates.push(nanp);
  }
  const chosen = candidates.find((c) => c.isValid()) ?? candidates.find((c) => c.isPossible());
  if (chosen === undefined) return { ok: false, reason: 'not a phone number' };
  const type = chosen.getType();
  return {
    ok: true,
    e164: chosen.number,
    countryCallingCode: chosen.countryCallingCode,
    valid: chosen.isValid(),
    national: chosen.formatNational(),
    international: chosen.formatInternational(),
    ...(chosen.country !== undefined ? { region: chosen.country } : {}),
    ...(type !== undefined ? { type } : {}),
  };
}
