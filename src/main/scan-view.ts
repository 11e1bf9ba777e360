/** The remote-access scan in view terms: inventory snapshot → engine matcher → scan view. */
import type { Clock, InventorySnapshot, InventorySource } from '../engine/ports.js';
import { RemoteMatcher } from '../engine/remote/matcher.js';
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

const SOURCE_NAMES: readonly (keyof InventorySnapshot)[] = ['installed', 'processes', 'services', 'userFiles', 'autostart', 'artifacts', 'connections'];

/** Runs one scan: the real inventory, the real matcher. */
export class RemoteScan {
  private readonly matcher = new RemoteMatcher();

  constructor(
    private readonly inventory: InventorySource,
    private readonly clock: Clock,
  ) {}

  /** Findings as the engine returns them, plus the view. */
  async run(): Promise<{ readonly findings: RemoteFinding[]; readonly view: ScanView }> {
    const started = this.clock.now();
    const snapshot = await this.inventory.snapshot({ artifactPaths: this.matcher.artifactPaths() });
    const findings = this.matcher.match(snapshot, this.clock.now());
    const view: ScanView = {
      scannedAt: new Date(this.clock.now()).toISOString(),
      durationMs: Math.max(0, this.clock.now() - started),
      findings: findings.slice(0, 200).map(findingView),
      sources: SOURCE_NAMES.map((name) => {
        const result = snapshot[name];
        return { name, ok: result.ok, error: result.ok ? null : toDisplayText(result.error, 300) };
      }),
    };
    return { findings, view };
  }
}
