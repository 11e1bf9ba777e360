/**
 * Writes what the watcher saw and did into the incident store, so History, the report and
 * the family alerts have it even if the app dies a second later. A detection joins the open
 * incident of the last hour or starts a new one. Used by the tray app and `scarestop watch`.
 */
import type { Clock, IncidentStore, IncidentId } from '../ports.js';
import type { NewToolEvent } from '../remote/new-tool-watch.js';
import { toDisplayText } from '../../shared/display-text.js';
import type { WatchEvent } from '../../shared/watch-events.js';

const JOIN_WINDOW_MS = 60 * 60 * 1000;

/** Timeline action names: the person closed the page themselves, or the guard did (auto mode). */
export const PERSON_CLOSED_PAGE = 'person-closed-page';
export const GUARD_CLOSED_PAGE = 'close-scam-page';
/** Timeline action name: the scam page's sound was silenced. */
export const SILENCED_PAGE = 'silence-scam-page';

/** The open incident of the last hour, or a new one with this title. */
export function joinOrOpenIncident(store: IncidentStore, at: number, title: string): IncidentId {
  const open = store.latestOpenIncident();
  if (open !== undefined && at - open.openedAt < JOIN_WINDOW_MS) return open.id;
  return store.createIncident({ openedAt: at, title }).id;
}

/**
 * Records a remote-access tool that started, appeared or was used while ScareStop was running
 * (the periodic re-check): it joins the incident of the scam page it most likely came from.
 */
export function recordNewTool(store: IncidentStore, event: NewToolEvent, at: number): void {
  const incidentId = joinOrOpenIncident(store, at, `Remote-access tool: ${toDisplayText(event.finding.name, 60)}`);
  store.appendEvent({
    id: `new-tool-${event.type}-${event.finding.toolId}-${event.detectedAt}`,
    incidentId,
    at,
    payload: { kind: 'finding', finding: event.finding },
  });
}

/** Records detections and close actions; other events are not part of an incident. */
export function createIncidentRecorder(store: IncidentStore, clock: Clock): (event: WatchEvent) => void {
  let sequence = 0;
  const incidentFor = (at: number, brand: string | undefined): IncidentId =>
    joinOrOpenIncident(store, at, brand === undefined ? 'Fake warning page' : `Fake ${toDisplayText(brand, 60)} warning`);
  return (event) => {
    sequence += 1;
    switch (event.type) {
      case 'detected': {
        if (event.next === 'allow-listed') return;
        const incidentId = incidentFor(event.at, event.verdict.brand);
        store.appendEvent({
          id: `detected-${event.at}-${event.window.windowId}-${sequence}`,
          incidentId,
          at: event.at,
          payload: {
            kind: 'detection',
            title: toDisplayText(event.window.title),
            verdict: event.verdict.verdict === 'scam' ? 'scam' : 'suspicious',
            score: event.verdict.score,
            ...(event.verdict.brand !== undefined ? { brand: event.verdict.brand } : {}),
            phones: event.verdict.phones.slice(0, 5).map((phone) => phone.e164 ?? toDisplayText(phone.raw, 40)),
            ...(event.window.process !== undefined ? { browser: event.window.process } : {}),
          },
        });
        return;
      }
      case 'action-taken':
      case 'action-failed': {
        // The person's own close (close key, alert button) may come without any detection.
        const byPerson = event.decidedBy === 'person';
        const incidentId = byPerson ? joinOrOpenIncident(store, clock.now(), 'Screen you closed') : incidentFor(clock.now(), undefined);
        store.appendEvent({
          id: `${event.type}-${event.at}-${event.window.windowId}-${sequence}`,
          incidentId,
          at: event.at,
          payload: {
            kind: 'action',
            action: byPerson ? PERSON_CLOSED_PAGE : GUARD_CLOSED_PAGE,
            status: event.type === 'action-taken' ? 'done' : 'failed',
            detail: toDisplayText(event.message, 200),
          },
        });
        return;
      }
      case 'page-address':
        // The address joins the incident of the detection it belongs to (the last hour's).
        store.appendEvent({
          id: `page-${event.window.windowId}-${event.at}-${sequence}`,
          incidentId: incidentFor(event.at, undefined),
          at: event.at,
          payload: { kind: 'page', url: event.url, host: event.host, title: toDisplayText(event.window.title), knownAfterMs: event.ms },
        });
        return;
      case 'audio-muted':
      case 'audio-failed': {
        const incidentId = incidentFor(event.at, undefined);
        store.appendEvent({
          id: `${event.type}-${event.window.windowId}-${event.at}-${sequence}`,
          incidentId,
          at: event.at,
          payload: { kind: 'action', action: SILENCED_PAGE, status: event.type === 'audio-muted' ? 'done' : 'failed', detail: event.type === 'audio-muted' ? `${event.streams} sound stream(s) muted ${event.ms} ms after the page was found` : toDisplayText(event.detail, 200) },
        });
        return;
      }
      case 'audio-unmuted':
      case 'suspicious':
      case 'content-checked':
      case 'error':
      case 'status':
        return;
    }
  };
}
