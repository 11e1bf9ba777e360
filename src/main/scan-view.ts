/** The remote-access scan in view terms. */
import type { ScanReport } from '../engine/remote/scan.js';
import { toDisplayText } from '../shared/display-text.js';
import type { FindingView, ScanView } from '../shared/ipc.js';
import type { RemoteFinding } from '../shared/remote.js';

/** One finding for the scan screen (every string bounded; paths stay text). */
export function findingView(finding: RemoteFinding): FindingView {
  return {
    toolId: finding.toolId.slice(0, 80),
    name: toDisplayText(finding.name, 120),
    risk: finding.risk,
    builtIn: finding.builtIn === true,
    firstSeen: finding.firstSeen ?? null,
    evidence: finding.evidence.slice(0, 50).map((item) => ({
      kind: item.kind,
      detail: toDisplayText(item.detail, 300),
      path: item.path === undefined ? null : toDisplayText(item.path, 400),
      at: item.at ?? null,
    })),
  };
}

/** The engine's scan report as the scan screen shows it. */
export function scanView(report: ScanReport): ScanView {
  return {
    scannedAt: report.scannedAt,
    durationMs: report.durationMs,
    findings: report.findings.slice(0, 200).map(findingView),
    sources: report.sources.slice(0, 30).map((source) => ({ name: source.name, ok: source.ok, error: source.error === undefined ? null : toDisplayText(source.error, 300) })),
  };
}
