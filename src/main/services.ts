/**
 * The tray app's services: the engine's guard (src/engine/guard) plus the alert desk, the
 * recovery features and the settings, in the IPC contract's view terms. Electron-free: main.ts
 * passes the platform adapters, the renderer tests pass a real store with scripted windows.
 * Every decision is the guard's or the engine's; this file only adapts input and output.
 */
import { createGuard, type Guard } from '../engine/guard/index.js';
import type { BrowserAudio, PageAddressReader } from '../engine/ports/browser-page.js';
import type { Clock, ForegroundWatcher, InventorySource, Logger, PageTextReader, WindowActions } from '../engine/ports.js';
import { systemClock, type EscalationTiming } from '../engine/watch/index.js';
import type { Settings, Status } from '../shared/ipc.js';
import { openGuardStore, type GuardStoreOptions } from '../platform/guard-store.js';
import { AlertDesk } from './alert-desk.js';
import { closeResultOf } from './alert-view.js';
import type { AppEvent, AppServices } from './app-services.js';
import { historyView } from './history-view.js';
import { skipOwnWindows } from './own-window-filter.js';
import type { SenderFactory } from '../engine/family/family-alerts.js';
import { createFamilySettings } from './family-settings.js';
import type { RecoveryFactory } from './recovery-features.js';
import { settingsView, storedPatch } from './settings-view.js';
import type { RemoteLivePorts } from '../engine/ports/remote-live.js';
import type { RemoteLiveOptions } from '../engine/remote/live/remote-live-watch.js';
import { createRemoteServices } from './remote-services.js';

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
  /** Silences a scam page's browser (optional: without it the alarm plays until the page is closed). */
  readonly audio?: BrowserAudio;
  /** Reads a judged page's address from the browser (optional). */
  readonly addresses?: PageAddressReader;
  readonly clock?: Clock;
  readonly logger?: Logger;
  /** The process owning ScareStop's own windows (Electron main); default this process. */
  readonly ownPid?: number;
  /** Tests shorten the escalation's waits. */
  readonly escalation?: EscalationTiming;
  /** Re-checked every `newToolIntervalMs` for remote-access tools that start or appear. */
  readonly inventory?: InventorySource;
  readonly newToolIntervalMs?: number;
  /** Family alerts over the open database (main: with the guard marker); left out: none. */
  readonly family?: GuardStoreOptions['family'];
  /** Real senders for "Send a test" in Settings (main: createFamilySenders). */
  readonly familySenders?: SenderFactory;
  /** The live remote-access watch's OS adapters (createRemoteLivePorts); left out: not watched. */
  readonly remoteLive?: RemoteLivePorts;
  readonly remoteLiveOptions?: RemoteLiveOptions;
}

/** Builds the services; call `start()` to begin watching. */
export function createServices(deps: ServiceDeps): AppServices {
  const clock = deps.clock ?? systemClock;
  const opened = openGuardStore({ dataHome: deps.dataHome, clock, ...(deps.logger !== undefined ? { logger: deps.logger } : {}), ...(deps.family !== undefined ? { family: deps.family } : {}) });
  const store = opened.store;
  const settings = (): Settings => settingsView(store.getSettings(), deps.locale, clock.now());
  const recovery = deps.recovery(store, () => settings().language);
  if (store.openReport.kind === 'read-only') deps.logger?.warn('the incident database is read-only for now (left as it was)', { reason: store.openReport.reason, detail: store.openReport.detail });
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
  let problem: string | null = null;
  let hotkey: string | null = null;
  const familySettings = createFamilySettings(store.database, deps.familySenders, () => clock.now());

  const desk = new AlertDesk({
    clock,
    // An alert's Close is always the person's decision.
    closeWindow: (window) => guard.closeWindow(window, 'person'),
    allowTitle: (title) => guard.allowTitle(title),
    onChange(alert) {
      emit({ type: 'alert', alert });
      emit({ type: 'status', status: status() });
    },
  });
  const remote = createRemoteServices({
    store,
    clock,
    recovery,
    wizardStarted: () => guard.noteWizardStarted(),
    emit(event) {
      emit(event);
      if (event.type === 'remote') emit({ type: 'status', status: status() });
    },
    ...(deps.remoteLive !== undefined ? { ports: deps.remoteLive } : {}),
    ...(deps.remoteLiveOptions !== undefined ? { live: deps.remoteLiveOptions } : {}),
    ...(deps.logger !== undefined ? { logger: deps.logger } : {}),
  });
  const guard: Guard = createGuard(
    {
      windows: skipOwnWindows(deps.windows, deps.ownPid ?? process.pid),
      actions: deps.actions,
      clock,
      ...opened.ports,
      ...(deps.pageText !== undefined ? { pageText: deps.pageText } : {}),
      ...(deps.audio !== undefined ? { audio: deps.audio } : {}),
      ...(deps.addresses !== undefined ? { addresses: deps.addresses } : {}),
      ...(deps.inventory !== undefined ? { inventory: deps.inventory } : {}),
      ...(deps.logger !== undefined ? { logger: deps.logger } : {}),
      confirmClose: (request) => desk.confirm(request),
    },
    {
      ...(deps.escalation !== undefined ? { escalation: deps.escalation } : {}),
      ...(deps.newToolIntervalMs !== undefined ? { newToolIntervalMs: deps.newToolIntervalMs } : {}),
      ...(remote.plugin !== undefined ? { plugins: [remote.plugin] } : {}),
    },
  );
  guard.subscribe((event) => {
    switch (event.kind) {
      case 'watch': {
        const watchEvent = event.event;
        desk.handle(watchEvent);
        if (watchEvent.type === 'error') problem = watchEvent.message.slice(0, 300);
        if (watchEvent.type === 'status' && watchEvent.state === 'watching') problem = null;
        if (watchEvent.type === 'error' || watchEvent.type === 'status') emit({ type: 'status', status: status() });
        return;
      }
      case 'paused':
      case 'resumed':
        emit({ type: 'status', status: status() });
        return;
      case 'allow-list':
        emit({ type: 'settings', settings: settings() });
        return;
      case 'new-tool':
        return; // recorded and told to the family by the guard; History shows it
    }
  });

  function status(): Status {
    const pausedUntil = guard.pausedUntil();
    const scan = recovery.lastScan();
    const wizard = recovery.wizardView();
    return {
      state: desk.hasOpenAlert() || remote.waiting() ? 'alert' : pausedUntil !== null ? 'paused' : 'watching',
      pausedUntil,
      mode: store.getSettings().closeMode,
      lastScan: scan === null ? null : { at: scan.scannedAt, findingCount: scan.findings.length },
      wizard: wizard.status,
      activeAlertId: desk.current()?.id ?? null,
      remoteWaiting: remote.waiting(),
      hotkey,
      problem,
    };
  }

  return {
    status,
    settings,
    updateSettings(patch) {
      const saved = store.updateSettings(storedPatch(patch));
      if (!saved.ok) throw new Error(saved.error.message);
      guard.setCloseMode(saved.value.closeMode);
      const view = settings();
      emit({ type: 'settings', settings: view });
      emit({ type: 'status', status: status() });
      return view;
    },
    removeAllowed(value) {
      guard.removeAllowed(value);
      return settings();
    },
    pause(minutes) {
      guard.pause(minutes);
      return status();
    },
    resume() {
      guard.resume();
      return status();
    },
    currentAlert: () => desk.current(),
    closeAlert: (alertId) => desk.close(alertId),
    allowAlert: (alertId) => desk.allow(alertId),
    dismissAlert: (alertId) => desk.dismiss(alertId),
    async closeNow() {
      // An alert waiting for an answer is exactly the scary screen the person means.
      const open = desk.openAlertId();
      if (open !== null) return desk.close(open);
      return closeResultOf(await guard.closeNow());
    },
    async scan() {
      const scan = await recovery.scan();
      guard.noteScanFindings(scan.findings);
      emit({ type: 'scan', scan });
      emit({ type: 'status', status: status() });
      return scan;
    },
    lastScan: () => recovery.lastScan(),
    wizard: () => recovery.wizardView(),
    async startWizard() {
      const view = await recovery.startWizard();
      guard.noteWizardStarted();
      return view;
    },
    answerWizard: (stepId, answer) => recovery.answerWizard(stepId, answer),
    runWizardStep: (stepId) => recovery.runWizardStep(stepId),
    confirmWizardStep: (stepId, outcome) => recovery.confirmWizardStep(stepId, outcome),
    history: () => historyView(store, settings().language),
    currentRemote: () => remote.current(),
    endRemote: (pauseId) => remote.endIt(pauseId),
    knownRemote: (pauseId) => remote.knownHelper(pauseId),
    dismissRemote: (pauseId, next) => remote.dismiss(pauseId, next),
    setOnThePhone(on) {
      remote.setOnThePhone(on);
      const view = settings();
      emit({ type: 'settings', settings: view });
      return view;
    },
    exportReport: (incidentId, reportLanguage) => recovery.exportReport(incidentId, reportLanguage),
    familyContacts: () => familySettings.list(),
    addFamilyContact: (input) => familySettings.add(input),
    removeFamilyContact: (id) => familySettings.remove(id),
    testFamilyContact: (id) => familySettings.test(id),
    setRegisteredHotkey(value) {
      hotkey = value;
      emit({ type: 'status', status: status() });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start: () => guard.start(),
    async stop() {
      guard.stop();
      await recovery.dispose();
      opened.close();
    },
  };
}
