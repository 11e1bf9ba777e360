/**
 * The incident store: incidents, their timeline, settings and the recovery wizard's saved state.
 * Implemented by `src/storage/` (better-sqlite3); engine tests use an in-memory fake.
 *
 * Every method is synchronous and durable on return (the SQLite implementation commits with
 * `synchronous=FULL`), so "saved" in the UI means saved on disk.
 */
import type { RemoteFinding } from '../../shared/remote.js';
import type { RemoteSessionAccount } from '../../shared/remote-live.js';
import type { Result, AppError } from '../../shared/result.js';

/** Opaque incident id, e.g. `inc-20261122-223551-k3f9`. */
export type IncidentId = string;

/** One scam episode: detections, findings and the recovery that followed. */
export interface Incident {
  readonly id: IncidentId;
  /** ms since epoch. */
  readonly openedAt: number;
  readonly closedAt?: number;
  /** Short plain-words title, e.g. "Fake Microsoft warning". Bounded; never HTML. */
  readonly title: string;
}

/** An incident with counts, for History. */
export interface IncidentSummary extends Incident {
  readonly eventCount: number;
  readonly lastEventAt?: number;
}

/** Status of a step or an action, as recorded. */
export type OutcomeStatus = 'done' | 'not-needed' | 'failed' | 'skipped' | 'started' | 'needs-admin';

/** What a timeline event says. Text fields are bounded by the store and never rendered as HTML. */
export type TimelinePayload =
  | {
      readonly kind: 'detection';
      /** Window title as seen (hostile text). */
      readonly title: string;
      readonly verdict: 'scam' | 'suspicious';
      readonly score: number;
      readonly brand?: string;
      /** Phone numbers shown on the page, as shown or E.164. */
      readonly phones: readonly string[];
      readonly browser?: string;
      /** The page's address when the browser's history told it (hostile text). */
      readonly url?: string;
    }
  | { readonly kind: 'action'; readonly action: string; readonly status: OutcomeStatus; readonly detail?: string }
  | { readonly kind: 'finding'; readonly finding: RemoteFinding }
  | { readonly kind: 'answer'; readonly question: string; readonly answer: string | readonly string[] }
  | { readonly kind: 'step'; readonly step: string; readonly status: OutcomeStatus; readonly detail?: string }
  | { readonly kind: 'alert'; readonly channel: string; readonly status: OutcomeStatus; readonly detail?: string }
  | { readonly kind: 'note'; readonly text: string }
  | {
      /** The scam page's address as the browser recorded it (hostile text), and how soon it was known. */
      readonly kind: 'page';
      readonly url: string;
      readonly host: string;
      readonly title: string;
      readonly knownAfterMs: number;
    }
  | {
      /** The live remote-access watch: a tool started, connected, was paused/resumed/ended. */
      readonly kind: 'remote';
      readonly event: RemoteTimelineEvent;
      readonly toolId: string;
      readonly tool: string;
      /** Machine code: the decision (started), pause reason (paused) or how it ended (ended). */
      readonly code?: string;
      readonly pids?: readonly number[];
      /** Who was connected, from the tool's log. */
      readonly session?: RemoteSessionAccount;
    };

/** What a `remote` timeline event records. */
export type RemoteTimelineEvent = 'started' | 'connected' | 'paused' | 'resumed' | 'ended';

/** Kinds of timeline events. */
export type TimelineKind = TimelinePayload['kind'];

/** One recorded event. `id` is unique: writing the same id twice keeps the first. */
export interface TimelineEvent {
  readonly id: string;
  readonly incidentId: IncidentId;
  /** ms since epoch. */
  readonly at: number;
  readonly payload: TimelinePayload;
}

/** Outcome of an append: a retried write with a known id is not duplicated. */
export type AppendOutcome = 'added' | 'duplicate';

/** How to close scam pages: ask first, close automatically, or only warn. */
export type CloseMode = 'ask' | 'auto' | 'never';

/** A place to get help, shown by the wizard (editable in settings for non-Japan locales). */
export interface HelpContact {
  readonly name: string;
  readonly phone?: string;
  readonly url?: string;
  readonly note?: string;
}

/** User settings; every key has a default and a validator (src/storage/settings.ts). */
export interface Settings {
  readonly closeMode: CloseMode;
  /** UI language; `auto` follows the OS. */
  readonly language: 'auto' | 'ja' | 'en';
  /** Region for help numbers; `auto` follows the OS, else ISO 3166 alpha-2 (`JP`). */
  readonly region: string;
  /** Site hosts or window-title fragments never to close. */
  readonly allowList: readonly string[];
  readonly startAtLogin: boolean;
  /** Pause every remote-access tool that starts or connects, even with no scam in sight. */
  readonly remoteAlwaysAsk: boolean;
  /** Remote-access tools (catalog ids) the person confirmed as their helpers' ("someone I know"). */
  readonly remoteHelpers: readonly string[];
  /**
   * When the person last said "I am on the phone with someone who asked me to install this"
   * (ms since epoch; 0 = not said or taken back). The guard stays in scam context for hours after.
   */
  readonly remoteOnThePhoneAt: number;
  /** Global hotkey that closes the scary page now (Electron accelerator). */
  readonly hotkey: string;
  /** Help list for regions without a built-in list. */
  readonly helpContacts: readonly HelpContact[];
}

/** What happened when the store was opened; the app shows `recovered` to the user. */
export type StoreOpenReport =
  | { readonly kind: 'created'; readonly path: string }
  | { readonly kind: 'opened'; readonly path: string; readonly migratedFrom?: number; readonly migratedTo?: number }
  | {
      readonly kind: 'recovered';
      readonly path: string;
      /** Where the unreadable file was moved (kept, named with the time). */
      readonly movedTo: string;
      readonly reason: string;
      /** Rows read back out of the damaged file into the new one, by table. */
      readonly salvaged?: Readonly<Record<string, number>>;
    }
  | {
      /** The record is shown but nothing can be saved; the file was left exactly as it was. */
      readonly kind: 'read-only';
      readonly path: string;
      readonly reason: StoreReadOnlyReason;
      /** Technical cause (an error code), for logs. */
      readonly detail: string;
      /** True when what is shown is an in-memory copy of the file (it could not be opened in place). */
      readonly copy: boolean;
    };

/** Why the store could only be opened for reading. Only real damage ever moves a file aside. */
export type StoreReadOnlyReason = 'no-space' | 'cannot-write' | 'busy' | 'newer-version' | 'no-version-table';

/** The recovery wizard's saved state for one incident (opaque JSON to the store). */
export interface WizardRecord {
  readonly incidentId: IncidentId;
  /** Increases by one on every save; a save with a stale `seq` is refused. */
  readonly seq: number;
  readonly state: unknown;
  readonly updatedAt: number;
}

/** Why a wizard save was refused. */
export type WizardSaveError = { readonly code: 'stale-state'; readonly message: string };

/** The incident store port. */
export interface IncidentStore {
  readonly openReport: StoreOpenReport;
  createIncident(input: { readonly openedAt: number; readonly title: string; readonly id?: IncidentId }): Incident;
  getIncident(id: IncidentId): Incident | undefined;
  /** Newest first. */
  listIncidents(options?: { readonly limit?: number }): IncidentSummary[];
  /** The newest incident that is not closed, if any. */
  latestOpenIncident(): Incident | undefined;
  closeIncident(id: IncidentId, at: number): void;
  /** Durable on return. An event whose id already exists is ignored (`duplicate`). */
  appendEvent(event: TimelineEvent): AppendOutcome;
  /** Oldest first. Events whose stored data cannot be read are left out (and counted). */
  timeline(incidentId: IncidentId): TimelineEvent[];
  /** Events of some kinds since a time, across incidents, oldest first. */
  eventsSince(since: number, kinds?: readonly TimelineKind[]): TimelineEvent[];
  getSettings(): Settings;
  updateSettings(patch: Partial<Settings>): Result<Settings, AppError>;
  loadWizard(incidentId: IncidentId): WizardRecord | undefined;
  /**
   * Saves wizard state and its events in one transaction (all or nothing). `expectedSeq` is the
   * seq of the state this one replaces (0 for the first save).
   */
  saveWizard(
    incidentId: IncidentId,
    expectedSeq: number,
    state: unknown,
    events: readonly TimelineEvent[],
    at: number,
  ): Result<WizardRecord, WizardSaveError>;
  close(): void;
}
