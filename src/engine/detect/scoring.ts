/**
 * Evidence → verdict. Scores add up per group (the strongest rule of a group counts fully, each
 * further distinct rule a little), the full-screen lock pattern strengthens alarming evidence,
 * and guards veto: benign context, a non-browser owner, the user's allow list.
 */
import type { PhoneMention, Reason, ReasonSource, SignalName, Verdict, VerdictKind } from '../../shared/verdict.js';
import type { Evidence, EvidenceGroup, GuardHit } from './signals.js';

/** Score from which a page is a scam, and from which it is suspicious. */
export const SCAM_THRESHOLD = 0.6;
export const SUSPICIOUS_THRESHOLD = 0.35;
const EXTRA_RULE_BONUS = 0.1;
const MAX_EXTRA_RULES = 2;
const FULLSCREEN_BONUS = 0.25;
const BLAND_FULLSCREEN_FLOOR = 0.4;
const KNOWN_NUMBER_WEIGHT = 0.9;
const MAX_REASONS = 16;

/** Who owns the window: a browser, some other program, or unknown (title-only input). */
export type Owner = { readonly kind: 'browser' | 'unknown' } | { readonly kind: 'other'; readonly name: string };

/** Everything the decision needs. */
export interface DecisionInput {
  readonly evidence: readonly Evidence[];
  /** Benign-context guards, computed only when needed (they can only lower a verdict). */
  readonly guards: () => readonly GuardHit[];
  readonly phones: readonly PhoneMention[];
  readonly owner: Owner;
  readonly fullscreen: boolean;
  readonly blandTitle: boolean;
  readonly allowListed: boolean;
  /** Characters of page text looked at, when there was any. */
  readonly textLength: number | undefined;
}

const SIGNAL_OF_GROUP: Readonly<Record<EvidenceGroup, SignalName>> = {
  brand: 'brand',
  threat: 'threat',
  alarm: 'alarm',
  urgency: 'urgency',
  phone: 'phone',
  'known-scam-number': 'known-scam-number',
  'error-code': 'error-code',
};
/** Evidence the full-screen pattern strengthens: claims and orders, not a mere brand or number. */
const ALARMING: readonly EvidenceGroup[] = ['threat', 'alarm', 'urgency', 'known-scam-number', 'error-code'];

/**
 * Score per group, in order of first appearance (the total below adds them in that order):
 * the strongest weight of the group's distinct rules, plus a bonus for each further distinct
 * rule (not for brands). Evidence lists are short, so plain arrays beat maps here.
 */
function groupScores(evidence: readonly Evidence[]): Map<EvidenceGroup, number> {
  const groups: EvidenceGroup[] = [];
  const strongest: number[] = [];
  const distinct: number[] = [];
  const seenIds: string[] = [];
  const seenGroups: EvidenceGroup[] = [];
  for (const item of evidence) {
    const weight = Math.max(0, item.weight);
    let g = groups.indexOf(item.group);
    if (g < 0) {
      g = groups.length;
      groups.push(item.group);
      strongest.push(-Infinity);
      distinct.push(0);
    }
    let known = false;
    for (let k = 0; k < seenIds.length; k += 1) {
      if (seenIds[k] === item.id && seenGroups[k] === item.group) {
        known = true;
        break;
      }
    }
    if (!known) {
      seenIds.push(item.id);
      seenGroups.push(item.group);
      distinct[g] = (distinct[g] ?? 0) + 1;
    }
    strongest[g] = Math.max(strongest[g] ?? -Infinity, weight);
  }
  const scores = new Map<EvidenceGroup, number>();
  groups.forEach((group, g) => {
    const extra = group === 'brand' ? 0 : Math.min(MAX_EXTRA_RULES, (distinct[g] ?? 1) - 1) * EXTRA_RULE_BONUS;
    scores.set(group, (strongest[g] ?? 0) + extra);
  });
  return scores;
}

function kindOf(score: number): VerdictKind {
  if (score >= SCAM_THRESHOLD) return 'scam';
  return score >= SUSPICIOUS_THRESHOLD ? 'suspicious' : 'clean';
}

/** Keeps the score inside the band of the final verdict, so score and verdict never disagree. */
function rounded(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function clampToVerdict(score: number, verdict: VerdictKind): number {
  switch (verdict) {
    case 'scam':
      return rounded(Math.min(1, Math.max(SCAM_THRESHOLD, score)));
    case 'suspicious':
      return rounded(Math.min(SCAM_THRESHOLD - 0.001, Math.max(SUSPICIOUS_THRESHOLD, score)));
    case 'clean':
      return rounded(Math.min(SUSPICIOUS_THRESHOLD - 0.001, Math.max(0, score)));
  }
}

function describe(item: Evidence): string {
  switch (item.group) {
    case 'brand':
      return `names ${item.brand ?? item.id} ("${item.id}")`;
    case 'threat':
      return `threat claim "${item.id}"`;
    case 'alarm':
      return `alarm wording "${item.id}"`;
    case 'urgency':
      return `instruction or urgency "${item.id}"`;
    case 'error-code':
      return `error code: ${item.id}`;
    case 'phone':
      return `phone number ${item.id}${item.phone?.tollFree === true ? ' (toll-free)' : ''}`;
    case 'known-scam-number':
      return `phone number ${item.id} is in the known scam-number list`;
  }
}

/** Evidence by weight, strongest first; equal weights keep the order they were found in. */
function sortedByWeight(evidence: readonly Evidence[]): Evidence[] {
  // Insertion sort: evidence lists are a handful of items, and it is stable.
  const sorted = evidence.slice();
  for (let i = 1; i < sorted.length; i += 1) {
    const item = sorted[i] as Evidence;
    let at = i;
    while (at > 0 && (sorted[at - 1] as Evidence).weight < item.weight) {
      sorted[at] = sorted[at - 1] as Evidence;
      at -= 1;
    }
    sorted[at] = item;
  }
  return sorted;
}

function alreadyTaken(taken: readonly Evidence[], item: Evidence): boolean {
  for (const other of taken) if (other.group === item.group && other.id === item.id) return true;
  return false;
}

function evidenceReasons(evidence: readonly Evidence[], limit: number): Reason[] {
  const reasons: Reason[] = [];
  if (evidence.length === 0 || limit <= 0) return reasons;
  const taken: Evidence[] = [];
  for (const item of sortedByWeight(evidence)) {
    if (alreadyTaken(taken, item)) continue;
    taken.push(item);
    reasons.push({ signal: SIGNAL_OF_GROUP[item.group], detail: describe(item), weight: item.weight, source: item.source });
    if (reasons.length >= limit) break;
  }
  return reasons;
}

/** The brand to show: the first one the title names, else the first one the page text names. */
function shownBrand(evidence: readonly Evidence[]): string | undefined {
  let fromText: string | undefined;
  for (const item of evidence) {
    if (item.group !== 'brand' || item.brand === undefined) continue;
    if (item.source === 'title') return item.brand;
    fromText ??= item.brand;
  }
  return fromText;
}

/** Turns collected evidence into the final, explained verdict. */
export function decide(input: DecisionInput): Verdict {
  let evidence: readonly Evidence[] = input.evidence;
  for (const phone of input.phones) {
    if (phone.known === true && phone.e164 !== undefined) {
      const seenIn = input.evidence.find((item) => item.group === 'phone' && item.id === phone.e164)?.source ?? 'title';
      evidence = evidence.concat({ group: 'known-scam-number', id: phone.e164, weight: KNOWN_NUMBER_WEIGHT, source: seenIn, phone });
    }
  }
  const scores = groupScores(evidence);
  let alarming = false;
  for (const group of ALARMING) alarming ||= scores.has(group);
  const extraReasons: Reason[] = [];
  let score = 0;
  for (const value of scores.values()) score += value;
  if (input.fullscreen && alarming) {
    score += FULLSCREEN_BONUS;
    extraReasons.push(reason('fullscreen', 'the browser window covers the whole screen (full-screen lock pattern)', FULLSCREEN_BONUS, 'window'));
  }
  if (input.fullscreen && input.blandTitle && input.owner.kind !== 'other') {
    score = Math.max(score, BLAND_FULLSCREEN_FLOOR);
    extraReasons.push(reason('bland-title', 'full-screen page with a bland title, as scam kits use: look at its content', BLAND_FULLSCREEN_FLOOR, 'window'));
  }
  let verdict = kindOf(Math.min(1, score));

  const guards = verdict === 'clean' || input.owner.kind === 'other' || input.allowListed ? [] : input.guards();
  if (guards.length > 0) {
    // A page about scams may show a scary phrase and even a number, but it is not a lock screen.
    const strong = (scores.has('phone') || scores.has('known-scam-number')) && (scores.has('threat') || scores.has('alarm'));
    verdict = verdict === 'scam' && strong ? 'suspicious' : 'clean';
  }
  for (const guard of guards.length === 0 ? guards : dedupeGuards(guards)) {
    extraReasons.push(reason('benign-context', `benign context (${guard.kind}): "${guard.id}"`, -1, guard.source));
  }
  if (input.owner.kind === 'other') {
    verdict = 'clean';
    extraReasons.push(reason('not-a-browser', `window belongs to ${input.owner.name}, not a web browser: never judged from its title`, -1, 'window'));
  }
  if (input.allowListed) {
    verdict = 'clean';
    extraReasons.push(reason('allow-listed', 'title is on the allow list', -1, 'title'));
  }
  if (input.textLength !== undefined) {
    const fromText = evidence.filter((item) => item.source === 'text').length;
    extraReasons.push(reason('page-text', `page text read (${input.textLength} characters, ${fromText} signals in it)`, 0, 'text'));
  }
  const brand = shownBrand(evidence);
  const reasons = evidenceReasons(evidence, MAX_REASONS - extraReasons.length);
  for (const extra of extraReasons) reasons.push(extra);
  const shownScore = clampToVerdict(score, verdict);
  return brand === undefined ? { verdict, score: shownScore, reasons, phones: input.phones } : { verdict, score: shownScore, reasons, brand, phones: input.phones };
}

function dedupeGuards(guards: readonly GuardHit[]): GuardHit[] {
  const seen = new Set<string>();
  return guards.filter((guard) => (seen.has(guard.id) ? false : (seen.add(guard.id), true)));
}

function reason(signal: SignalName, detail: string, weight: number, source: ReasonSource): Reason {
  return { signal, detail, weight, source };
}
