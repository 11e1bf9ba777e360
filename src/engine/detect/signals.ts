/**
 * Evidence from one piece of text (the title, or the page text): brands, threat claims, alarm
 * wording, instructions, error codes, phone numbers, and benign-context guards.
 */
import type { CountryCode } from 'libphonenumber-js';
import type { PhoneMention } from '../../shared/verdict.js';
import { compilePattern, compileRules, matchRules, RuleBook, type ScannedText } from './matcher.js';
import { compactOf, skeletonFacts } from './normalize.js';
import { extractPhones, mayContainPhone } from './phones.js';
import { ALARMS, BLAND_WORDS, BRANDS, ERROR_CODES, GUARDS, THREATS, URGENCY } from './rules/index.js';
import { REGIONS_BY_LANGUAGE } from './rules/phone-regions.js';
import type { GuardKind, PhraseRule } from './rules/types.js';

/** Scoring groups; each maps to one SignalName. */
export type EvidenceGroup = 'brand' | 'threat' | 'alarm' | 'urgency' | 'phone' | 'known-scam-number' | 'error-code' | 'address';

/** Which text a piece of evidence came from. */
export type TextSource = 'title' | 'text';

/** Where a piece of evidence came from: a text, or the page's address (address-evidence.ts). */
export type EvidenceSource = TextSource | 'address';

/** One matched rule or found number. */
export interface Evidence {
  readonly group: EvidenceGroup;
  /** Rule id, error code or E.164 number: distinct ids add up inside a group. */
  readonly id: string;
  readonly weight: number;
  readonly source: EvidenceSource;
  readonly brand?: string;
  readonly phone?: PhoneMention;
  /** Found inside quotation marks in page text: someone quoting a warning, weighed less. */
  readonly quoted?: boolean;
  /** Words for the reason, when the id alone does not say it (address evidence). */
  readonly detail?: string;
}

/** A benign-context rule that matched. */
export interface GuardHit {
  readonly kind: GuardKind;
  readonly id: string;
  readonly source: TextSource;
}

/** Everything found in one text. */
export interface TextSignals {
  readonly evidence: readonly Evidence[];
  readonly phones: readonly PhoneMention[];
  readonly source: TextSource;
  /** Keyword form of the text (bland-title check). */
  readonly skeleton: string;
  /** What the scope's rule book found in the text; guards use it later. */
  readonly scanned: ScannedText;
  /** The same text read another way (a title as drawn, see bidi.ts): its guards count too. */
  readonly alsoRead?: TextSignals;
}

const PHONE_WEIGHT: Readonly<Record<TextSource, number>> = { title: 0.3, text: 0.25 };
const TOLL_FREE_BONUS = 0.1;
/** A brand named somewhere in a page's text (a shop, a news item) says less than one in its title. */
const BRAND_FACTOR: Readonly<Record<TextSource, number>> = { title: 1, text: 0.5 };

function compileFor(scope: TextSource) {
  const book = new RuleBook();
  const sets = {
    brands: compileRules(BRANDS, scope, book),
    threats: compileRules(THREATS, scope, book),
    alarms: compileRules(ALARMS, scope, book),
    urgency: compileRules(URGENCY, scope, book),
    guards: compileRules(GUARDS, scope, book),
  };
  return { book: book.seal(), ...sets };
}
type CompiledSet = ReturnType<typeof compileFor>;

/**
 * Compiles a scope's rules on first use, once: compiling both scopes at import was about half of
 * a `scarestop classify` run, and a title-only check never needs the text rules. The memo holds
 * only data derived from the constant rule tables, so every caller sees the same result.
 */
function compiledOnFirstUse(scope: TextSource): () => CompiledSet {
  let compiled: CompiledSet | undefined;
  return () => (compiled ??= compileFor(scope));
}
const SETS: Readonly<Record<TextSource, () => CompiledSet>> = { title: compiledOnFirstUse('title'), text: compiledOnFirstUse('text') };
const ERROR_CODE_RES = ERROR_CODES.map((rule) => ({ rule, re: new RegExp(rule.pattern) }));
const JAPANESE_CHARS = /[\u3040-\u30ff\u3400-\u9fff]/g;
const LATIN_LETTERS = /[a-z]/gi;
/** Japanese characters a text needs before its national numbers are read as Japanese. */
const MIN_JAPANESE = 4;
const BLAND = new RegExp(BLAND_WORDS.map(compilePattern).join('|'), 'g');
const NOT_CONTENT = /[\s0-9!-/:-@[-`{-~、。・「」（）]+/g;

function pushPhrases(into: Evidence[], group: EvidenceGroup, rules: readonly PhraseRule[], source: TextSource): void {
  for (const rule of rules) into.push({ group, id: rule.id, weight: rule.weight, source });
}

const JAPAN_ONLY: readonly CountryCode[] = ['JP'];

/**
 * Country to assume for national numbers, from the script and the languages of matched rules:
 * the other languages' countries first (in rule order), then the English-speaking ones, each once.
 */
function phoneRegions(plain: string, matched: readonly (readonly PhraseRule[])[]): readonly CountryCode[] {
  // Japanese text is read as Japan's. A few stray kana in a European page (OCR with the Japanese
  // model reads noise as kana) must not turn "0800 000 000" into a Japanese number.
  const japanese = plain.match(JAPANESE_CHARS)?.length ?? 0;
  if (japanese >= MIN_JAPANESE && japanese * 2 >= (plain.match(LATIN_LETTERS)?.length ?? 0)) return JAPAN_ONLY;
  const regions: CountryCode[] = [];
  for (const english of [false, true]) {
    for (const rules of matched) {
      for (const rule of rules) {
        if (rule.lang === 'any' || (rule.lang === 'en') !== english) continue;
        for (const region of REGIONS_BY_LANGUAGE[rule.lang]) if (!regions.includes(region)) regions.push(region);
      }
    }
  }
  if (japanese > 0 && !regions.includes('JP')) regions.push('JP');
  return regions;
}

function errorCodeEvidence(plain: string, source: TextSource): Evidence[] {
  const found: Evidence[] = [];
  for (const { rule, re } of ERROR_CODE_RES) {
    const match = re.exec(plain);
    if (match !== null) {
      found.push({ group: 'error-code', id: `${rule.id} "${match[0].trim().slice(0, 24)}"`, weight: rule.weight, source });
    }
  }
  // A labelled code usually contains the bare hex one: count the code once.
  return found.length > 1 ? [found.reduce((a, b) => (b.weight > a.weight ? b : a))] : found;
}

const NO_EVIDENCE: readonly Evidence[] = [];
const NO_PHONES: readonly PhoneMention[] = [];

/** Collects the evidence in normalised text (`plain` from normalizeText). Guards: collectGuards. */
export function collectSignals(plain: string, source: TextSource): TextSignals {
  const sets = SETS[source]();
  const { skeleton, nonAscii, digits } = skeletonFacts(plain);
  const scanned: ScannedText = { skeleton, nonAscii, candidates: sets.book.scan(skeleton), compact: source === 'text' ? compactOf(skeleton) : undefined };
  const threats = matchRules(sets.threats, scanned);
  const alarms = matchRules(sets.alarms, scanned);
  const urgency = matchRules(sets.urgency, scanned);
  // Fast path: a title with no alarming wording and no digits (no code, no number) cannot raise a
  // verdict — a brand alone never does — so most titles stop here.
  if (source === 'title' && !digits && threats.length === 0 && alarms.length === 0 && urgency.length === 0) {
    return { evidence: NO_EVIDENCE, phones: NO_PHONES, source, skeleton, scanned };
  }
  const evidence: Evidence[] = [];
  for (const rule of matchRules(sets.brands, scanned)) {
    evidence.push({ group: 'brand', id: rule.id, weight: rule.weight * BRAND_FACTOR[source], source, brand: rule.brand });
  }
  pushPhrases(evidence, 'threat', threats, source);
  pushPhrases(evidence, 'alarm', alarms, source);
  pushPhrases(evidence, 'urgency', urgency, source);
  // Codes and numbers need digits: most titles have none and skip this part entirely.
  let phones: readonly PhoneMention[] = NO_PHONES;
  if (digits) {
    evidence.push(...errorCodeEvidence(plain, source));
    if (mayContainPhone(plain)) {
      phones = extractPhones(plain, phoneRegions(plain, [threats, alarms, urgency]));
    }
  }
  for (const phone of phones) {
    const weight = PHONE_WEIGHT[source] + (phone.tollFree === true ? TOLL_FREE_BONUS : 0);
    evidence.push({ group: 'phone', id: phone.e164 ?? phone.raw, weight, source, phone });
  }
  return { evidence, phones, source, skeleton, scanned };
}

/**
 * Benign-context guards of a text. Separate and called only when a verdict is not already
 * "clean": guards can only lower a verdict, and most titles never need them.
 */
export function collectGuards(signals: TextSignals): GuardHit[] {
  const hits = matchRules(SETS[signals.source]().guards, signals.scanned).map((g) => ({ kind: g.kind, id: g.id, source: signals.source }));
  return signals.alsoRead === undefined ? hits : hits.concat(collectGuards(signals.alsoRead));
}

/** A page without a <title>: browsers then show its address ("127.0.0.1:8080/x.html", "example.com"). */
const ADDRESS_ONLY = /^(?:[a-z][a-z0-9+.-]*:\/\/)?[a-z0-9.-]+\.[a-z0-9-]+(?::\d{1,5})?(?:\/\S*)?$|^(?:\d{1,3}\.){3}\d{1,3}(?::\d{1,5})?(?:\/\S*)?$/;

/**
 * True when a title says nothing by itself: empty, a number, only generic words, or just the
 * page's address (what a browser shows for a page without a title).
 */
export function isBlandTitle(titleSkeleton: string, plainTitle = ''): boolean {
  if (ADDRESS_ONLY.test(plainTitle)) return true;
  return titleSkeleton.replace(BLAND, '').replace(NOT_CONTENT, '').length === 0;
}
