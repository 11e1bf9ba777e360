/**
 * Strong evidence: combinations that honest pages do not show, so that no benign-looking phrase
 * (" | News", "How ", "about scams", "hoax") can talk a page out of "scam". Each is judged
 * within one source (the title, or the page text): a news page may name a brand in its title
 * and quote a number in its text. Quoted words (a warning quoting a kit) never make it strong.
 */
import type { Evidence, EvidenceSource, TextSource } from './signals.js';

/** Brands whose security screens kits fake (a shop naming Amazon is not a security screen). */
const SECURITY_BRANDS: ReadonlySet<string> = new Set(['Microsoft', 'Apple', 'McAfee', 'Norton', 'Avast', 'AVG', 'Kaspersky']);
/** A concrete threat claim ("PC infected", "virus detected"), not a mere mention of malware. */
const THREAT_CLAIM = 0.45;
/** An instruction that carries weight ("call now", "do not restart"), not a polite "contact us". */
const INSTRUCTION = 0.3;
/**
 * Alarm wording that marks a security screen ("security alert", "virus alert"); the bare word
 * "warning" (0.2) is not enough, since honest titles carry it in "police warning" or "FBI Warning:".
 */
const SCREEN_ALARM = 0.25;

/** Why evidence in one source is strong, or undefined. */
function strongIn(evidence: readonly Evidence[], source: TextSource): string | undefined {
  let brand = false;
  let securityBrand = false;
  let phone = false;
  let threat = 0;
  let alarm = 0;
  let instruction = false;
  for (const item of evidence) {
    if (item.source !== source || item.quoted === true) continue;
    if (item.group === 'brand') {
      brand = true;
      securityBrand ||= SECURITY_BRANDS.has(item.brand ?? '');
    } else if (item.group === 'phone' || item.group === 'known-scam-number') phone = true;
    else if (item.group === 'threat') threat = Math.max(threat, item.weight);
    else if (item.group === 'alarm') alarm = Math.max(alarm, item.weight);
    else if (item.group === 'urgency') instruction ||= item.weight >= INSTRUCTION;
  }
  if (threat >= THREAT_CLAIM && phone && instruction) return `a threat claim, a phone number and an instruction in the ${source}`;
  if (source === 'title' && securityBrand && threat >= 0.6 && (alarm >= SCREEN_ALARM || instruction)) return 'a fake security screen (brand, threat claim, alarm) in the title';
  if (source === 'title' && brand && phone && (threat > 0 || alarm > 0 || instruction)) return 'a brand with a support number and alarm in the title';
  return undefined;
}

/** Strong evidence: why, and where it was found. */
export interface Strong {
  readonly why: string;
  readonly source: EvidenceSource;
}

/** Why the evidence is strong (it then stays "scam" whatever the context), or undefined. */
export function strongEvidence(evidence: readonly Evidence[]): Strong | undefined {
  const known = evidence.find((item) => item.group === 'known-scam-number');
  if (known !== undefined) return { why: 'a known scam number', source: known.source };
  const inTitle = strongIn(evidence, 'title');
  if (inTitle !== undefined) return { why: inTitle, source: 'title' };
  const inText = strongIn(evidence, 'text');
  return inText === undefined ? undefined : { why: inText, source: 'text' };
}
