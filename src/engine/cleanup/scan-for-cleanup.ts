/**
 * A scan for the wizard: the findings plus the hints to remove them (uninstall commands and
 * real service names from the same inventory snapshot, the catalog's uninstall advice).
 * The CLI and the app both use it, so `plan.steps` are the same in both.
 */
import type { InventorySource, SourceResult } from '../ports/inventory.js';
import { RemoteMatcher } from '../remote/matcher.js';
import type { RemoteFinding } from '../../shared/remote.js';
import { hintsFromInventory } from './hints.js';
import type { ToolCleanupHints } from './plan.js';
import type { Lang } from './texts.js';

/** Findings and the hints to remove them. */
export interface CleanupScan {
  readonly findings: readonly RemoteFinding[];
  readonly hints: Record<string, ToolCleanupHints>;
}

const items = <T>(result: SourceResult<T>): readonly T[] => (result.ok ? result.items : []);

/** Scans now. A failing inventory source yields fewer findings, never an exception from here. */
export async function scanForCleanup(source: InventorySource, options: { readonly now: () => number; readonly lang: Lang; readonly matcher?: RemoteMatcher }): Promise<CleanupScan> {
  const matcher = options.matcher ?? new RemoteMatcher();
  const snapshot = await source.snapshot({ artifactPaths: matcher.artifactPaths() });
  const findings = matcher.match(snapshot, options.now());
  const hints = hintsFromInventory(findings, { installed: items(snapshot.installed), services: items(snapshot.services) }, (id) => matcher.index.tools.get(id), options.lang);
  return { findings, hints };
}
