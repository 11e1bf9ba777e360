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
import { collectSignals, isBlandTitle, type TextSignals } from './signals.js';

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

const NO_SIGNALS: TextSignals = { evidence: [], guards: [], phones: [], skeleton: '' };

function ownerOf(process: unknown): Owner {
  if (typeof process !== 'string' || process.trim() === '') return { kind: 'unknown' };
  if (browserFamilyOf(process) !== undefined) return { kind: 'browser' };
  return { kind: 'other', name: executableBaseName(process).slice(0, 64) || 'an unknown program' };
}

function mergePhones(lists: readonly (readonly PhoneMention[])[], options: DetectOptions): PhoneMention[] {
  const seen = new Set<string>();
  const merged: PhoneMention[] = [];
  for (const phone of lists.flat()) {
    const key = phone.e164 ?? phone.raw;
    if (seen.has(key) || merged.length >= MAX_PHONES) continue;
    seen.add(key);
    const known = phone.e164 !== undefined && options.isKnownScamNumber?.(phone.e164) === true;
    merged.push(known ? { ...phone, known: true } : phone);
  }
  return merged;
}

function isAllowListed(strippedTitle: string, options: DetectOptions): boolean {
  if (options.allowTitles === undefined || options.allowTitles.length === 0) return false;
  return options.allowTitles.some((entry) => stripBrowserSuffix(normalizeText(entry, TITLE_LIMIT)).title === strippedTitle);
}

/** Classifies one observation. Pure and synchronous. */
export function classify(observation: WindowObservation, options: DetectOptions = {}): Verdict {
  const rawTitle: unknown = observation?.title;
  const plainTitle = normalizeText(typeof rawTitle === 'string' ? rawTitle : '', TITLE_LIMIT);
  const title = stripBrowserSuffix(plainTitle).title;
  const titleSignals = collectSignals(title, 'title');
  const rawText: unknown = observation?.text;
  const hasText = typeof rawText === 'string' && rawText.trim() !== '';
  const plainText = hasText ? normalizeText(rawText, TEXT_LIMIT) : '';
  const textSignals = hasText ? collectSignals(plainText, 'text') : NO_SIGNALS;
  return decide({
    evidence: [...titleSignals.evidence, ...textSignals.evidence],
    guards: [...titleSignals.guards, ...textSignals.guards],
    phones: mergePhones([titleSignals.phones, textSignals.phones], options),
    owner: ownerOf(observation?.process),
    fullscreen: coversScreen(observation?.bounds, observation?.screen),
    blandTitle: isBlandTitle(titleSignals.skeleton),
    allowListed: isAllowListed(title, options),
    textLength: hasText ? plainText.length : undefined,
  });
}
