/**
 * The recovery half of the app behind one interface: the remote-access scan, the recovery
 * wizard and the incident report, in view-model terms. `createRecoveryFeatures()` in
 * `recovery.ts` composes the engine's scanner, wizard and report over the platform adapters.
 */
import type { IncidentStore } from '../engine/ports.js';
import type { Language, ScanView, WizardAnswer, WizardView } from '../shared/ipc.js';

export interface RecoveryFeatures {
  scan(): Promise<ScanView>;
  lastScan(): ScanView | null;
  wizardView(): WizardView;
  /** Starts (or resumes) the wizard; a new one opens at `startAt` (a plan step id, e.g. `remove:anydesk`) when given. */
  startWizard(startAt?: string): Promise<WizardView>;
  answerWizard(stepId: string, answer: WizardAnswer): Promise<WizardView>;
  runWizardStep(stepId: string): Promise<WizardView>;
  confirmWizardStep(stepId: string, outcome: 'done' | 'skipped'): Promise<WizardView>;
  exportReport(incidentId: string, language: Language): Promise<{ readonly path: string }>;
  dispose(): Promise<void>;
}

/** Built once the store is open (the wizard and the report live in it); `language` is the UI's now. */
export type RecoveryFactory = (store: IncidentStore, language: () => Language) => RecoveryFeatures;
