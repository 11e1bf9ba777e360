/**
 * THE rule for which remote-access findings alert the family (the watch-event rule is
 * `familyAlertFromWatchEvent` in engine/family/watch-alerts.ts). Both front doors reach it only
 * through the guard.
 *
 * - A tool that started, appeared or was used while the guard was running (the new-tool watch)
 *   is news: the family hears about it, whatever its risk.
 * - A scan lists everything installed, often for years: only a tool running or connected right
 *   now is worth a message.
 */
import { remoteToolEvent, type ToolFacts } from '../family/events-from.js';
import type { AlertEvent } from '../family/alert-event.js';

/** How the guard came to know of the tool. */
export type ToolSighting = 'new-tool-watch' | 'scan';

/** The family alert for a finding, or undefined when it is not worth a message. */
export function familyAlertForTool(finding: ToolFacts, at: number, sighting: ToolSighting): AlertEvent | undefined {
  const live = finding.risk === 'connected' || finding.risk === 'running';
  if (sighting === 'scan' && !live) return undefined;
  return remoteToolEvent(finding, at);
}
