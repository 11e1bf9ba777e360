/**
 * One classification: normalise → signals → verdict, every step explainable. Pure and
 * synchronous; safe on hostile input (bounded, no regex compiled per call).
 */
import type { WindowBehaviour, WindowObservation } from '../../shared/observation.js';
import type { PhoneMention, Verdict } from '../../shared/verdict.js';
import { browserFamilyOf, executableBaseName } from '../browsers.js';
import { stripBrowserSuffix } from './browser-suffix.js';
import { visualOrder } from './bidi.js';
import { splitQuotes } from './quotes.js';
import { coversScreen } from './geometry.js';
import { addressSignals } from './address-evidence.js';
import { normalizeText, TEXT_LIMIT, TITLE_LIMIT } from './normalize.js';
import { MAX_PHONES } from './phones.js';
import { decide, type Owner } from './scoring.js';
import { collectGuards, collectSignals, isBlandTitle, type Evidence, type GuardHit, type TextSignals, type TextSource } from './signals.js';


/** Options the caller may pass: scam-number lookup and the user's allow list. */
export interface DetectOptions {
  /** True when the E.164 number is in the known scam-number table. */
  readonly isKnownScamNumber?: (e164: string) => boolean;
  /**
   * Titles the user marked as safe, compared after normalisation and without the browser's
   * suffix (so "My Bank - Google Chrome" and "my bank" are the same entry).
   */
  readonly allowTitles?: readonly string[];
}

const UNKNOWN_OWNER: Owner = { kind: 'unknown' };
const NO_BEHAVIOUR: WindowBehaviour = {};
/** Raw title characters looked at for the drawn reading (invisible padding included). */
const VISUAL_ORDER_LIMIT = 64 * TITLE_LIMIT;

function ownerOf(process: unknown): Owner {
  if (typeof process !== 'string' || process.trim() === '') return UNKNOWN_OWNER;
  if (browserFamilyOf(process) !== undefined) return { kind: 'browser' };
  return { kind: 'other', name: executableBaseName(process).slice(0, 64) || 'an unknown program' };
}

function mergePhones(title: readonly PhoneMention[], text: readonly PhoneMention[], options: DetectOptions): PhoneMention[] {
  const merged: PhoneMention[] = [];
  if (title.length === 0 && text.length === 0) return merged;
  const seen = new Set<string>();
  for (const phone of text.length === 0 ? title : title.concat(text)) {
    const key = phone.e164 ?? phone.raw;
    if (seen.has(key) || merged.length >= MAX_PHONES) continue;
    seen.add(key);
    const known = phone.e164 !== undefined && options.isKnownScamNumber?.(phone.e164) === true;
    merged.push(known ? { ...phone, known: true } : phone);
  }
  return merged;
}

/** Guards of the title and, when there is any, the page text (called only when a verdict needs them). */
function guardsOf(title: TextSignals, text: TextSignals | undefined): GuardHit[] {
  const hits = collectGuards(title);
  return text === undefined ? hits : hits.concat(collectGuards(text));
}

function isAllowListed(strippedTitle: string, options: DetectOptions): boolean {
  if (options.allowTitles === undefined || options.allowTitles.length === 0) return false;
  return options.allowTitles.some((entry) => stripBrowserSuffix(normalizeText(entry, TITLE_LIMIT)).title === strippedTitle);
}

/**
 * The title's signals read in stored order and as drawn (a right-to-left override reverses
 * part of it): evidence, phones and guards of both (the scoring counts an id once).
 */
function bothWays(stored: string, drawn: string): TextSignals {
  const first = signalsOf(stored, 'title');
  const second = signalsOf(drawn, 'title');
  return {
    ...first,
    evidence: first.evidence.concat(second.evidence),
    phones: first.phones.concat(second.phones),
    alsoRead: second,
  };
}

const NO_ADDRESS: readonly Evidence[] = [];

/** The page address's evidence (hostile text: address-evidence.ts bounds and parses it). */
function addressEvidence(url: unknown): readonly Evidence[] {
  if (typeof url !== 'string' || url === '') return NO_ADDRESS;
  return addressSignals(url).map((signal) => ({ group: 'address', id: signal.id, weight: signal.weight, source: 'address', detail: signal.detail }));
}

/** What quoted words weigh against the page's own (quotes.ts). */
const QUOTED_FACTOR = 0.5;

/** Signals of a title or page text: its own words in full, its quoted passages for less (quotes.ts). */
function signalsOf(plain: string, source: TextSource): TextSignals {
  const { own, quoted } = splitQuotes(plain);
  const signals = collectSignals(own, source);
  if (quoted === '') return signals;
  const inQuotes = collectSignals(quoted, source);
  return {
    ...signals,
    evidence: signals.evidence.concat(inQuotes.evidence.map((item) => ({ ...item, weight: item.weight * QUOTED_FACTOR, quoted: true }))),
    phones: signals.phones.concat(inQuotes.phones),
    alsoRead: inQuotes,
  };
}

/** Classifies one observation. Pure and synchronous. */
export function classify(observation: WindowObservation, options: DetectOptions = {}): Verdict {
  const rawTitle: unknown = observation?.title;
  const title = stripBrowserSuffix(normalizeText(rawTitle, TITLE_LIMIT)).title;
  const drawn = visualOrder(rawTitle, VISUAL_ORDER_LIMIT);
  const drawnTitle = drawn === undefined ? undefined : stripBrowserSuffix(normalizeText(drawn, TITLE_LIMIT)).title;
  const titleSignals = drawnTitle === undefined || drawnTitle === title ? signalsOf(title, 'title') : bothWays(title, drawnTitle);
  const behaviour = observation?.behaviour ?? NO_BEHAVIOUR;
  const rawText: unknown = observation?.text;
  const hasText = typeof rawText === 'string' && rawText.trim() !== '';
  const fullscreen = coversScreen(observation?.bounds, observation?.screen);
  const owner = ownerOf(observation?.process);
  // Fast path for the common case: an ordinary title, nothing else to look at.
  if (!hasText && !fullscreen && titleSignals.evidence.length === 0 && owner.kind !== 'other' && behaviour === NO_BEHAVIOUR) {
    return { verdict: 'clean', score: 0, reasons: [], phones: [] };
  }
  const plainText = hasText ? normalizeText(rawText, TEXT_LIMIT) : '';
  const textSignals = hasText ? signalsOf(plainText, 'text') : undefined;
  return decide({
    evidence: titleSignals.evidence.concat(textSignals?.evidence ?? []),
    guards: () => guardsOf(titleSignals, textSignals),
    phones: mergePhones(titleSignals.phones, textSignals?.phones ?? [], options),
    address: addressEvidence(observation?.url),
    owner,
    fullscreen,
    behaviour,
    blandTitle: fullscreen && isBlandTitle(titleSignals.skeleton, title),
    allowListed: isAllowListed(title, options),
    textLength: hasText ? plainText.length : undefined,
  });
}
