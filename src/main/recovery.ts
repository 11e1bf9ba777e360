/**
 * Composes the recovery features over the open store: the remote-access scan (engine scanner
 * over the platform inventory), the recovery wizard (engine state machine, saved in the store,
 * resumed after a restart) and the incident report (engine HTML, written to a file).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CleanupWizard, type AnswerValue, type QuestionId, type WizardState } from '../engine/cleanup/index.js';
import type { Clock, IncidentStore, InventorySource, NetworkJournalStore, SystemActions } from '../engine/ports.js';
import { offerReconnectAtStart } from './network-offer.js';
import { RemoteMatcher } from '../engine/remote/matcher.js';
import { scanRemoteTools } from '../engine/remote/scan.js';
import { renderReport, type MachineFacts } from '../engine/report/index.js';
import type { Language, ScanView, WizardView } from '../shared/ipc.js';
import type { RemoteFinding } from '../shared/remote.js';
import type { RecoveryFactory, RecoveryFeatures } from './recovery-features.js';
import { scanView } from './scan-view.js';
import { NO_WIZARD, wizardView } from './wizard-view.js';
import { hintsFromInventory } from '../engine/cleanup/index.js';
import type { ToolCleanupHints } from '../engine/cleanup/plan.js';
import type { InventorySnapshot } from '../engine/ports.js';

/** What the recovery features need from the platform. */
export interface RecoveryDeps {
  readonly inventory: InventorySource;
  readonly systemActions: SystemActions;
  readonly clock: Pick<Clock, 'now'>;
  /** Where exported reports are written. */
  readonly reportsDir: string;
  /** OS locale, for the help list's region while the setting is `auto` (ja-JP → JP). */
  readonly locale: string;
  /** Prints a saved HTML report to PDF (Electron's printToPDF); false when it could not. */
  readonly printPdf?: (htmlPath: string, pdfPath: string) => Promise<boolean>;
  /** This PC and its owner, for the report. */
  readonly machine?: MachineFacts;
  /** What was connected before the wizard turned the network off (restored on reconnect). */
  readonly networkJournal?: NetworkJournalStore;
  /** Desktop notification, for the reconnect offer at start. */
  readonly notify?: (title: string, body: string) => void;
}

/** The factory `createServices` calls with the open store. */
export function recoveryFactory(deps: RecoveryDeps): RecoveryFactory {
  return (store, language) => createRecoveryFeatures(deps, store, language);
}

function regionOf(setting: string, locale: string): string {
  if (setting !== 'auto') return setting;
  const match = /[-_]([A-Za-z]{2})\b/.exec(locale);
  if (match?.[1] !== undefined) return match[1].toUpperCase();
  return /^ja\b/i.test(locale) ? 'JP' : 'US';
}

function createRecoveryFeatures(deps: RecoveryDeps, store: IncidentStore, language: () => Language): RecoveryFeatures {
  const matcher = new RemoteMatcher();
  let last: ScanView | null = null;
  let lastFindings: readonly RemoteFinding[] = [];
  let wizard: CleanupWizard | undefined;

  let lastHints: Readonly<Record<string, ToolCleanupHints>> = {};
  const scan = async (): Promise<readonly RemoteFinding[]> => {
    // Keep the snapshot the scan used: the wizard's removal hints (real uninstall commands and
    // service names) come from the same inventory, as in `scarestop cleanup`.
    let snapshot: InventorySnapshot | undefined;
    const recording: InventorySource = {
      snapshot: async (options) => (snapshot = await deps.inventory.snapshot(options)),
    };
    const report = await scanRemoteTools(recording, { clock: deps.clock, matcher });
    last = scanView(report);
    lastFindings = report.findings;
    lastHints =
      snapshot === undefined
        ? {}
        : hintsFromInventory(report.findings, { installed: snapshot.installed.ok ? snapshot.installed.items : [], services: snapshot.services.ok ? snapshot.services.items : [] }, (id) => matcher.index.tools.get(id), language());
    return report.findings;
  };
  const begin = (startAt?: string): CleanupWizard => {
    const settings = store.getSettings();
    const journal = deps.networkJournal === undefined ? {} : { journal: deps.networkJournal };
    return CleanupWizard.start({ store, actions: deps.systemActions, clock: deps.clock, rescan: scan, ...journal }, { findings: lastFindings, hints: lastHints, region: regionOf(settings.region, deps.locale), helpContacts: settings.helpContacts, ...(startAt === undefined ? {} : { startAt }) });
  };
  /** The wizard in memory, or the one saved for the open incident (after a restart). */
  const active = (): CleanupWizard | undefined => {
    if (wizard !== undefined) return wizard;
    const open = store.latestOpenIncident();
    if (open !== undefined && store.loadWizard(open.id) !== undefined) wizard = begin();
    return wizard;
  };
  // Reports saved when a wizard finished, by incident (shown on the end screen).
  const saved = new Map<string, string[]>();
  const writeReport = async (incidentId: string, reportLanguage: Language): Promise<string[]> => {
    const incident = store.getIncident(incidentId);
    if (incident === undefined) throw new Error(`no incident ${incidentId}`);
    const state = store.loadWizard(incidentId)?.state as WizardState | undefined;
    const html = renderReport({ incident, timeline: store.timeline(incidentId), lang: reportLanguage, generatedAt: deps.clock.now(), ...(state?.version === 2 ? { wizard: state } : {}), ...(deps.machine === undefined ? {} : { machine: deps.machine }) });
    mkdirSync(deps.reportsDir, { recursive: true });
    const path = join(deps.reportsDir, `scarestop-report-${incidentId.replace(/[^a-z0-9-]/gi, '_')}-${reportLanguage}.html`);
    writeFileSync(path, html, 'utf8');
    const pdf = path.replace(/\.html$/u, '.pdf');
    const printed = deps.printPdf === undefined ? false : await deps.printPdf(path, pdf).catch(() => false);
    return printed ? [path, pdf] : [path];
  };
  /** The record is saved by itself when the wizard ends (HTML, and PDF where it can be printed). */
  const saveWhenFinished = async (): Promise<void> => {
    const current = active();
    if (current === undefined || current.view().kind !== 'finished' || saved.has(current.incidentId)) return;
    saved.set(current.incidentId, await writeReport(current.incidentId, language()));
  };
  const view = (): WizardView => {
    const current = active();
    return current === undefined ? NO_WIZARD : wizardView(current.view(), language(), current.state, saved.get(current.incidentId) ?? []);
  };
  const onStep = (stepId: string): CleanupWizard => {
    const current = active();
    const shown = current?.view();
    const id = shown === undefined ? undefined : shown.kind === 'question' ? shown.question.id : shown.kind === 'step' ? shown.step.id : undefined;
    // A stale screen (another window moved on) must not act on the wrong step.
    if (current === undefined || id !== stepId) throw new Error(`step ${stepId} is not the current step`);
    return current;
  };

  void offerReconnectAtStart(deps, store, language());

  return {
    async scan() {
      await scan();
      if (last === null) throw new Error('scan produced no result');
      return last;
    },
    lastScan: () => last,
    wizardView: view,
    startWizard(startAt) {
      const current = active();
      if (current === undefined || current.view().kind === 'finished') wizard = begin(startAt);
      return Promise.resolve(view());
    },
    answerWizard(stepId, answer) {
      const answered = onStep(stepId).answer(stepId as QuestionId, answer as AnswerValue);
      if (!answered.ok) throw new Error(answered.error.message);
      return Promise.resolve(view());
    },
    async runWizardStep(stepId) {
      const current = onStep(stepId);
      const shown = current.view();
      // Ask for elevation when the step requires it, or after it reported it needs it.
      const elevate = shown.kind === 'step' && (shown.step.admin === 'required' || shown.record.status === 'needs-admin');
      await current.runStep({ elevate });
      await saveWhenFinished();
      return view();
    },
    async confirmWizardStep(stepId, outcome) {
      const current = onStep(stepId);
      if (outcome === 'skipped') current.skipStep();
      else await current.confirmManual();
      await saveWhenFinished();
      return view();
    },
    async exportReport(incidentId, reportLanguage) {
      const [path] = await writeReport(incidentId, reportLanguage);
      if (path === undefined) throw new Error('report not written');
      return { path };
    },
    dispose: () => Promise.resolve(),
  };
}
