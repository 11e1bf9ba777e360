/**
 * Writes the live remote watch's events into the incident store (History, the report): a tool
 * that started, connected (with who and how, from its log), was paused, resumed or ended. It
 * joins the incident of the last hour (the scam page it most likely came from) or opens one.
 */
import type { Clock, IncidentStore } from '../ports.js';
import type { RemoteTimelineEvent, TimelinePayload } from '../ports/store.js';
import type { RemoteLiveEvent } from '../../shared/remote-live.js';
import { toDisplayText } from '../../shared/display-text.js';
import { joinOrOpenIncident } from './incident-recorder.js';

/** The timeline payload of a live event, or undefined for events that are not recorded. */
export function remotePayload(event: RemoteLiveEvent): Extract<TimelinePayload, { kind: 'remote' }> | undefined {
  if (event.type === 'remote-error') return undefined;
  const base = { kind: 'remote' as const, toolId: event.toolId, tool: event.tool, pids: event.pids };
  const name: RemoteTimelineEvent = event.type.slice('remote-'.length) as RemoteTimelineEvent;
  switch (event.type) {
    case 'remote-started':
      return { ...base, event: name, code: event.decision };
    case 'remote-connected':
      return { ...base, event: name, code: event.via, ...(event.session !== undefined ? { session: event.session } : {}) };
    case 'remote-paused':
      return { ...base, event: name, code: event.reason };
    case 'remote-resumed':
      return { ...base, event: name };
    case 'remote-ended':
      return { ...base, event: name, code: event.how, ...(event.session !== undefined ? { session: event.session } : {}) };
  }
}

/** A subscriber that records each live event; never throws (a failed write is logged by the caller). */
export function createRemoteRecorder(store: IncidentStore, clock: Clock): (event: RemoteLiveEvent) => void {
  let sequence = 0;
  return (event) => {
    const payload = remotePayload(event);
    if (payload === undefined) return;
    sequence += 1;
    const incidentId = joinOrOpenIncident(store, clock.now(), `Remote-access tool: ${toDisplayText(payload.tool, 60)}`);
    store.appendEvent({ id: `remote-${payload.event}-${payload.toolId}-${event.at}-${sequence}`, incidentId, at: event.at, payload });
  };
}
