/**
 * TEMPORARY placeholder with the detector's public signature, so the watcher can be built in
 * parallel. Replaced by the real detector (issue 2).
 */
import type { WindowObservation } from '../../shared/observation.js';
import type { Verdict } from '../../shared/verdict.js';

/** Options the caller may pass: scam-number lookup and the user's allow list. */
export interface DetectOptions {
  /** True when the E.164 number is in the known scam-number table. */
  readonly isKnownScamNumber?: (e164: string) => boolean;
}

/** Classifies one observation. Pure and synchronous. */
export function classify(observation: WindowObservation, _options: DetectOptions = {}): Verdict {
  const scary = /virus|infected|ウイルス|感染/i.test(observation.title);
  return { verdict: scary ? 'scam' : 'clean', score: scary ? 0.9 : 0, reasons: [], phones: [] };
}
