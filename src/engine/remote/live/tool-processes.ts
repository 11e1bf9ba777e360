/**
 * Which started processes belong to a catalog tool: the same matcher as the scan, fed only the
 * new processes (no second list of tools). A process the catalog does not match is never
 * tracked, so it can never be paused or ended.
 */
import type { InventorySnapshot } from '../../ports/inventory.js';
import type { StartedProcess } from '../../ports/remote-live.js';
import type { RemoteMatcher } from '../matcher.js';

const NONE = { ok: true, items: [] } as const;

/** A tool and its processes among the started ones. */
export interface MatchedTool {
  readonly toolId: string;
  readonly name: string;
  readonly builtIn: boolean;
  readonly processes: readonly StartedProcess[];
}

/** Groups the started processes the catalog matches by tool. */
export function matchStartedProcesses(matcher: RemoteMatcher, started: readonly StartedProcess[], now: number): MatchedTool[] {
  if (started.length === 0) return [];
  const snapshot: InventorySnapshot = {
    installed: NONE,
    processes: {
      ok: true,
      items: started.map((p) => ({
        pid: p.identity.pid,
        name: p.name,
        ...(p.path !== undefined ? { path: p.path } : {}),
        ...(p.ppid !== undefined ? { ppid: p.ppid } : {}),
        ...(p.productName !== undefined ? { productName: p.productName } : {}),
        ...(p.originalFilename !== undefined ? { originalFilename: p.originalFilename } : {}),
      })),
    },
    services: NONE,
    userFiles: NONE,
    autostart: NONE,
    artifacts: NONE,
    connections: NONE,
  };
  const byPid = new Map(started.map((p) => [p.identity.pid, p]));
  const tools: MatchedTool[] = [];
  for (const finding of matcher.match(snapshot, now)) {
    const processes = finding.evidence.flatMap((e) => (e.kind === 'running' && e.pid !== undefined ? [byPid.get(e.pid)] : [])).filter((p) => p !== undefined);
    if (processes.length > 0) tools.push({ toolId: finding.toolId, name: finding.name, builtIn: finding.builtIn === true, processes });
  }
  return tools;
}
