/** The recovery wizard's dependencies, start options and what it shows (see wizard.ts). */
import type { Clock } from '../ports/clock.js';
import type { HelpContact, IncidentId, IncidentStore } from '../ports/store.js';
import type { NetworkJournalStore } from '../ports/network-journal.js';
import type { SystemActions } from '../ports/system-actions.js';
import type { RemoteFinding } from '../../shared/remote.js';
import type { ToolCleanupHints } from './plan.js';
import type { Question } from './questions.js';
import type { PlanStep, StepRecord, WizardState } from './types.js';

/** What the wizard needs from the world. */
export interface WizardDeps {
  readonly store: IncidentStore;
  readonly actions: SystemActions;
  readonly clock: Pick<Clock, 'now'>;
  /** Scans for remote-access tools again (the scanner of src/engine/remote). */
  readonly rescan: () => Promise<readonly RemoteFinding[]>;
  /** The network journal (saved before disconnecting, restored from on reconnect). */
  readonly journal?: NetworkJournalStore;
}

/** What the wizard starts from. Ignored when resuming (the saved state wins). */
export interface WizardStartOptions {
  /** Resume or start on this incident; default: the newest open incident, else a new one. */
  readonly incidentId?: IncidentId;
  readonly findings: readonly RemoteFinding[];
  /** ISO 3166 alpha-2 (`JP`) for the help list. */
  readonly region: string;
  readonly helpContacts: readonly HelpContact[];
  readonly hints?: Readonly<Record<string, ToolCleanupHints>>;
  /** How far back detections count as "recent" (default 24 h). */
  readonly detectionWindowMs?: number;
  /**
   * A new wizard opens at this plan step (e.g. `remove:anydesk` right after "End it" ended the
   * tool); the steps before it stay open and are listed as such at the end.
   */
  readonly startAt?: string;
}

/** What to show now. */
export type WizardView =
  | { readonly kind: 'question'; readonly question: Question; readonly number: number; readonly total: number }
  | {
      readonly kind: 'step';
      readonly step: PlanStep;
      readonly record: StepRecord;
      readonly number: number;
      readonly total: number;
      /** The app stopped in the middle of this step last time. */
      readonly interrupted: boolean;
    }
  | { readonly kind: 'finished'; readonly state: WizardState };
