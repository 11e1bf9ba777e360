/**
 * Collects evidence per tool and turns it into ranked findings: risk connected > running >
 * unattended > installed, the earliest appearance kept as `firstSeen`.
 */
import type { Evidence, EvidenceKind, RemoteFinding, RiskLevel } from '../../shared/remote.js';
import type { CatalogTool } from './catalog-types.js';

/** How long after an accepted incoming session a live connection counts as "connected". */
export const RECENT_SESSION_MS = 12 * 60 * 60 * 1000;

const RISK_RANK: Readonly<Record<RiskLevel, number>> = { connected: 4, running: 3, unattended: 2, installed: 1 };
const KIND_ORDER: readonly EvidenceKind[] = ['connected', 'running', 'service', 'unattended', 'incoming-session', 'portable', 'autostart', 'installed'];

/** Everything found about one tool during one scan. */
export class ToolEvidence {
  readonly evidence: Evidence[] = [];
  private readonly keys = new Set<string>();
  /** A live sign: a running service, not just an installed one. */
  serviceRunning = false;
  /** Latest accepted incoming session (ms), and whether a session has no end yet. */
  lastAcceptedSession: number | undefined;
  openSession = false;

  constructor(readonly tool: CatalogTool) {}

  /** Adds one piece of evidence unless the same thing was already recorded. */
  add(evidence: Evidence): void {
    const key = `${evidence.kind}|${evidence.path ?? ''}|${evidence.pid ?? ''}|${evidence.detail}`;
    if (this.keys.has(key)) return;
    this.keys.add(key);
    this.evidence.push(evidence);
  }

  has(kind: EvidenceKind): boolean {
    return this.evidence.some((e) => e.kind === kind);
  }
}

/** The risk of one tool right now. */
export function riskOf(found: ToolEvidence, now: number): RiskLevel {
  const recent = found.lastAcceptedSession !== undefined && now - found.lastAcceptedSession <= RECENT_SESSION_MS;
  // A relay connection alone is weak (tools stay connected while idle): "connected" needs a
  // log line of an accepted session that is recent or still open.
  if (found.has('connected') && (recent || found.openSession)) return 'connected';
  if (found.has('running') || found.serviceRunning) return 'running';
  if (found.has('unattended')) return 'unattended';
  return 'installed';
}

function earliest(evidence: readonly Evidence[]): string | undefined {
  let best: number | undefined;
  for (const e of evidence) {
    const t = e.at === undefined ? Number.NaN : Date.parse(e.at);
    if (!Number.isNaN(t) && (best === undefined || t < best)) best = t;
  }
  return best === undefined ? undefined : new Date(best).toISOString();
}

function byKindThenTime(a: Evidence, b: Evidence): number {
  const k = KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind);
  if (k !== 0) return k;
  return (b.at ?? '').localeCompare(a.at ?? '');
}

/** One finding per tool with evidence, most dangerous first. */
export function toFindings(found: Iterable<ToolEvidence>, now: number): RemoteFinding[] {
  const findings: RemoteFinding[] = [];
  for (const f of found) {
    if (f.evidence.length === 0) continue;
    const firstSeen = earliest(f.evidence);
    findings.push({
      toolId: f.tool.id,
      name: f.tool.name,
      priority: f.tool.priority,
      ...(f.tool.builtIn === true ? { builtIn: true } : {}),
      evidence: [...f.evidence].sort(byKindThenTime),
      risk: riskOf(f, now),
      ...(firstSeen !== undefined ? { firstSeen } : {}),
    });
  }
  return findings.sort(compareFindings);
}

/** Most dangerous first; built-in Windows features after third-party tools of the same risk. */
export function compareFindings(a: RemoteFinding, b: RemoteFinding): number {
  return (
    RISK_RANK[b.risk] - RISK_RANK[a.risk] ||
    Number(a.builtIn === true) - Number(b.builtIn === true) ||
    a.priority - b.priority ||
    a.name.localeCompare(b.name)
  );
}
