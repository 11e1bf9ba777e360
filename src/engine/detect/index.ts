/**
 * The scareware detector: normalise → signals → verdict, every step explainable.
 * `classify` is pure; `createDetector` gives a caller its own memory of recent verdicts.
 */
export { classify, type DetectOptions } from './classify.js';
export { createDetector, type Detector } from './detector.js';
export { extractPhones, normalizePhoneNumber } from './phones.js';
export { normalizeText } from './normalize.js';
export { SCAM_THRESHOLD, SUSPICIOUS_THRESHOLD } from './scoring.js';
