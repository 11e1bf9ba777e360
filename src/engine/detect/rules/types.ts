/**
 * Shapes of the detector's rule tables. Rules are data, reviewed like code: every phrase the
 * detector reacts to lives in a table in this folder, never as a string inside a function.
 *
 * Pattern convention (see compilePattern in ../matcher.ts):
 * - lower-case regular-expression source, written against normalised text (NFKC, accents and
 *   invisible characters removed, homoglyphs folded, dashes and punctuation runs turned into
 *   spaces);
 * - a single space means "one optional space" (write `\s` for a required one), so "virus detected" also matches
 *   "virusdetected";
 * - letters that scammers and OCR confuse are folded on both sides (i/l/1/|, 0/o, 5/s, rn/m,
 *   vv/w, small kana), so "w1nd0ws" and "wlndows" match "windows" with no extra work;
 * - no `\p{}` escapes and no flags: the tables are compiled once into non-unicode regexes.
 */

/** Language a rule belongs to (`any` for brand names and numbers). */
export type RuleLanguage = 'en' | 'ja' | 'de' | 'fr' | 'es' | 'it' | 'nl' | 'pt' | 'sv' | 'any';

/** Where a rule looks: only the window title, only the page text, or both. */
export type RuleScope = 'title' | 'text' | 'both';

/** A phrase that adds evidence. `id` is also the human-readable name shown in reasons. */
export interface PhraseRule {
  readonly id: string;
  readonly lang: RuleLanguage;
  readonly pattern: string;
  /** Contribution to the score, 0..1. */
  readonly weight: number;
  /** Default `both`. */
  readonly scope?: RuleScope;
  /** Also try the rule on page text with all spaces removed (OCR splits words). Default true. */
  readonly compact?: boolean;
}

/** A brand a scam page pretends to be. */
export interface BrandRule extends PhraseRule {
  /** Display name, e.g. `Microsoft`. */
  readonly brand: string;
}

/** Why a page is probably *about* scams or otherwise trustworthy context. */
export type GuardKind =
  | 'about-scam'
  | 'educational'
  | 'trusted-site'
  | 'search-results'
  | 'webmail'
  | 'forum'
  | 'video-site'
  | 'medical'
  | 'news'
  /** Tells the reader not to call: what warnings about scams say and kits never do. */
  | 'warns-against';

/** A phrase that marks benign context; it vetoes a "scam" verdict (see ../scoring.ts). */
export interface GuardRule {
  readonly id: string;
  readonly lang: RuleLanguage;
  readonly pattern: string;
  readonly kind: GuardKind;
  /** Default `both`. Site names and question forms are `title` only. */
  readonly scope?: RuleScope;
}

/** The phrase tables of one language group. */
export interface LanguageRules {
  /** Concrete threat claims: "virus detected", "PC is blocked", "ウイルスに感染". */
  readonly threats: readonly PhraseRule[];
  /** Alarm wording: "security alert", "セキュリティ警告". Weaker than a threat. */
  readonly alarms: readonly PhraseRule[];
  /** Instructions and urgency: "call now", "do not restart", "電話してください". */
  readonly urgency: readonly PhraseRule[];
  readonly guards: readonly GuardRule[];
}
