/**
 * Types of the recovery wizard: the questions' answers, the plan (ordered steps of actions) and
 * the saved state that lets the wizard resume exactly where it stopped.
 */
import type { HelpContact, IncidentId, OutcomeStatus } from '../ports/store.js';
import type { RemoteFinding } from '../../shared/remote.js';

/** Answer to a yes/no question; `unsure` is always allowed. */
export type YesNo = 'yes' | 'no' | 'unsure';
/** How money was paid to the scammer. */
export type Payment = 'gift-card' | 'card' | 'bank-transfer' | 'e-money' | 'none';
/** What the user typed while the scammer watched. */
export type Secret = 'passwords' | 'card' | 'bank' | 'none';

/** The user's answers (missing = not answered yet). */
export interface Answers {
  readonly calledNumber?: YesNo;
  readonly remoteControl?: YesNo;
  readonly paid?: readonly Payment[];
  /** Free text, only asked when something was paid: how much (empty = not known). */
  readonly paidAmount?: string;
  /** Free text: when it was paid. */
  readonly paidWhen?: string;
  /** Free text, only asked after gift cards: which cards (Google Play, Apple…) and their numbers. */
  readonly giftCards?: string;
  readonly typedSecrets?: readonly Secret[];
  readonly openedAttachment?: YesNo;
}

/** Question ids, in the order they are asked. */
export type QuestionId = keyof Answers;

/** Things to do about money and accounts; the user ticks them off. */
export type AdviceId =
  | 'call-card-company'
  | 'call-bank'
  | 'gift-card-issuer'
  | 'e-money-provider'
  | 'change-passwords'
  | 'watch-statements'
  | 'scan-attachment'
  | 'full-scan';

/** Public help lines and places the wizard knows by itself (words per language in texts). */
export type OfficialContactId =
  | 'jp-police-consult'
  | 'jp-police-emergency'
  | 'jp-consumer'
  | 'jp-ipa'
  | 'card-company'
  | 'bank'
  | 'gift-card-issuer'
  | 'us-ftc'
  | 'us-ic3'
  | 'local-police';

/** Things only the person can do (the wizard explains and asks them to confirm). */
export type ManualId = 'hang-up' | 'close-browser' | 'leave-builtin-session';

/** One thing the wizard does or asks the user to do. */
export type PlanAction =
  | { readonly kind: 'network-off' }
  | { readonly kind: 'network-on' }
  | { readonly kind: 'stop-process'; readonly pid: number; readonly name: string; readonly path?: string }
  | { readonly kind: 'stop-service'; readonly name: string }
  | { readonly kind: 'uninstall'; readonly toolName: string; readonly command: string; readonly quietCommand?: string }
  /** Any process of `toolId` still running is stopped first; the file is never moved while in use. */
  | { readonly kind: 'quarantine'; readonly path: string; readonly why: 'portable' | 'unattended'; readonly toolId?: string }
  | { readonly kind: 'remove-autostart'; readonly name: string; readonly source: string }
  | { readonly kind: 'manual-uninstall'; readonly toolName: string; readonly how?: string }
  | { readonly kind: 'rescan'; readonly toolId: string }
  /** Checks that no process of the tool runs any more (name, original file name, command line). */
  | { readonly kind: 'check-stopped'; readonly toolId: string }
  | { readonly kind: 'manual'; readonly id: ManualId; readonly toolName?: string }
  | { readonly kind: 'question'; readonly id: QuestionId }
  | { readonly kind: 'official'; readonly id: OfficialContactId }
  | { readonly kind: 'advice'; readonly id: AdviceId }
  | { readonly kind: 'contact'; readonly contact: HelpContact };

/** Kinds of steps, in plan order: the urgent ones first, then the questions, then the rest. */
export type StepKind = 'hang-up' | 'disconnect' | 'close-browser' | 'end-session' | 'questions' | 'remove' | 'accounts' | 'help' | 'reconnect';

/** Whether a step may need administrator rights. */
export type AdminNeed = 'never' | 'maybe' | 'required';

/** One screen of the wizard. */
export interface PlanStep {
  /** Unique in the plan, e.g. `end-session:anydesk`. */
  readonly id: string;
  readonly kind: StepKind;
  readonly toolId?: string;
  readonly toolName?: string;
  readonly admin: AdminNeed;
  readonly actions: readonly PlanAction[];
}

/** What the plan was built from (bounded, for the screens and the report). */
export interface PlanContext {
  readonly region: string;
  readonly detections: readonly { readonly title: string; readonly brand?: string; readonly phones: readonly string[] }[];
  readonly findings: readonly RemoteFinding[];
}

/** The ordered plan. */
export interface Plan {
  readonly builtAt: number;
  readonly region: string;
  readonly steps: readonly PlanStep[];
}

/** Status of a step in the saved state. */
export type StepStatus = 'pending' | 'running' | 'done' | 'not-needed' | 'failed' | 'needs-admin' | 'skipped';

/**
 * What was verified about a finished step: ScareStop did it and checked; the person did it and
 * ScareStop checked; the person did it and it cannot be checked (hanging up). Shown everywhere.
 */
export type Verification = 'checked' | 'unchecked';

/** Result of one action, saved as soon as it is known. */
export interface ActionRecord {
  readonly status: OutcomeStatus;
  /** The system's own words (English; shown in English screens and logs only). */
  readonly detail?: string;
  /** Programs of the tool still running (file names), when a check found some. */
  readonly stillRunning?: readonly string[];
}

/** Saved progress of one step. */
export interface StepRecord {
  readonly status: StepStatus;
  readonly attempts: number;
  /** By action index; an action with a `done`/`not-needed` result is not run again on resume. */
  readonly results: Readonly<Record<string, ActionRecord>>;
  readonly detail?: string;
  /** The user did it by hand (unplugged the cable, uninstalled from Settings). */
  readonly manual?: boolean;
  /** Whether the outcome was checked (rescan, network status) or could not be. */
  readonly verification?: Verification;
  /** Processes of the tool still running after the step (names), when the check found some. */
  readonly stillRunning?: readonly string[];
  /** Advice ids the user ticked off (accounts step). */
  readonly checked?: readonly AdviceId[];
}

/** Everything the wizard saves (as JSON) in the store, replaced atomically on every change. */
export interface WizardState {
  readonly version: 2;
  readonly incidentId: IncidentId;
  /** Questions are asked while the plan's `questions` step is current. */
  readonly phase: 'steps' | 'finished';
  readonly answers: Answers;
  readonly context: PlanContext;
  readonly plan?: Plan;
  readonly stepIndex: number;
  readonly steps: Readonly<Record<string, StepRecord>>;
  /** What disconnect turned off, so reconnect turns exactly that back on. */
  readonly network?: { readonly disabled: readonly string[]; readonly routes: readonly string[] };
  readonly startedAt: number;
  readonly finishedAt?: number;
}
