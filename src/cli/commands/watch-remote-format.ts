/** How `scarestop watch` prints the remote-session events: JSON lines or plain sentences. */
import { describeSession } from '../../engine/remote/live/session-account.js';
import type { RemoteLiveEvent } from '../../shared/remote-live.js';

/** One JSON line: always `event`, `tool`, `toolId`, `pids`, `at`, `ms`, plus details. */
export function remoteEventToJson(event: RemoteLiveEvent): Record<string, unknown> {
  if (event.type === 'remote-error') return { event: event.type, at: event.at, ms: 0, code: event.code, message: event.message };
  const { type, ...rest } = event;
  return { event: type, ms: 'ms' in event ? event.ms : 0, ...rest };
}

/** One plain-language line for a person at a terminal. */
export function remoteEventToText(event: RemoteLiveEvent): string {
  switch (event.type) {
    case 'remote-started':
      return `remote-access tool started: ${event.tool} (process ${event.pids.join(', ')})${event.decision === 'known-helper' ? ' — someone you know' : ''}`;
    case 'remote-connected':
      return event.session !== undefined ? `CONNECTED: ${describeSession(event.session, 'en')}` : `connection: ${event.tool} is talking to ${event.remoteAddress ?? 'another computer'}`;
    case 'remote-paused':
      return [
        `PAUSED ${event.tool} (process ${event.pids.join(', ')}) in ${event.ms} ms. Someone may be taking control of your PC.`,
        '  If a caller told you to install this, hang up now.',
        `  Type "end ${event.pauseId}" to end it, or "known ${event.pauseId}" if this is someone you know.`,
      ].join('\n');
    case 'remote-resumed':
      return `resumed ${event.tool}: you said this is someone you know.`;
    case 'remote-ended':
      if (event.session !== undefined) return `session over: ${describeSession(event.session, 'en')}`;
      return event.how === 'ended-by-person' ? `ended ${event.tool} (process ${event.pids.join(', ')})${event.failed.length > 0 ? `; could not end ${event.failed.map((f) => f.pid).join(', ')}` : ''}` : `${event.tool} closed.`;
    case 'remote-error':
      return `problem watching remote-access tools: ${event.message} [${event.code}]`;
  }
}
