import type { WindowObservation } from '../../../src/shared/observation.js';
import type { Verdict } from '../../../src/shared/verdict.js';

/** A stand-in detector so these tests do not depend on the real rules: "infected" = scam. */
export function testClassify(observation: WindowObservation): Verdict {
  const scary = /infected|virus/i.test(observation.title) || /infected|virus/i.test(observation.text ?? '');
  return { verdict: scary ? 'scam' : 'clean', score: scary ? 0.95 : 0, reasons: scary ? [{ signal: 'threat', detail: 'infected' }] : [], phones: [] };
}
