/**
 * The remote-session part of the guard: the live watch plus what feeds and follows it — the
 * scam context (scam pages from the watcher, an incident of the last day still open, "I am on
 * the phone", the "always ask" setting, known helpers), the incident record and the family
 * alert. One composition for both front doors (tray app and `scarestop watch`).
 */
import type { Clock, IncidentStore, Logger } from '../../ports.js';
import type { RemoteLivePorts } from '../../ports/remote-live.js';
import type { RemoteLiveEvent } from '../../../shared/remote-live.js';
import type { WatchEvent } from '../../../shared/watch-events.js';
import type { AlertEvent } from '../../family/alert-event.js';
import { createRemoteRecorder } from '../../incident/remote-recorder.js';
import type { RemoteMatcher } from '../matcher.js';
import { createRemoteLiveWatch, type RemoteLiveOptions, type RemoteLiveWatch } from './remote-live-watch.js';
import { scamPageSeenAt, type ScamContext } from './scam-context.js';

/** An open incident with a scam page counts as scam context while it is this recent (older ones are forgotten, not closed). */
export const OPEN_INCIDENT_CONTEXT_MS = 24 * 60 * 60 * 1000;

/** What the remote guard needs. */
export interface RemoteGuardDeps {
  readonly ports: RemoteLivePorts;
  readonly clock: Clock;
  /** Incidents and settings; without it nothing is recorded and settings are defaults. */
  readonly store?: IncidentStore;
  /** Family alerts (queued, never waits for the network). */
  readonly family?: { notify(event: AlertEvent): unknown };
  readonly logger?: Logger;
  readonly matcher?: RemoteMatcher;
  readonly options?: RemoteLiveOptions;
}

/** The running remote guard. */
export interface RemoteGuard {
  readonly watch: RemoteLiveWatch;
  /** Feed every watcher event: a detected scam page raises the scam context. */
  noteWatchEvent(event: WatchEvent): void;
  /**
   * The person said "I am on the phone with someone who asked me to install this" (or took it
   * back). Kept in the settings (the app and `scarestop watch` share it); when said, tools that
   * already run are paused too: the caller may have had them installed a minute ago.
   */
  setOnThePhone(on: boolean): void;
  /** The scam context right now (for status displays). */
  context(): ScamContext;
  start(): void;
  stop(): void;
}

/** The family alert for a live event, if the family should hear of it. */
export function familyAlertOf(event: RemoteLiveEvent): AlertEvent | undefined {
  const at = new Date(event.at).toISOString();
  switch (event.type) {
    case 'remote-started':
      return event.decision === 'notify' ? { kind: 'remote-tool', at, tool: event.tool, action: 'started' } : undefined;
    case 'remote-paused':
      return { kind: 'remote-tool', at, tool: event.tool, action: 'paused' };
    case 'remote-connected':
      return event.decision === 'known-helper' ? undefined : { kind: 'remote-tool', at, tool: event.tool, action: 'connected', ...(event.session !== undefined ? { session: event.session } : {}) };
    case 'remote-ended':
      return event.session !== undefined ? { kind: 'remote-tool', at, tool: event.tool, action: 'ended', session: event.session } : undefined;
    case 'remote-resumed':
    case 'remote-error':
      return undefined;
  }
}

/** Builds the remote guard; `start()` begins watching. */
export function createRemoteGuard(deps: RemoteGuardDeps): RemoteGuard {
  const { clock, store } = deps;
  let lastScamPageAt: number | undefined;
  let onThePhoneAt: number | undefined;
  const context = (): ScamContext => {
    const settings = store?.getSettings();
    const saidAt = Math.max(onThePhoneAt ?? 0, settings?.remoteOnThePhoneAt ?? 0);
    const open = store?.latestOpenIncident();
    // Only an incident with a scam page in it: one opened by a tool notice alone is no scam.
    const scamIncident = open !== undefined && clock.now() - open.openedAt <= OPEN_INCIDENT_CONTEXT_MS && store?.timeline(open.id).some((e) => e.payload.kind === 'detection') === true;
    return {
      ...(lastScamPageAt !== undefined ? { lastScamPageAt } : {}),
      ...(saidAt > 0 ? { onThePhoneAt: saidAt } : {}),
      incidentOpen: scamIncident,
      alwaysAsk: settings?.remoteAlwaysAsk ?? false,
      knownHelpers: settings?.remoteHelpers ?? [],
    };
  };
  const watch = createRemoteLiveWatch({ ports: deps.ports, clock, context, ...(deps.matcher !== undefined ? { matcher: deps.matcher } : {}), ...(deps.logger !== undefined ? { logger: deps.logger } : {}) }, deps.options);
  const record = store === undefined ? undefined : createRemoteRecorder(store, clock);
  watch.subscribe((event) => {
    try {
      record?.(event);
      if (event.type === 'remote-resumed' && store !== undefined) {
        const helpers = store.getSettings().remoteHelpers;
        if (!helpers.includes(event.toolId)) store.updateSettings({ remoteHelpers: [...helpers, event.toolId].slice(-50) });
      }
    } catch (error) {
      deps.logger?.error('recording a remote-access event failed', { error: String(error) });
    }
    // After the record: the incident is safe on disk before the family hears of it.
    const alert = familyAlertOf(event);
    if (alert !== undefined) deps.family?.notify(alert);
  });
  return {
    watch,
    noteWatchEvent(event) {
      const at = scamPageSeenAt(event);
      if (at !== undefined) lastScamPageAt = Math.max(lastScamPageAt ?? 0, at);
    },
    setOnThePhone(on) {
      onThePhoneAt = on ? clock.now() : undefined;
      try {
        store?.updateSettings({ remoteOnThePhoneAt: onThePhoneAt ?? 0 });
      } catch (error) {
        deps.logger?.error('saving "on the phone" failed', { error: String(error) });
      }
      if (on) void watch.reconsider();
    },
    context,
    start: () => watch.start(),
    stop: () => watch.stop(),
  };
}
