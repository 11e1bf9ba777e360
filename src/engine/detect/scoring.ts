/**
 * Evidence → verdict. Scores add up per group (the strongest rule of a group counts fully, each
 * further distinct rule a little); the window's behaviour (full screen, popup burst, refused
 * close, title churn) strengthens a page whose own words already make a kit's case, and alone
 * only ever makes a browser window worth a closer look. Evidence is weighed, never vetoed by page
 * wording: benign context (news, help, about scams) lowers weak evidence to at most
 * "suspicious", and leaves strong evidence (strength.ts) as it is. Only facts outside the page
 * decide alone: a window of another program, the user's allow list.
 */
import type { WindowBehaviour } from '../../shared/observation.js';
import type { PhoneMention, Reason, Verdict, VerdictKind } from '../../shared/verdict.js';
import { evidenceReasons, reason, shownBrand } from './reasons.js';
import type { Evidence, EvidenceGroup, GuardHit } from './signals.js';
import { strongEvidence } from './strength.js';

/** Score from which a page is a scam, and from which it is suspicious. */
export const SCAM_THRESHOLD = 0.6;
export const SUSPICIOUS_THRESHOLD = 0.35;
const EXTRA_RULE_BONUS = 0.1;
const MAX_EXTRA_RULES = 2;
const FULLSCREEN_BONUS = 0.25;
const BLAND_FULLSCREEN_FLOOR = 0.4;
const BEHAVIOUR_FLOOR = 0.4;
const KNOWN_NUMBER_WEIGHT = 0.9;
/** What benign context takes off evidence that is not strong. */
const BENIGN_CONTEXT_PENALTY = 0.4;
/**
 * Distinct titles in ten seconds from which a window's title counts as churning: a page that
 * loads shows up to four ("Untitled", "about:blank", its address, its own title); a kit that
 * flips its title every second shows ten.
 */
const CHURNING_TITLES = 6;
const MAX_REASONS = 16;

/** Who owns the window: a browser, some other program, or unknown (title-only input). */
export type Owner = { readonly kind: 'browser' | 'unknown' } | { readonly kind: 'other'; readonly name: string };

/** Everything the decision needs. */
export interface DecisionInput {
  readonly evidence: readonly Evidence[];
  /** Benign-context guards, computed only when needed. */
  readonly guards: () => readonly GuardHit[];
  readonly phones: readonly PhoneMention[];
  /** What the page's address shows (address-evidence.ts): weighed like behaviour, never alone. */
  readonly address: readonly Evidence[];
  readonly owner: Owner;
  readonly fullscreen: boolean;
  readonly behaviour: WindowBehaviour;
  readonly blandTitle: boolean;
  readonly allowListed: boolean;
  /** Characters of page text looked at, when there was any. */
  readonly textLength: number | undefined;
}

/** Evidence the lock pattern strengthens: claims and orders, not a mere brand or number. */
const ALARMING: readonly EvidenceGroup[] = ['threat', 'alarm', 'urgency', 'known-scam-number', 'error-code'];
/** Evidence that claims something is wrong with the computer. */
const CLAIMS: readonly EvidenceGroup[] = ['threat', 'alarm', 'error-code', 'known-scam-number'];
/** A claim in the title this heavy is concrete (an error code, "virus detected"), not a mere "alert". */
const TITLE_CLAIM = 0.3;
/** What the page's address may add at most, all of it together. */
const MAX_ADDRESS_SCORE = 0.35;
/** What the window's behaviour may add at most, all of it together. */
const MAX_BEHAVIOUR_BONUS = 0.35;

/**
 * True when the page's own words already make the kit's case, worth a closer look by
 * themselves: a claim that something is wrong together with an order to act, or a title (the
 * fake screen's own heading) that makes a concrete claim ("Code0x268d3", "Virus detected") or
 * puts a claim under a brand's name ("Apple Security"), or a known scam number.
 * Quoted words never count. Only then does the window's behaviour add to the score: a full
 * screen slide, kiosk or dashboard that merely mentions a virus, or names a number, is never
 * tipped into "scam" by being full screen.
 */
function contentMakesTheCase(evidence: readonly Evidence[], contentScore: number): boolean {
  if (contentScore < SUSPICIOUS_THRESHOLD) return false;
  const own = evidence.filter((item) => item.quoted !== true);
  if (own.some((item) => item.group === 'known-scam-number')) return true;
  const claims = own.filter((item) => CLAIMS.includes(item.group));
  if (claims.length > 0 && own.some((item) => item.group === 'urgency')) return true;
  const titleClaims = claims.filter((item) => item.source === 'title');
  if (titleClaims.some((item) => item.weight >= TITLE_CLAIM)) return true;
  return titleClaims.length > 0 && own.some((item) => item.group === 'brand' && item.source === 'title');
}

/** Per group: the strongest weight of its distinct rules, plus a bonus per further distinct rule (not brands). */
function groupScores(evidence: readonly Evidence[]): Map<EvidenceGroup, number> {
  const strongest = new Map<EvidenceGroup, number>();
  const ids = new Map<EvidenceGroup, Set<string>>();
  for (const item of evidence) {
    strongest.set(item.group, Math.max(strongest.get(item.group) ?? -Infinity, Math.max(0, item.weight)));
    const seen = ids.get(item.group) ?? new Set<string>();
    seen.add(item.id);
    ids.set(item.group, seen);
  }
  const scores = new Map<EvidenceGroup, number>();
  for (const [group, weight] of strongest) {
    const extra = group === 'brand' ? 0 : Math.min(MAX_EXTRA_RULES, (ids.get(group)?.size ?? 1) - 1) * EXTRA_RULE_BONUS;
    scores.set(group, group === 'address' ? Math.min(MAX_ADDRESS_SCORE, weight + extra) : weight + extra);
  }
  return scores;
}

function kindOf(score: number): VerdictKind {
  if (score >= SCAM_THRESHOLD) return 'scam';
  return score >= SUSPICIOUS_THRESHOLD ? 'suspicious' : 'clean';
}

function rounded(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** Keeps the score inside the band of the final verdict, so score and verdict never disagree. */
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

/** The window's behaviour as weighted reasons: they add to alarming evidence, or make a browser window worth a closer look. */
function behaviourReasons(input: DecisionInput): Reason[] {
  const found: Reason[] = [];
  if (input.fullscreen) found.push(reason('fullscreen', 'the browser window covers the whole screen (full-screen lock pattern)', FULLSCREEN_BONUS, 'window'));
  if (input.behaviour.popupBurst === true) found.push(reason('popup-burst', 'one of a burst of new browser windows', 0.2, 'window'));
  if (input.behaviour.refusedClose === true) found.push(reason('refused-close', 'the window refused to close', 0.25, 'window'));
  if ((input.behaviour.recentTitles ?? 0) >= CHURNING_TITLES) found.push(reason('title-churn', 'the title keeps changing (several titles in ten seconds)', 0.15, 'window'));
  return found;
}

/** The page's own evidence plus its numbers that are known scam numbers. */
function withKnownNumbers(input: DecisionInput): readonly Evidence[] {
  let evidence = input.evidence;
  for (const phone of input.phones) {
    if (phone.known !== true || phone.e164 === undefined) continue;
    const seenIn = input.evidence.find((item) => item.group === 'phone' && item.id === phone.e164)?.source ?? 'title';
    evidence = evidence.concat({ group: 'known-scam-number', id: phone.e164, weight: KNOWN_NUMBER_WEIGHT, source: seenIn, phone });
  }
  return evidence;
}

/** Turns collected evidence into the final, explained verdict. */
export function decide(input: DecisionInput): Verdict {
  const own = withKnownNumbers(input);
  const scores = groupScores(own);
  const alarming = ALARMING.some((group) => scores.has(group));
  const extraReasons: Reason[] = [];
  let score = 0;
  for (const value of scores.values()) score += value;
  // Circumstances (the window's behaviour, an odd address: free hosting, a bare IP, a number in
  // the query) are common enough on honest pages that they only add to a page whose own words
  // make a kit's case; alone they never do more than ask for a closer look.
  const behaviour = behaviourReasons(input);
  const circumstancesAdd = alarming && contentMakesTheCase(own, score);
  const evidence = circumstancesAdd ? own.concat(input.address) : own;
  if (circumstancesAdd) {
    score += Math.min(MAX_BEHAVIOUR_BONUS, behaviour.reduce((sum, item) => sum + (item.weight ?? 0), 0));
    score += groupScores(input.address).get('address') ?? 0;
    extraReasons.push(...behaviour);
  }
  const isBrowser = input.owner.kind !== 'other';
  if (input.fullscreen && input.blandTitle && isBrowser) {
    score = Math.max(score, BLAND_FULLSCREEN_FLOOR);
    extraReasons.push(reason('bland-title', 'full-screen page with a bland title, as scam kits use: look at its content', BLAND_FULLSCREEN_FLOOR, 'window'));
  }
  const lockBehaviour = behaviour.filter((item) => item.signal !== 'fullscreen');
  if (!circumstancesAdd && lockBehaviour.length > 0 && isBrowser) {
    score = Math.max(score, BEHAVIOUR_FLOOR);
    extraReasons.push(...lockBehaviour.map((item) => ({ ...item, weight: BEHAVIOUR_FLOOR })));
  }
  const guards = kindOf(score) === 'clean' || !isBrowser || input.allowListed ? [] : dedupeGuards(input.guards());
  // Page text that tells the reader not to call (a news item, a police warning quoting a kit) is
  // the one benign context that outweighs a threat, a number and an instruction in that text.
  const found = strongEvidence(evidence);
  const warned = found?.source === 'text' && guards.some((guard) => guard.kind === 'warns-against' && guard.source === 'text');
  const strong = warned ? undefined : found?.why;
  if (guards.length > 0 && strong === undefined) {
    // A page about scams may show a scary phrase and even a number: at most worth a closer look.
    score = Math.min(score - BENIGN_CONTEXT_PENALTY, SCAM_THRESHOLD - 0.001);
  }
  for (const guard of guards) {
    const weight = strong === undefined ? -BENIGN_CONTEXT_PENALTY : 0;
    extraReasons.push(reason('benign-context', `benign context (${guard.kind}): "${guard.id}"${strong === undefined ? '' : `, outweighed by ${strong}`}`, weight, guard.source));
  }
  let verdict = kindOf(Math.min(1, score));
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
  const reasons = evidenceReasons(evidence, MAX_REASONS - extraReasons.length).concat(extraReasons);
  const shownScore = clampToVerdict(score, verdict);
  return brand === undefined ? { verdict, score: shownScore, reasons, phones: input.phones } : { verdict, score: shownScore, reasons, brand, phones: input.phones };
}

function dedupeGuards(guards: readonly GuardHit[]): GuardHit[] {
  const seen = new Set<string>();
  return guards.filter((guard) => (seen.has(guard.id) ? false : (seen.add(guard.id), true)));
}
