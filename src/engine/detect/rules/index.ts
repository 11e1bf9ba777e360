/** Every rule table of the detector, in one place. */
import { DISGUISES } from './phrases-disguises.js';
import { ENGLISH } from './phrases-en.js';
import { EUROPEAN } from './phrases-eu.js';
import { JAPANESE } from './phrases-ja.js';
import { SWEDISH } from './phrases-sv.js';
import type { GuardRule, LanguageRules, PhraseRule } from './types.js';

export { BRANDS } from './brands.js';
export { BLAND_WORDS } from './bland.js';
export { BROWSER_NAMES, BROWSER_NAME_MARKERS, MORE_PAGES, PROFILE_NAMES } from './browser-suffixes.js';
export { ERROR_CODES } from './error-codes.js';
export type * from './types.js';

const LANGUAGES: readonly LanguageRules[] = [ENGLISH, JAPANESE, EUROPEAN, SWEDISH, DISGUISES];

export const THREATS: readonly PhraseRule[] = LANGUAGES.flatMap((l) => l.threats);
export const ALARMS: readonly PhraseRule[] = LANGUAGES.flatMap((l) => l.alarms);
export const URGENCY: readonly PhraseRule[] = LANGUAGES.flatMap((l) => l.urgency);
export const GUARDS: readonly GuardRule[] = LANGUAGES.flatMap((l) => l.guards);
