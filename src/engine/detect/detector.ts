/**
 * A detector instance for a caller that classifies the same windows again and again (the
 * watcher): it remembers recent title-only verdicts. The memory belongs to the instance the
 * caller made, never to the module.
 */
import type { WindowObservation } from '../../shared/observation.js';
import type { Verdict } from '../../shared/verdict.js';
import { TITLE_LIMIT } from '../../shared/hostile-text.js';
import { classify, type DetectOptions } from './classify.js';
import { coversScreen } from './geometry.js';

/** classify, with a bounded memory of recent title-only verdicts. */
export interface Detector {
  readonly classify: (observation: WindowObservation, options?: DetectOptions) => Verdict;
}

function freeze(verdict: Verdict): Verdict {
  for (const reason of verdict.reasons) Object.freeze(reason);
  for (const phone of verdict.phones) Object.freeze(phone);
  Object.freeze(verdict.reasons);
  Object.freeze(verdict.phones);
  return Object.freeze(verdict);
}

/**
 * The key of an observation whose verdict depends only on title, process and full screen; or
 * undefined (page text, caller options or an oversized title: classified afresh).
 */
function memoKey(observation: WindowObservation, options: DetectOptions): string | undefined {
  if (options.isKnownScamNumber !== undefined || (options.allowTitles?.length ?? 0) > 0) return undefined;
  if (typeof observation?.title !== 'string' || observation.title.length > TITLE_LIMIT) return undefined;
  if (typeof observation.text === 'string' && observation.text !== '') return undefined;
  const process = typeof observation.process === 'string' ? observation.process : '';
  const full = coversScreen(observation.bounds, observation.screen) ? 'F' : '-';
  return `${full}${process.length}:${process}${observation.title}`;
}

/** A new detector with its own memory of at most `limit` verdicts. */
export function createDetector(limit = 1024): Detector {
  const recent = new Map<string, Verdict>();
  return {
    classify(observation, options = {}) {
      const key = memoKey(observation, options);
      if (key === undefined) return classify(observation, options);
      const known = recent.get(key);
      if (known !== undefined) return known;
      const verdict = freeze(classify(observation, options));
      if (recent.size >= limit) recent.clear();
      recent.set(key, verdict);
      return verdict;
    },
  };
}
