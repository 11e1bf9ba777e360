import type { CountryCode } from 'libphonenumber-js';
import type { RuleLanguage } from './types.js';

/**
 * Regions to try for a number written without "+", by the language of the page. The first
 * region that gives a valid number wins; the fallbacks then cover the usual scam targets.
 */
export const REGIONS_BY_LANGUAGE: Readonly<Record<RuleLanguage, readonly CountryCode[]>> = {
  ja: ['JP'],
  en: ['US', 'GB', 'CA', 'AU'],
  de: ['DE', 'AT', 'CH'],
  fr: ['FR', 'BE', 'CA'],
  es: ['ES', 'MX'],
  it: ['IT'],
  nl: ['NL', 'BE'],
  pt: ['BR', 'PT'],
  sv: ['SE'],
  any: [],
};

/** Fallback order for numbers starting with 0 (national trunk prefix). */
export const TRUNK_ZERO_FALLBACK: readonly CountryCode[] = ['JP', 'GB', 'DE', 'FR', 'NL', 'IT', 'BR', 'AU'];

/** Fallback order for other numbers without "+" (NANP first: most kits target it). */
export const OTHER_FALLBACK: readonly CountryCode[] = ['US', 'ES', 'IT', 'PT'];

/** E.164 prefixes of toll-free ranges (free calls are what support scams advertise). */
export const TOLL_FREE_PREFIXES: readonly string[] = [
  '+1800', '+1833', '+1844', '+1855', '+1866', '+1877', '+1888',
  '+81120', '+81800',
  '+44800', '+44808', '+49800', '+33800', '+33805', '+34800', '+34900', '+39800', '+39803',
  '+31800', '+32800', '+4620', '+351800', '+55800', '+611800', '+43800', '+41800',
];
