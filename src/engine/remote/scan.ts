/**
 * One remote-access scan: take an inventory snapshot, match it, report what was found and which
 * inventory sources worked. A failing source is listed in `sources`; the scan still completes.
 */
import type { Clock } from '../ports/clock.js';
import type { InventorySnapshot, InventorySource } from '../ports/inventory.js';
import type { RemoteFinding } from '../../shared/remote.js';
import { RemoteMatcher } from './matcher.js';

/** Whether one inventory source could be read. */
export interface ScanSourceStatus {
  readonly name: keyof InventorySnapshot;
  readonly ok: boolean;
  readonly error?: string;
}

/** The result of `scarestop scan --json` (and of the dashboard's scan). */
export interface ScanReport {
  readonly findings: readonly RemoteFinding[];
  /** ISO 8601 start of the scan. */
  readonly scannedAt: string;
  readonly durationMs: number;
  readonly sources: readonly ScanSourceStatus[];
}

const SOURCE_NAMES: readonly (keyof InventorySnapshot)[] = ['installed', 'processes', 'services', 'userFiles', 'autostart', 'artifacts', 'connections'];

/** Options of {@link scanRemoteTools}. */
export interface ScanOptions {
  readonly clock: Pick<Clock, 'now'>;
  /** Reuse one matcher across scans (building the index takes a few ms). */
  readonly matcher?: RemoteMatcher;
  /** Ask the adapter to skip slow sources (the periodic watch). */
  readonly quick?: boolean;
}

/** Runs one scan. Never rejects for an OS failure: failures land in `sources`. */
export async function scanRemoteTools(source: InventorySource, options: ScanOptions): Promise<ScanReport> {
  const started = options.clock.now();
  const matcher = options.matcher ?? new RemoteMatcher();
  let snapshot: InventorySnapshot;
  try {
    snapshot = await source.snapshot({ artifactPaths: matcher.artifactPaths(), ...(options.quick === true ? { quick: true } : {}) });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const failed = { ok: false as const, error: `inventory failed: ${message}` };
    snapshot = { installed: failed, processes: failed, services: failed, userFiles: failed, autostart: failed, artifacts: failed, connections: failed };
  }
  const findings = matcher.match(snapshot, options.clock.now());
  const sources = SOURCE_NAMES.map((name): ScanSourceStatus => {
    const result = snapshot[name];
    return result.ok ? { name, ok: true } : { name, ok: false, error: result.error };
  });
  return { findings, scannedAt: new Date(started).toISOString(), durationMs: Math.max(0, options.clock.now() - started), sources };
}
