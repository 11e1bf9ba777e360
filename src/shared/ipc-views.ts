/**
 * The shapes that cross the main ↔ renderer boundary, as zod schemas (checked at runtime on
 * both ends of every call) with their TypeScript types inferred from them. These are view
 * models: the renderer never sees engine internals, and every string has a length bound.
 * The channel table that uses them is `ipc.ts`.
 */
import { z } from 'zod';
import { HOTKEY_CHOICES, SCREENS } from './ipc-names.js';

const text = (max: number) => z.string().max(max);
const isoTime = z.string().max(40);

export const languageSchema = z.enum(['ja', 'en']);
/** ask = show the alert and wait; auto = close at once and then explain; never = only warn. */
export const closeModeSchema = z.enum(['ask', 'auto', 'never']);
export const guardStateSchema = z.enum(['watching', 'paused', 'alert']);
export const screenSchema = z.enum(SCREENS);

export const hotkeySchema = z.enum(HOTKEY_CHOICES);

export const settingsSchema = z.object({
  mode: closeModeSchema,
  language: languageSchema,
  startAtLogin: z.boolean(),
  /** The shortcut the user chose (may be one from an older version, hence not the enum). */
  hotkey: text(40),
  /** Site hosts or title fragments the user said are fine. */
  allowList: z.array(text(200)).max(200),
  /** Pause every remote-access tool that starts or connects, and ask first. */
  remoteAlwaysAsk: z.boolean(),
  /** "I am on the phone with someone who asked me to install this": until when (ms), or null. */
  onThePhoneUntil: z.number().nullable(),
});

export const settingsPatchSchema = z
  .object({
    mode: closeModeSchema,
    language: languageSchema,
    startAtLogin: z.boolean(),
    hotkey: hotkeySchema,
    remoteAlwaysAsk: z.boolean(),
  })
  .partial()
  .strict();

export const statusSchema = z.object({
  state: guardStateSchema,
  /** ms since epoch, when paused. */
  pausedUntil: z.number().nullable(),
  mode: closeModeSchema,
  lastScan: z.object({ at: isoTime, findingCount: z.number().int().nonnegative() }).nullable(),
  wizard: z.enum(['none', 'in-progress', 'finished']),
  activeAlertId: text(64).nullable(),
  /** A remote-access tool is paused and waits for "End it" / "This is someone I know". */
  remoteWaiting: z.boolean(),
  /** Shortcut actually registered (null = none could be registered). */
  hotkey: text(40).nullable(),
  /** The watcher cannot see windows right now (plain words, for the home screen). */
  problem: text(300).nullable(),
});

export const closeStepSchema = z.object({
  step: z.enum(['exit-fullscreen', 'close-window', 'confirm-leave', 'terminate-browser', 'prevent-restore']),
  status: z.enum(['done', 'not-needed', 'failed']),
});

export const closeResultSchema = z.object({
  outcome: z.enum(['closed', 'failed', 'nothing-to-close']),
  /** Every window of that browser was closed (the tree was terminated). */
  browserClosed: z.boolean(),
  steps: z.array(closeStepSchema).max(10),
  /** Why nothing was closed: no window in front, or the window in front is not a browser (left alone). */
  nothingReason: z.enum(['no-window', 'not-a-browser']).optional(),
});

export const alertSchema = z.object({
  id: text(64),
  at: z.number(),
  verdict: z.enum(['scam', 'suspicious']),
  /** Hostile: already cleaned by toDisplayText, still rendered as text only. */
  title: text(300),
  brand: text(80).nullable(),
  phones: z.array(z.object({ display: text(40), known: z.boolean() })).max(5),
  browserName: text(40),
  /** What closing does: only that window, or (when it refuses) the whole browser. */
  closeEffect: z.enum(['window', 'whole-browser']),
  mode: closeModeSchema,
  state: z.enum(['open', 'closing', 'closed', 'failed', 'allowed', 'dismissed']),
  result: closeResultSchema.nullable(),
});

export const evidenceViewSchema = z.object({
  kind: z.enum(['installed', 'running', 'service', 'portable', 'autostart', 'unattended', 'incoming-session', 'connected']),
  detail: text(300),
  path: text(400).nullable(),
  at: isoTime.nullable(),
});

export const findingViewSchema = z.object({
  toolId: text(80),
  name: text(120),
  risk: z.enum(['connected', 'running', 'unattended', 'installed']),
  builtIn: z.boolean(),
  firstSeen: isoTime.nullable(),
  evidence: z.array(evidenceViewSchema).max(50),
});

export const scanViewSchema = z.object({
  scannedAt: isoTime,
  durationMs: z.number().nonnegative(),
  findings: z.array(findingViewSchema).max(200),
  sources: z.array(z.object({ name: text(60), ok: z.boolean(), error: text(300).nullable() })).max(30),
});

/** A yes/no answer, or the chosen values of a multiple-choice question. */
/** A short free text (payment details) may be empty: "I do not know". */
export const wizardAnswerSchema = z.union([z.string().max(400), z.array(z.string().min(1).max(40)).max(10)]);
export const wizardStepKindSchema = z.enum(['question', 'hang-up', 'disconnect', 'close-browser', 'end-session', 'questions', 'remove', 'accounts', 'help', 'reconnect']);

export const wizardStepViewSchema = z.object({
  /** Question id or plan step id (e.g. `end-session:anydesk`). */
  id: text(80),
  kind: wizardStepKindSchema,
  /** The question, or the step's title with its tool, in the UI language (the engine's words). */
  title: text(300),
  /** Why this step matters, in plain words. */
  explanation: text(600).nullable(),
  /** Answers to pick from (questions). */
  choices: z.array(z.object({ value: text(40), label: text(120) })).max(10),
  /** More than one answer may be picked. */
  multi: z.boolean(),
  /** The answer is a short free text (may be left empty). */
  textAnswer: z.boolean().optional(),
  /** What the step does or asks, one line each (actions, advice, help lines). */
  items: z.array(text(300)).max(30),
  /** The app can do (part of) it with "Do it for me". */
  automatic: z.boolean(),
  /** Said when the step may ask for administrator permission. */
  adminNote: text(300).nullable(),
  status: z.enum(['pending', 'running', 'done', 'not-needed', 'failed', 'needs-admin', 'skipped']),
  /** Outcome in plain words after an attempt. */
  detail: text(400).nullable(),
  /** What was verified, in words (done / done by you, checked / could not check / skipped). */
  statusText: text(200).nullable().optional(),
  /** A warning about the last outcome (the tool still runs; the internet is still on). */
  warning: text(400).nullable().optional(),
  /** The app stopped in the middle of this step last time. */
  interrupted: z.boolean(),
});

export const wizardViewSchema = z.object({
  status: z.enum(['none', 'in-progress', 'finished']),
  /** 1-based position of the current screen and the number of screens in this phase. */
  number: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  step: wizardStepViewSchema.nullable(),
  /** When finished: the steps and advice still open, in words. */
  open: z.array(text(300)).max(40).optional(),
  /** When finished: where the report was saved (HTML, and PDF when it could be made). */
  reportPaths: z.array(text(1000)).max(4).optional(),
});

export const timelineEntrySchema = z.object({
  at: isoTime,
  kind: text(40),
  text: text(400),
});

export const incidentViewSchema = z.object({
  id: text(64),
  startedAt: isoTime,
  title: text(300),
  timeline: z.array(timelineEntrySchema).max(200),
  /** "Who was in my PC": one plain account per remote session the tools' logs told of. */
  sessions: z.array(text(1200)).max(50),
});

export const navigateEventSchema = z.object({ screen: screenSchema });

export type Language = z.infer<typeof languageSchema>;
export type CloseMode = z.infer<typeof closeModeSchema>;
export type GuardState = z.infer<typeof guardStateSchema>;
export type Screen = z.infer<typeof screenSchema>;
export type Hotkey = z.infer<typeof hotkeySchema>;
export type Settings = z.infer<typeof settingsSchema>;
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
export type Status = z.infer<typeof statusSchema>;
export type CloseStep = z.infer<typeof closeStepSchema>;
export type CloseResult = z.infer<typeof closeResultSchema>;
export type AlertView = z.infer<typeof alertSchema>;
export type EvidenceView = z.infer<typeof evidenceViewSchema>;
export type FindingView = z.infer<typeof findingViewSchema>;
export type ScanView = z.infer<typeof scanViewSchema>;
export type WizardAnswer = z.infer<typeof wizardAnswerSchema>;
export type WizardStepKind = z.infer<typeof wizardStepKindSchema>;
export type WizardStepView = z.infer<typeof wizardStepViewSchema>;
export type WizardView = z.infer<typeof wizardViewSchema>;
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;
export type IncidentView = z.infer<typeof incidentViewSchema>;

/** A family contact as Settings shows it: the webhook address without its secret path. */
export const familyContactViewSchema = z.object({
  id: text(40),
  name: text(80),
  language: languageSchema,
  /** The e-mail address, when set. */
  email: text(320).nullable(),
  /** `https://host/…` only (the path often holds a secret topic or token). */
  webhook: text(300).nullable(),
  webhookMode: z.enum(['json', 'ntfy']).nullable(),
});

/** The family section of Settings. */
export const familyViewSchema = z.object({
  contacts: z.array(familyContactViewSchema).max(50),
  /** A mail server is set up (e-mail contacts need one; `scarestop family smtp`). */
  mailReady: z.boolean(),
});

/** A new contact from the form; the same checks as `scarestop family add`. */
export const familyAddSchema = z
  .object({
    name: z.string().max(200),
    language: languageSchema,
    email: z.string().max(320).optional(),
    webhookUrl: z.string().max(2000).optional(),
    webhookMode: z.enum(['json', 'ntfy']).optional(),
  })
  .strict();

/** Why a contact was refused (the renderer words it), or null when it was added. */
export const familyAddResultSchema = z.object({
  error: z.enum(['bad-name', 'bad-language', 'bad-email', 'bad-url', 'bad-webhook-mode', 'no-channel', 'bad-trigger']).nullable(),
  family: familyViewSchema,
});

/** What a test message did, per channel. */
export const familyTestResultSchema = z.object({
  results: z.array(z.object({ channel: z.enum(['email', 'webhook']), ok: z.boolean(), code: text(40).nullable() })).max(4),
});

export type FamilyContactView = z.infer<typeof familyContactViewSchema>;
export type FamilyView = z.infer<typeof familyViewSchema>;
export type FamilyAdd = z.infer<typeof familyAddSchema>;
export type FamilyAddResult = z.infer<typeof familyAddResultSchema>;
export type FamilyTestResult = z.infer<typeof familyTestResultSchema>;
