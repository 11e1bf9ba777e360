/**
 * The composition of the engine behind the UI: detector + watcher (alerts, close), incident
 * store, remote-access scanner, recovery wizard and report. Electron-free: main.ts passes the
 * platform adapters, the renderer tests pass a real store and scanner with a recording
 * WindowActions. Every decision is the engine's; this file only connects and translates.
 */
import type { DetectOptions } from '../engine/detect/index.js';
import type { Clock, ForegroundWatcher, Logger, PageTextReader, WindowActions } from '../engine/ports.js';
import { toWatchedWindow } from '../engine/watch/watched-window.js';
import { createWatcher, escalateClose, DEFAULT_ESCALATION_TIMING, systemClock, type EscalationTiming } from '../engine/watch/index.js';
import type { Settings, Status } from '../shared/ipc.js';
import type { WatchEvent } from '../shared/watch-events.js';
import { openIncidentStore } from '../storage/index.js';
import { loadKnownNumberLookup } from '../storage/numbers-repo.js';
import { AlertDesk } from './alert-desk.js';
import { closeResultOf } from './alert-view.js';
import type { AppEvent, AppServices } from './app-services.js';
import { historyView } from './history-view.js';
import { createIncidentRecorder, recordNewTool } from '../engine/incident/incident-recorder.js';
import { remoteToolEvent } from '../engine/family/events-from.js';
import { watchForNewTools, type NewToolEvent, type NewToolWatch } from '../engine/remote/new-tool-watch.js';
import type { InventorySource } from '../engine/ports.js';
import type { AlertEvent } from '../engine/family/alert-event.js';
import { notifyFamilyOfWatchEvents } from '../engine/family/watch-alerts.js';
import type { SqliteIncidentStore } from '../storage/index.js';
import { skipOwnWindows } from './own-window-filter.js';
import type { RecoveryFactory } from './recovery-features.js';
import { allowEntries, allowValueForTitle, settingsView, storedPatch } from './settings-view.js';

/** What the composition needs from the outside world. */
export interface ServiceDeps {
  /** The data folder (database, reports, quarantine). */
  readonly dataHome: string;
  /** OS locale (`app.getLocale()`), used while the language setting is `auto`. */
  readonly locale: string;
  readonly windows: ForegroundWatcher;
  readonly actions: WindowActions;
  /** Scanner, wizard and report (see recovery-features.ts), built over the open store. */
  readonly recovery: RecoveryFactory;
  readonly pageText?: PageTextReader;
  readonly clock?: Clock;
  readonly logger?: Logger;
  /** The process owning ScareStop's own windows (Electron main); default this process. */
  readonly ownPid?: number;
  /** Tests shorten the escalation's waits. */
  readonly escalation?: EscalationTiming;
  /** Re-checked every `newToolIntervalMs` for remote-access tools that start or appear. */
  readonly inventory?: InventorySource;
  readonly newToolIntervalMs?: number;
  /** Family alerts over the open database (main: createFamilyAlerts with the guard marker). */
  readonly familyAlerts?: (database: SqliteIncidentStore['database']) => FamilyAlertsHandle;
}

/** The part of FamilyAlerts the services use: queue (never waits), start/stop delivery. */
export interface FamilyAlertsHandle {
  notify(event: AlertEvent): unknown;
  start(): unknown;
  stop(): void;
}

/** Builds the services; call `start()` to begin watching. */
export function createServices(deps: ServiceDeps): AppServices {
  const clock = deps.clock ?? systemClock;
  const store = openIncidentStore({ dataHome: deps.dataHome, now: () => clock.now() });
  if (store.openReport.kind === 'recovered') deps.logger?.warn('the incident database was unreadable; a fresh one was started', { movedTo: store.openReport.movedTo, reason: store.openReport.reason, salvaged: store.openReport.salvaged });
  if (store.openReport.kind === 'read-only') deps.logger?.warn('the incident database is read-only for now (left as it was)', { reason: store.openReport.reason, detail: store.openReport.detail });
  let detectOptions: DetectOptions = {};
  try {
    // A number from the public scam-number table on the page is a strong signal ("do not call").
    detectOptions = { isKnownScamNumber: loadKnownNumberLookup(store.database) };
  } catch (error) {
    deps.logger?.warn('scam-number table unavailable', { error: String(error) });
  }
  const recovery = deps.recovery(store, () => settingsView(store.getSettings(), deps.locale).language);
  const listeners = new Set<(event: AppEvent) => void>();
  const emit = (event: AppEvent): void => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        deps.logger?.error('app event listener failed', { error: String(error) });
      }
    }
  };
  const settings = (): Settings => settingsView(store.getSettings(), deps.locale);
  const timing = deps.escalation ?? DEFAULT_ESCALATION_TIMING;
  let pausedUntil: number | null = null;
  let pauseTimer: ReturnType<Clock['setTimeout']> | undefined;
  let problem: string | null = null;
  let hotkey: string | null = null;
  let running = false;

  const recordEvent = createIncidentRecorder(store, clock);
  const family = deps.familyAlerts?.(store.database);
  const tellFamily = family === undefined ? undefined : notifyFamilyOfWatchEvents(family);
  const record = (event: WatchEvent): void => {
    try {
      recordEvent(event);
    } catch (error) {
      deps.logger?.error('recording the event failed', { error: String(error) });
    }
    // After the record: the incident is safe on disk before anything else happens.
    tellFamily?.(event);
  };
  /** A remote-access tool started, appeared or was used: keep it and tell the family. */
  const onNewTool = (event: NewToolEvent): void => {
    try {
      recordNewTool(store, event, clock.now());
    } catch (error) {
      deps.logger?.error('recording a new remote-access tool failed', { error: String(error) });
    }
    family?.notify(remoteToolEvent(event.finding, clock.now()));
  };
  let toolWatch: NewToolWatch | undefined;

  const desk = new AlertDesk({
    clock,
    async closeWindow(window) {
      const startedAt = clock.now();
      const report = await escalateClose(window, [], { actions: deps.actions, windows: deps.windows, clock }, timing);
      // Not through the watcher, so record it here: the incident must show what was done.
      const base = { at: clock.now(), ms: clock.now() - startedAt, window: toWatchedWindow(window), steps: report.steps, message: report.message };
      record(report.ok ? { ...base, type: 'action-taken', outcome: report.outcome, closedAllBrowserWindows: report.outcome === 'terminated' } : { ...base, type: 'action-failed' });
      return report;
    },
    allowTitle(title) {
      const value = allowValueForTitle(title);
      watcher.allow({ kind: 'title', value });
      const list = store.getSettings().allowList;
      if (!list.includes(value)) store.updateSettings({ allowList: [...list, value].slice(-200) });
      emit({ type: 'settings', settings: settings() });
    },
    onChange(alert) {
      emit({ type: 'alert', alert });
      emit({ type: 'status', status: status() });
    },
  });

  const ownWindows = skipOwnWindows(deps.windows, deps.ownPid ?? process.pid);
  /** A watcher over the current settings (rebuilt when an allow-list entry is removed). */
  const makeWatcher = () => {
    const stored = store.getSettings();
    const created = createWatcher(
      {
        windows: ownWindows,
        actions: deps.actions,
        clock,
        confirmClose: (request) => desk.confirm(request),
        detectOptions,
        ...(deps.pageText !== undefined ? { pageText: deps.pageText } : {}),
        ...(deps.logger !== undefined ? { logger: deps.logger } : {}),
      },
      { closeMode: stored.closeMode, allowList: allowEntries(stored.allowList), escalation: timing },
    );
    created.subscribe((event) => {
      record(event);
      desk.handle(event);
      if (event.type === 'error') problem = event.message.slice(0, 300);
      if (event.type === 'status' && event.state === 'watching') problem = null;
      if (event.type === 'error' || event.type === 'status') emit({ type: 'status', status: status() });
    });
    return created;
  };
  let watcher = makeWatcher();

  function status(): Status {
    const paused = pausedUntil !== null && pausedUntil > clock.now();
    const scan = recovery.lastScan();
    const wizard = recovery.wizardView();
    return {
      state: desk.hasOpenAlert() ? 'alert' : paused ? 'paused' : 'watching',
      pausedUntil: paused ? pausedUntil : null,
      mode: store.getSettings().closeMode,
      lastScan: scan === null ? null : { at: scan.scannedAt, findingCount: scan.findings.length },
      wizard: wizard.status,
      activeAlertId: desk.current()?.id ?? null,
      hotkey,
      problem,
    };
  }

  function resume(): Status {
    if (pauseTimer !== undefined) clock.clearTimeout(pauseTimer);
    pauseTimer = undefined;
    pausedUntil = null;
    if (running) watcher.start();
    const now = status();
    emit({ type: 'status', status: now });
    return now;
  }

  const language = () => settings().language;

  return {
    status,
    settings,
    updateSettings(patch) {
      const saved = store.updateSettings(storedPatch(patch));
      if (!saved.ok) throw new Error(saved.error.message);
      watcher.setCloseMode(saved.value.closeMode);
      const view = settings();
      emit({ type: 'settings', settings: view });
      emit({ type: 'status', status: status() });
      return view;
    },
    removeAllowed(value) {
      const saved = store.updateSettings({ allowList: store.getSettings().allowList.filter((item) => item !== value) });
      if (!saved.ok) throw new Error(saved.error.message);
      // The watcher can only add entries: replace it by one built over the shorter list. Alerts
      // waiting on the old one's question are then closed by a targeted escalation instead.
      const wasWatching = running && pausedUntil === null;
      desk.detach();
      watcher.stop();
      watcher = makeWatcher();
      if (wasWatching) watcher.start();
      const view = settings();
      emit({ type: 'settings', settings: view });
      return view;
    },
    pause(minutes) {
      pausedUntil = clock.now() + minutes * 60_000;
      if (pauseTimer !== undefined) clock.clearTimeout(pauseTimer);
      pauseTimer = clock.setTimeout(() => resume(), minutes * 60_000);
      watcher.stop();
      const now = status();
      emit({ type: 'status', status: now });
      return now;
    },
    resume,
    currentAlert: () => desk.current(),
    closeAlert: (alertId) => desk.close(alertId),
    allowAlert: (alertId) => desk.allow(alertId),
    dismissAlert: (alertId) => desk.dismiss(alertId),
    async closeNow() {
      // An alert waiting for an answer is exactly the scary screen the person means.
      const open = desk.openAlertId();
      if (open !== null) return desk.close(open);
      return closeResultOf(await watcher.closeNow());
    },
    async scan() {
      const scan = await recovery.scan();
      // A remote-access tool running or connected right now is worth a family message.
      for (const finding of scan.findings) {
        if (finding.risk === 'connected' || finding.risk === 'running') {
          family?.notify({ kind: 'remote-tool', at: new Date(clock.now()).toISOString(), tool: finding.name, action: finding.risk === 'connected' ? 'connected' : 'started' });
        }
      }
      emit({ type: 'scan', scan });
      emit({ type: 'status', status: status() });
      return scan;
    },
    lastScan: () => recovery.lastScan(),
    wizard: () => recovery.wizardView(),
    startWizard() {
      const view = recovery.startWizard();
      family?.notify({ kind: 'wizard-started', at: new Date(clock.now()).toISOString() });
      return view;
    },
    answerWizard: (stepId, answer) => recovery.answerWizard(stepId, answer),
    runWizardStep: (stepId) => recovery.runWizardStep(stepId),
    confirmWizardStep: (stepId, outcome) => recovery.confirmWizardStep(stepId, outcome),
    history: () => historyView(store, language()),
    exportReport: (incidentId, reportLanguage) => recovery.exportReport(incidentId, reportLanguage),
    setRegisteredHotkey(value) {
      hotkey = value;
      emit({ type: 'status', status: status() });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      family?.start();
      if (deps.inventory !== undefined && toolWatch === undefined) {
        toolWatch = watchForNewTools({
          source: deps.inventory,
          clock,
          onEvent: onNewTool,
          onError: (error) => deps.logger?.warn('remote-access re-check failed', { error: String(error) }),
          intervalMs: deps.newToolIntervalMs ?? 60_000,
        });
      }
      running = true;
      if (pausedUntil === null) watcher.start();
    },
    async stop() {
      running = false;
      if (pauseTimer !== undefined) clock.clearTimeout(pauseTimer);
      watcher.stop();
      toolWatch?.stop();
      family?.stop();
      await recovery.dispose();
      store.close();
    },
  };
}
