/**
 * Builds alert events from what the detector and the remote-access scan produce, so main only
 * has to call `alerts.notify(scamPageEvent(...))`. Only the safe facts are carried over.
 */
import type { EvidenceKind, RemoteFinding } from '../../shared/remote.js';
import type { Verdict } from '../../shared/verdict.js';
import type { AlertEvent } from './alert-event.js';

/** A scam-page alert from a verdict: title, brand, and the phone number (a known one first). */
export function scamPageEvent(input: { readonly verdict: Verdict; readonly title: string; readonly at: number; readonly closed?: boolean }): AlertEvent {
  const phones = input.verdict.phones;
  const phone = phones.find((p) => p.known === true) ?? phones[0];
  return {
    kind: 'scam-page',
    at: new Date(input.at).toISOString(),
    title: input.title,
    ...(input.verdict.brand !== undefined ? { brand: input.verdict.brand } : {}),
    ...(phone !== undefined ? { phone: { display: phone.raw, known: phone.known === true, ...(phone.e164 !== undefined ? { e164: phone.e164 } : {}) } } : {}),
    ...(input.closed !== undefined ? { closed: input.closed } : {}),
  };
}

/** What a remote-tool alert needs of a finding (a scan's finding or its view both fit). */
export interface ToolFacts {
  readonly name: string;
  readonly risk: RemoteFinding['risk'];
  /** Only the kinds count (a finding's evidence or its view's both fit). */
  readonly evidence: readonly { readonly kind: EvidenceKind; readonly detail?: string }[];
}

/**
 * A remote-tool alert from a scan finding: "connected" when a session is live, "started" when it
 * runs, else "installed". Built-in tools (Remote Desktop, Quick Assist) are included: a scammer
 * uses them too, and the family only hears the name.
 */
export function remoteToolEvent(finding: ToolFacts, at: number): AlertEvent {
  const kinds = new Set(finding.evidence.map((e) => e.kind));
  const action = finding.risk === 'connected' || kinds.has('incoming-session') || kinds.has('connected') ? 'connected' : kinds.has('running') || finding.risk === 'running' ? 'started' : 'installed';
  return { kind: 'remote-tool', at: new Date(at).toISOString(), tool: finding.name, action };
}
