/** How `scarestop watch` and `close-now` print watch events: JSON lines or plain sentences. */
import { assertNever } from '../../shared/result.js';
import type { GuardEvent } from '../../engine/guard/index.js';
import type { WatchEvent } from '../../shared/watch-events.js';

/** One JSON line: always `event`, `verdict`, `title`, `pid`, `windowId`, `ms`, plus details. */
export function eventToJson(event: WatchEvent): Record<string, unknown> {
  switch (event.type) {
    case 'detected':
      return { event: event.type, ...windowFields(event), verdict: event.verdict.verdict, ms: event.ms, at: event.at, stage: event.stage, next: event.next, score: event.verdict.score, brand: event.verdict.brand, reasons: event.verdict.reasons };
    case 'suspicious':
      return { event: event.type, ...windowFields(event), verdict: event.verdict.verdict, ms: event.ms, at: event.at, cause: event.cause, contentCheck: event.contentCheck, reasons: event.verdict.reasons };
    case 'content-checked':
      return { event: event.type, ...windowFields(event), verdict: event.verdict.verdict, ms: event.ms, at: event.at, textChars: event.textChars };
    case 'action-taken':
      return { event: event.type, ...windowFields(event), verdict: null, ms: event.ms, at: event.at, decidedBy: event.decidedBy, outcome: event.outcome, closedAllBrowserWindows: event.closedAllBrowserWindows, steps: event.steps, message: event.message };
    case 'action-failed':
      return { event: event.type, ...windowFields(event), verdict: null, ms: event.ms, at: event.at, decidedBy: event.decidedBy, steps: event.steps, message: event.message };
    case 'error':
      return { event: event.type, verdict: null, title: null, pid: null, windowId: null, ms: 0, at: event.at, code: event.code, message: event.message, retryInMs: event.retryInMs ?? null };
    case 'status':
      return { event: event.type, verdict: null, title: null, pid: null, windowId: null, ms: 0, at: event.at, state: event.state };
    default:
      return assertNever(event, 'watch event');
  }
}

function windowFields(event: { readonly window: { readonly title: string; readonly pid?: number; readonly windowId: string; readonly fullscreen: boolean } }): Record<string, unknown> {
  return { title: event.window.title, pid: event.window.pid ?? null, windowId: event.window.windowId, fullscreen: event.window.fullscreen };
}

/** One plain-language line for a person at a terminal (titles quoted as data). */
export function eventToText(event: WatchEvent): string {
  switch (event.type) {
    case 'detected':
      return `SCAM (${event.stage}) ${JSON.stringify(event.window.title)} pid ${event.window.pid ?? '?'} window ${event.window.windowId} after ${event.ms} ms → ${event.next}`;
    case 'suspicious':
      return `suspicious (${event.cause}) ${JSON.stringify(event.window.title)} window ${event.window.windowId}: left open${event.contentCheck ? ', reading the page' : ''}`;
    case 'content-checked':
      return `page read (${event.textChars} characters in ${event.ms} ms): ${event.verdict.verdict} ${JSON.stringify(event.window.title)}`;
    case 'action-taken':
      return `${event.message} (${event.outcome}, ${event.ms} ms: ${event.steps.map((s) => `${s.step}=${s.status}`).join(', ')})`;
    case 'action-failed':
      return `NOT CLOSED: ${event.message} (${event.steps.map((s) => `${s.step}=${s.status}${s.detail !== undefined ? ` [${s.detail}]` : ''}`).join(', ')})`;
    case 'error':
      return `problem: ${event.message} [${event.code}]${event.retryInMs !== undefined ? `, trying again in ${Math.round(event.retryInMs / 1000)} s` : ''}`;
    case 'status':
      return `status: ${event.state}`;
    default:
      return assertNever(event, 'watch event');
  }
}

/** One JSON line for a guard event (watch events as above; a remote-access tool that started). */
export function guardEventToJson(event: GuardEvent): Record<string, unknown> | undefined {
  switch (event.kind) {
    case 'watch':
      return eventToJson(event.event);
    case 'new-tool': {
      const tool = event.event;
      return { event: 'remote-tool', verdict: null, title: null, pid: tool.evidence.pid ?? null, windowId: null, ms: 0, change: tool.type, toolId: tool.finding.toolId, tool: tool.finding.name, risk: tool.finding.risk, evidence: tool.evidence.kind, detail: tool.evidence.detail, at: tool.detectedAt };
    }
    case 'paused':
    case 'resumed':
    case 'allow-list':
      return undefined;
    default:
      return assertNever(event, 'guard event');
  }
}

/** One plain line for a guard event, or undefined when there is nothing to say. */
export function guardEventToText(event: GuardEvent): string | undefined {
  switch (event.kind) {
    case 'watch':
      return eventToText(event.event);
    case 'new-tool':
      return `REMOTE-ACCESS TOOL ${event.event.type}: ${JSON.stringify(event.event.finding.name)} (${event.event.evidence.detail})`;
    case 'paused':
    case 'resumed':
    case 'allow-list':
      return undefined;
    default:
      return assertNever(event, 'guard event');
  }
}
