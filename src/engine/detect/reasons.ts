/** Evidence → the reasons a verdict shows, strongest first, in words a person can check. */
import type { Reason, ReasonSource, SignalName } from '../../shared/verdict.js';
import type { Evidence, EvidenceGroup } from './signals.js';

const SIGNAL_OF_GROUP: Readonly<Record<EvidenceGroup, SignalName>> = {
  brand: 'brand',
  threat: 'threat',
  alarm: 'alarm',
  urgency: 'urgency',
  phone: 'phone',
  'known-scam-number': 'known-scam-number',
  'error-code': 'error-code',
  address: 'address',
};

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
    case 'address':
      return item.detail ?? `the page's address (${item.id})`;
  }
}

/** One reason. */
export function reason(signal: SignalName, detail: string, weight: number, source: ReasonSource): Reason {
  return { signal, detail, weight, source };
}

/** At most `limit` reasons from evidence, strongest first (stable), each group and id once. */
export function evidenceReasons(evidence: readonly Evidence[], limit: number): Reason[] {
  const reasons: Reason[] = [];
  const taken = new Set<string>();
  const sorted = evidence.map((item, at) => ({ item, at })).sort((a, b) => b.item.weight - a.item.weight || a.at - b.at);
  for (const { item } of sorted) {
    if (reasons.length >= limit) break;
    const key = `${item.group}\u0000${item.id}${item.quoted === true ? '\u0000q' : ''}`;
    if (taken.has(key)) continue;
    taken.add(key);
    reasons.push(reason(SIGNAL_OF_GROUP[item.group], item.quoted === true ? `quoted: ${describe(item)}` : describe(item), item.weight, item.source));
  }
  return reasons;
}

/** The brand to show: the first one the title names, else the first one the page text names. */
export function shownBrand(evidence: readonly Evidence[]): string | undefined {
  return (evidence.find((item) => item.group === 'brand' && item.source === 'title') ?? evidence.find((item) => item.group === 'brand'))?.brand;
}
