/**
 * The one composition behind both front doors: watcher (+ content check), incident recorder,
 * family alerts, allow list, new-tool watch and the scam-number lookup, built from ports. The
 * tray app's services and `scarestop watch` both call `createGuard`; they only adapt its input
 * and output. Order on every watch event: record first (the incident is on disk before anything
 * else happens), then the family, then the listeners.
 */
import { familyAlertFromWatchEvent } from '../family/watch-alerts.js';
import type { AlertEvent } from '../family/alert-event.js';
import { createIncidentRecorder, recordNewTool } from '../incident/incident-recorder.js';
import type { TimerHandle } from '../ports/clock.js';
import { watchForNewTools, type NewToolEvent, type NewToolWatch } from '../remote/new-tool-watch.js';
import { allowEntriesFromStored, allowValueForAddress, allowValueForTitle, cleanTitle } from '../watch/allow-list.js';
import { browserOf, toWatchedWindow } from '../watch/watched-window.js';
import { closeEventOf, closeFailedEventOf } from '../watch/close-event.js';
import { closeForeground } from '../watch/close-now.js';
import { DEFAULT_ESCALATION_TIMING, escalateClose } from '../watch/escalation.js';
import { createWatcher } from '../watch/watcher.js';
import { createPageAftercare } from '../watch/page-aftercare.js';
import { withKnownAddresses } from './known-addresses.js';
import type { WatchEvent } from '../../shared/watch-events.js';
import { familyAlertForTool } from './family-rule.js';
import type { Guard, GuardEvent, GuardOptions, GuardPorts } from './guard-api.js';

const MAX_ALLOW_ENTRIES = 200;

/** Builds the guard; call `start()` to begin. */
export function createGuard(ports: GuardPorts, options: GuardOptions = {}): Guard {
  const { clock, logger, store, family } = ports;
  const timing = options.escalation ?? DEFAULT_ESCALATION_TIMING;
  const listeners = new Set<(event: GuardEvent) => void>();
  const emit = (event: GuardEvent): void => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        logger?.error('guard event listener failed', { error: String(error) });
      }
    }
  };
  const notifyFamily = (alert: AlertEvent | undefined): void => {
    if (alert === undefined || family === undefined) return;
    try {
      family.notify(alert);
    } catch (error) {
      logger?.error('queuing a family alert failed', { error: String(error) });
    }
  };
  const recordEvent = store === undefined ? undefined : createIncidentRecorder(store, clock);

  let allowValues: readonly string[] = [...(store?.getSettings().allowList ?? [])];
  const allowEntries = () =>
    allowEntriesFromStored(allowValues, (value) => logger?.info('allow-list entry that looks like a host name is kept as an exact title only', { value }));
  const saveAllowList = (values: readonly string[]): void => {
    allowValues = values.slice(-MAX_ALLOW_ENTRIES);
    if (store !== undefined) {
      const saved = store.updateSettings({ allowList: allowValues });
      if (!saved.ok) throw new Error(saved.error.message);
    }
    watcher.setAllowList(allowEntries());
    emit({ kind: 'allow-list', values: allowValues });
  };

  const onWatchEvent = (event: WatchEvent): void => {
    // Silence first: the alarm is what panics people, and muting does not wait for the record.
    if (event.type === 'detected' && event.verdict.verdict === 'scam' && event.next !== 'allow-listed') aftercare.onScam(event.window);
    if (event.type === 'action-taken') aftercare.onGone(event.window.windowId);
    try {
      recordEvent?.(event);
    } catch (error) {
      logger?.error('recording the event failed', { error: String(error) });
    }
    notifyFamily(familyAlertFromWatchEvent(event));
    emit({ kind: 'watch', event });
  };
  const onNewTool = (event: NewToolEvent): void => {
    try {
      if (store !== undefined) recordNewTool(store, event, clock.now());
    } catch (error) {
      logger?.error('recording a new remote-access tool failed', { error: String(error) });
    }
    notifyFamily(familyAlertForTool(event.finding, clock.now(), 'new-tool-watch'));
    emit({ kind: 'new-tool', event });
  };

  const aftercare = createPageAftercare({
    clock,
    emit: (event) => onWatchEvent(event),
    ...(ports.audio !== undefined ? { audio: ports.audio } : {}),
    ...(ports.addresses !== undefined ? { addresses: ports.addresses } : {}),
    ...(logger !== undefined ? { logger } : {}),
  });
  const watcher = createWatcher(
    {
      windows: withKnownAddresses(ports.windows, (windowId) => aftercare.addressOf(windowId)?.url),
      actions: ports.actions,
      clock,
      ...(ports.isKnownScamNumber !== undefined ? { detectOptions: { isKnownScamNumber: ports.isKnownScamNumber } } : {}),
      ...(ports.pageText !== undefined ? { pageText: ports.pageText } : {}),
      ...(ports.confirmClose !== undefined ? { confirmClose: ports.confirmClose } : {}),
      ...(logger !== undefined ? { logger } : {}),
    },
    { closeMode: options.closeMode ?? store?.getSettings().closeMode ?? 'ask', allowList: allowEntries(), escalation: timing },
  );
  watcher.subscribe(onWatchEvent);

  let running = false;
  let pausedUntil: number | null = null;
  let pauseTimer: TimerHandle | undefined;
  let toolWatch: NewToolWatch | undefined;
  let plugins: { stop(): void }[] = [];
  let stopAudioReady: (() => void) | undefined;

  const clearPause = (): void => {
    if (pauseTimer !== undefined) clock.clearTimeout(pauseTimer);
    pauseTimer = undefined;
    pausedUntil = null;
  };

  const guard: Guard = {
    start() {
      if (running) return;
      running = true;
      stopAudioReady = ports.audio?.keepReady?.(); // a judged page's alarm is then silenced with one request
      family?.start();
      if (ports.inventory !== undefined) {
        toolWatch = watchForNewTools({
          source: ports.inventory,
          clock,
          onEvent: onNewTool,
          onError: (error) => logger?.warn('remote-access re-check failed', { error: String(error) }),
          intervalMs: options.newToolIntervalMs ?? 60_000,
        });
      }
      const context = {
        clock,
        ...(logger !== undefined ? { logger } : {}),
        ...(store !== undefined ? { store } : {}),
        notifyFamily: (alert: AlertEvent) => notifyFamily(alert),
        subscribe: guard.subscribe,
      };
      plugins = (options.plugins ?? []).map((plugin) => plugin.start(context));
      if (pausedUntil === null) watcher.start();
    },
    stop() {
      if (!running) return;
      running = false;
      clearPause();
      watcher.stop();
      toolWatch?.stop();
      toolWatch = undefined;
      for (const plugin of plugins.splice(0)) plugin.stop();
      aftercare.stop();
      stopAudioReady?.();
      stopAudioReady = undefined;
      family?.stop();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setCloseMode: (mode) => watcher.setCloseMode(mode),
    pause(minutes) {
      clearPause();
      const until = clock.now() + minutes * 60_000;
      pausedUntil = until;
      pauseTimer = clock.setTimeout(() => guard.resume(), minutes * 60_000);
      watcher.stop();
      emit({ kind: 'paused', until });
    },
    resume() {
      clearPause();
      if (running) watcher.start();
      emit({ kind: 'resumed' });
    },
    pausedUntil: () => (pausedUntil !== null && pausedUntil > clock.now() ? pausedUntil : null),
    async closeNow() {
      // The person's close key silences the browser in front at once, before the escalation.
      const front = await ports.windows.foreground().catch(() => null);
      if (front !== null && browserOf(front) !== undefined) aftercare.onScam(toWatchedWindow(front));
      return closeForeground({ windows: ports.windows, actions: ports.actions, clock }, { escalation: timing }, onWatchEvent);
    },
    async closeWindow(window, decidedBy) {
      const startedAt = clock.now();
      try {
        const report = await escalateClose(window, [], { actions: ports.actions, windows: ports.windows, clock }, timing);
        onWatchEvent(closeEventOf(window, report, decidedBy, startedAt, clock.now()));
        return report;
      } catch (error) {
        const event = closeFailedEventOf(window, error, decidedBy, startedAt, clock.now());
        onWatchEvent(event);
        return { ok: false, steps: [], message: event.message };
      }
    },
    allowList: () => allowValues,
    allowTitle(title) {
      const value = allowValueForTitle(title);
      // With the page's real address known, "this page is fine" covers that site (host and subdomains).
      const known = aftercare.pagesTitled((shown) => cleanTitle(shown) === cleanTitle(title));
      const sites = known.flatMap((page) => (page.address === null ? [] : [allowValueForAddress(page.address.url)])).filter((site): site is string => site !== undefined);
      for (const page of known) void aftercare.onAllowed(page.windowId);
      const added = [value, ...sites].filter((item) => item !== '' && !allowValues.includes(item));
      if (added.length > 0) saveAllowList([...allowValues, ...new Set(added)]);
    },
    removeAllowed(value) {
      saveAllowList(allowValues.filter((item) => item !== value));
    },
    noteScanFindings(findings) {
      for (const finding of findings) notifyFamily(familyAlertForTool(finding, clock.now(), 'scan'));
    },
    noteWizardStarted() {
      notifyFamily({ kind: 'wizard-started', at: new Date(clock.now()).toISOString() });
    },
  };
  return guard;
}
