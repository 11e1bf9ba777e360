/**
 * The scareware detector: normalise → signals → verdict, every step explainable.
 * Pure and synchronous; safe on hostile input (bounded, no regex compiled per call).
 */
import type { WindowObservation } from '../../shared/observation.js';
import type { PhoneMention, Verdict } from '../../shared/verdict.js';
import { browserFamilyOf, executableBaseName } from '../browsers.js';
import { stripBrowserSuffix } from './browser-suffix.js';
import { coversScreen } from './geometry.js';
import { normalizeText, TEXT_LIMIT, TITLE_LIMIT } from './normalize.js';
import { MAX_PHONES } from './phones.js';
import { decide, type Owner } from './scoring.js';
import { collectGuards, collectSignals, isBlandTitle, type GuardHit, type TextSignals } from './signals.js';

export { extractPhones, normalizePhoneNumber } from './phones.js';
export { normalizeText } from './normalize.js';
export { SCAM_THRESHOLD, SUSPICIOUS_THRESHOLD } from './scoring.js';

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

const NO_SIGNALS: TextSignals = { evidence: [], phones: [], source: 'text', skeleton: '', compact: undefined, nonAscii: false, scan: { kind: 'candidates', candidates: [] } };

const UNKNOWN_OWNER: Owner = Object.freeze({ kind: 'unknown' });
/** Owners of recent process names: a watcher sees the same few programs again and again. */
const owners = new Map<string, Owner>();
const OWNERS_LIMIT = 64;

function ownerOf(process: unknown): Owner {
  if (typeof process !== 'string') return UNKNOWN_OWNER;
  const known = owners.get(process);
  if (known !== undefined) return known;
  const owner: Owner =
    process.trim() === ''
      ? UNKNOWN_OWNER
      : Object.freeze(
          browserFamilyOf(process) !== undefined
            ? { kind: 'browser' }
            : { kind: 'other', name: executableBaseName(process).slice(0, 64) || 'an unknown program' },
        );
  if (owners.size >= OWNERS_LIMIT) owners.clear();
  if (process.length <= 260) owners.set(process, owner);
  return owner;
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
 * Recent title-only verdicts. A watcher classifies the same foreground window again and again;
 * the answer depends only on the inputs in the key, so it is remembered (bounded, frozen).
 * Observations with page text or caller options (scam-number lookup, allow list) bypass it.
 */
const recent = new Map<string, Verdict>();
const RECENT_LIMIT = 1024;

function freeze(verdict: Verdict): Verdict {
  for (const reason of verdict.reasons) Object.freeze(reason);
  for (const phone of verdict.phones) Object.freeze(phone);
  Object.freeze(verdict.reasons);
  Object.freeze(verdict.phones);
  return Object.freeze(verdict);
}

function memoKey(observation: WindowObservation, options: DetectOptions): string | undefined {
  if (options.isKnownScamNumber !== undefined || (options.allowTitles?.length ?? 0) > 0) return undefined;
  if (typeof observation?.title !== 'string' || observation.title.length > TITLE_LIMIT) return undefined;
  if (typeof observation.text === 'string' && observation.text !== '') return undefined;
  const process = typeof observation.process === 'string' ? observation.process : '';
  const full = coversScreen(observation.bounds, observation.screen) ? 'F' : '-';
  return `${full}${process.length}:${process}${observation.title}`;
}

/** Classifies one observation. Pure and synchronous. */
export function classify(observation: WindowObservation, options: DetectOptions = {}): Verdict {
  const key = memoKey(observation, options);
  if (key === undefined) return classifyUncached(observation, options);
  const known = recent.get(key);
  if (known !== undefined) return known;
  const verdict = freeze(classifyUncached(observation, options));
  if (recent.size >= RECENT_LIMIT) recent.clear();
  recent.set(key, verdict);
  return verdict;
}

/** classify without the memo (benchmarks use it to measure the real work). */
export function classifyUncached(observation: WindowObservation, options: DetectOptions = {}): Verdict {
  const rawTitle: unknown = observation?.title;
  const plainTitle = normalizeText(typeof rawTitle === 'string' ? rawTitle : '', TITLE_LIMIT);
  const title = stripBrowserSuffix(plainTitle).title;
  const titleSignals = collectSignals(title, 'title');
  const rawText: unknown = observation?.text;
  const hasText = typeof rawText === 'string' && rawText.trim() !== '';
  const fullscreen = coversScreen(observation?.bounds, observation?.screen);
  const owner = ownerOf(observation?.process);
  // Fast path for the common case: an ordinary title, nothing else to look at.
  if (!hasText && !fullscreen && titleSignals.evidence.length === 0 && owner.kind !== 'other') {
    return { verdict: 'clean', score: 0, reasons: [], phones: [] };
  }
  const plainText = hasText ? normalizeText(rawText, TEXT_LIMIT) : '';
  const textSignals = hasText ? collectSignals(plainText, 'text') : NO_SIGNALS;
  return decide({
    evidence: hasText ? titleSignals.evidence.concat(textSignals.evidence) : titleSignals.evidence,
    // A bound function, not a closure literal: no per-call function naming in transpiled builds.
    guards: guardsOf.bind(undefined, titleSignals, hasText ? textSignals : undefined),
    phones: mergePhones(titleSignals.phones, textSignals.phones, options),
    owner,
    fullscreen,
    blandTitle: fullscreen && isBlandTitle(titleSignals.skeleton, title),
    allowListed: isAllowListed(title, options),
    textLength: hasText ? plainText.length : undefined,
  });
}
