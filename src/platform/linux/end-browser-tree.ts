/**
 * Ending a judged browser on Linux: SIGTERM to the browser (its main process ends its own
 * renderers, ~10 ms), then SIGKILL to what is left of its tree. Which processes may be ended is
 * the engine's plan (processes of the same browser family only); every signal goes out only
 * after the process was identified again (pid + start time + executable) right before it, so a
 * pid that a renderer left behind and another program took is never signalled.
 */
import { describeSpared, planBrowserTreeEnd } from '../../engine/watch/browser-tree.js';
import type { ProcessIdentity, SparedProcess } from '../../engine/ports/processes.js';
import type { BrowserFamily, TerminateOutcome } from '../../engine/ports/windows.js';
import { signalIfSame, waitEnded, type ProcessTable } from './proc-processes.js';

/** How long each phase may take. */
export interface EndTreeTiming {
  /** After SIGTERM, before the leftovers get SIGKILL. */
  readonly graceMs: number;
  /** After SIGKILL, before giving up. */
  readonly killWaitMs: number;
}

export const DEFAULT_END_TREE_TIMING: EndTreeTiming = { graceMs: 3_000, killWaitMs: 3_000 };

/** Ends the browser `root` (of `family`) and its own processes; see the file comment. */
export async function endBrowserTree(root: ProcessIdentity, family: BrowserFamily, table: ProcessTable, timing: EndTreeTiming = DEFAULT_END_TREE_TIMING): Promise<TerminateOutcome> {
  const plan = planBrowserTreeEnd(table.list(), root, family);
  const spared: SparedProcess[] = [...plan.spared];
  const withSpared = <T extends TerminateOutcome>(outcome: T): T => (spared.length === 0 ? outcome : { ...outcome, spared: [...spared] });
  if (plan.refused !== undefined) {
    return plan.spared.length === 0 && table.identify(root.pid) === undefined
      ? { status: 'not-needed', detail: 'the browser is already gone' }
      : withSpared({ status: 'failed', detail: `refused: ${plan.refused}` });
  }
  const kept = (): string => (spared.length === 0 ? '' : `; left running: ${describeSpared(spared)}`);

  const term = await signalIfSame(table, root, 'SIGTERM');
  if (term !== 'sent') {
    if (typeof term === 'object') spared.push({ pid: root.pid, image: term.changed.image, reason: 'identity-changed' });
    return withSpared({ status: typeof term === 'object' ? 'failed' : 'not-needed', detail: typeof term === 'object' ? `refused: process ${root.pid} is no longer the browser${kept()}` : 'the browser is already gone' });
  }
  if (await waitEnded(table, plan.end, timing.graceMs)) return withSpared({ status: 'done', detail: `ended with SIGTERM${kept()}` });

  // Deepest first, the browser last; each one identified again right before its SIGKILL.
  const killed: ProcessIdentity[] = [];
  for (const member of plan.end) {
    const sent = await signalIfSame(table, member, 'SIGKILL');
    if (sent === 'sent') killed.push(member);
    else if (typeof sent === 'object') spared.push({ pid: member.pid, image: sent.changed.image, reason: 'identity-changed' });
  }
  if (await waitEnded(table, killed, timing.killWaitMs)) return withSpared({ status: 'done', detail: `ended with SIGKILL${kept()}` });
  return withSpared({ status: 'failed', detail: `the browser did not end${kept()}` });
}
