/**
 * Evidence from one piece of text (the title, or the page text): brands, threat claims, alarm
 * wording, instructions, error codes, phone numbers, and benign-context guards.
 */
import type { CountryCode } from 'libphonenumber-js';
import type { PhoneMention } from '../../shared/verdict.js';
import { compilePattern, compileRules, matchRules } from './matcher.js';
import { compactOf, skeletonOf } from './normalize.js';
import { extractPhones } from './phones.js';
import { ALARMS, BLAND_WORDS, BRANDS, ERROR_CODES, GUARDS, THREATS, URGENCY } from './rules/index.js';
import { REGIONS_BY_LANGUAGE } from './rules/phone-regions.js';
import type { GuardKind, PhraseRule, RuleLanguage } from './rules/types.js';

/** Scoring groups; each maps to one SignalName. */
export type EvidenceGroup = 'brand' | 'threat' | 'alarm' | 'urgency' | 'phone' | 'known-scam-number' | 'error-code';

/** Where a piece of evidence came from. */
export type TextSource = 'title' | 'text';

/** One matched rule or found number. */
export interface Evidence {
  readonly group: EvidenceGroup;
  /** Rule id, error code or E.164 number: distinct ids add up inside a group. */
  readonly id: string;
  readonly weight: number;
  readonly source: TextSource;
  readonly brand?: string;
  readonly phone?: PhoneMention;
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
  readonly guards: readonly GuardHit[];
  readonly phones: readonly PhoneMention[];
  /** Keyword form of the text (for the bland-title check). */
  readonly skeleton: string;
}

const PHONE_WEIGHT: Readonly<Record<TextSource, number>> = { title: 0.3, text: 0.25 };
const TOLL_FREE_BONUS = 0.1;

function compileFor(scope: TextSource) {
  return {
    brands: compileRules(BRANDS, scope),
    threats: compileRules(THREATS, scope),
    alarms: compileRules(ALARMS, scope),
    urgency: compileRules(URGENCY, scope),
    guards: compileRules(GUARDS, scope),
  };
}
const SETS = { title: compileFor('title'), text: compileFor('text') } as const;
const ERROR_CODE_RES = ERROR_CODES.map((rule) => ({ rule, re: new RegExp(rule.pattern, 'g') }));
const HAS_JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;
const BLAND = new RegExp(BLAND_WORDS.map(compilePattern).join('|'), 'g');
const NOT_CONTENT = /[\s0-9!-/:-@[-`{-~、。・「」（）]+/g;

function phraseEvidence(group: EvidenceGroup, rules: readonly PhraseRule[], source: TextSource): Evidence[] {
  return rules.map((rule) => ({ group, id: rule.id, weight: rule.weight, source }));
}

/** Country to assume for national numbers, from the script and the languages of matched rules. */
function phoneRegions(plain: string, languages: readonly RuleLanguage[]): CountryCode[] {
  if (HAS_JAPANESE.test(plain)) return ['JP'];
  const ordered = [...languages.filter((l) => l !== 'en' && l !== 'any'), ...languages.filter((l) => l === 'en')];
  return ordered.flatMap((lang) => REGIONS_BY_LANGUAGE[lang]);
}

function errorCodeEvidence(plain: string, source: TextSource): Evidence[] {
  const found: Evidence[] = [];
  for (const { rule, re } of ERROR_CODE_RES) {
    re.lastIndex = 0;
    const match = re.exec(plain);
    if (match !== null) {
      found.push({ group: 'error-code', id: `${rule.id} "${match[0].trim().slice(0, 24)}"`, weight: rule.weight, source });
    }
  }
  // A labelled code usually contains the bare hex one: count the code once.
  return found.length > 1 ? [found.reduce((a, b) => (b.weight > a.weight ? b : a))] : found;
}

/** Collects evidence and guards from normalised text (`plain` from normalizeText). */
export function collectSignals(plain: string, source: TextSource): TextSignals {
  const sets = SETS[source];
  const skeleton = skeletonOf(plain);
  const compact = source === 'text' ? compactOf(skeleton) : undefined;
  const brands = matchRules(sets.brands, skeleton, compact);
  const threats = matchRules(sets.threats, skeleton, compact);
  const alarms = matchRules(sets.alarms, skeleton, compact);
  const urgency = matchRules(sets.urgency, skeleton, compact);
  const guards = matchRules(sets.guards, skeleton, compact).map((g) => ({ kind: g.kind, id: g.id, source }));
  const evidence: Evidence[] = [
    ...brands.map((rule) => ({ group: 'brand' as const, id: rule.id, weight: rule.weight, source, brand: rule.brand })),
    ...phraseEvidence('threat', threats, source),
    ...phraseEvidence('alarm', alarms, source),
    ...phraseEvidence('urgency', urgency, source),
    ...errorCodeEvidence(plain, source),
  ];
  const languages = [...threats, ...alarms, ...urgency].map((rule) => rule.lang);
  const phones = extractPhones(plain, phoneRegions(plain, languages));
  for (const phone of phones) {
    const weight = PHONE_WEIGHT[source] + (phone.tollFree === true ? TOLL_FREE_BONUS : 0);
    evidence.push({ group: 'phone', id: phone.e164 ?? phone.raw, weight, source, phone });
  }
  return { evidence, guards, phones, skeleton };
}

/** True when a title says nothing by itself: empty, a number, or only generic words. */
export function isBlandTitle(titleSkeleton: string): boolean {
  return titleSkeleton.replace(BLAND, '').replace(NOT_CONTENT, '').length === 0;
}
