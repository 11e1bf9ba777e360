/**
 * THE main ↔ renderer contract: every request channel with a zod validator for its argument
 * and its result, every event channel with its payload validator. Main checks arguments (and
 * its own results) before they cross; the preload refuses any channel not listed here.
 * All channels start with `scarestop:`. View shapes live in `ipc-views.ts`.
 */
import { z } from 'zod';
import {
  alertSchema,
  closeResultSchema,
  familyAddResultSchema,
  familyAddSchema,
  familyTestResultSchema,
  familyViewSchema,
  incidentViewSchema,
  languageSchema,
  navigateEventSchema,
  scanViewSchema,
  settingsPatchSchema,
  settingsSchema,
  statusSchema,
  wizardAnswerSchema,
  wizardViewSchema,
} from './ipc-views.js';
import { remoteDismissSchema, remotePauseViewSchema } from './ipc-remote.js';
import type { EVENT_CHANNEL_NAMES, REQUEST_CHANNEL_NAMES } from './ipc-names.js';

export * from './ipc-views.js';
export * from './ipc-names.js';
export * from './ipc-remote.js';

const none = z.object({}).strict();
const alertRef = z.object({ alertId: z.string().min(1).max(64) }).strict();
const pauseRef = z.object({ pauseId: z.string().min(1).max(120) }).strict();

/** Request channels: renderer asks, main answers. */
export const requestChannels = {
  'scarestop:status': { args: none, result: statusSchema },
  'scarestop:settings-get': { args: none, result: settingsSchema },
  'scarestop:settings-set': { args: settingsPatchSchema, result: settingsSchema },
  'scarestop:allow-list-remove': { args: z.object({ value: z.string().min(1).max(200) }).strict(), result: settingsSchema },
  'scarestop:pause': { args: z.object({ minutes: z.number().int().min(1).max(24 * 60) }).strict(), result: statusSchema },
  'scarestop:resume': { args: none, result: statusSchema },
  /** The alert being shown (or last shown) — null when there is none. */
  'scarestop:alert-current': { args: none, result: alertSchema.nullable() },
  'scarestop:alert-close': { args: alertRef, result: closeResultSchema },
  /** "This page is fine": add it to the allow list and stop warning about it. */
  'scarestop:alert-allow': { args: alertRef, result: alertSchema },
  'scarestop:alert-dismiss': { args: alertRef, result: alertSchema },
  /** Close whatever scary screen is in front now (home button, tray, hotkey). */
  'scarestop:close-now': { args: none, result: closeResultSchema },
  'scarestop:scan-run': { args: none, result: scanViewSchema },
  'scarestop:scan-last': { args: none, result: scanViewSchema.nullable() },
  'scarestop:wizard-get': { args: none, result: wizardViewSchema },
  'scarestop:wizard-start': { args: none, result: wizardViewSchema },
  'scarestop:wizard-answer': { args: z.object({ stepId: z.string().min(1).max(80), answer: wizardAnswerSchema }).strict(), result: wizardViewSchema },
  /** "Do it for me": run the step's automatic action, then report the outcome. */
  'scarestop:wizard-run': { args: z.object({ stepId: z.string().min(1).max(80) }).strict(), result: wizardViewSchema },
  /** The user confirms the step (done by hand) or skips it; the wizard moves on. */
  'scarestop:wizard-confirm': { args: z.object({ stepId: z.string().min(1).max(80), outcome: z.enum(['done', 'skipped']) }).strict(), result: wizardViewSchema },
  'scarestop:history-list': { args: none, result: z.array(incidentViewSchema).max(100) },
  /** Writes the HTML report of one incident and returns where it was saved. */
  'scarestop:family-list': { args: none, result: familyViewSchema },
  /** Adds a family contact after the same checks as the CLI; says why when refused. */
  'scarestop:family-add': { args: familyAddSchema, result: familyAddResultSchema },
  'scarestop:family-remove': { args: z.object({ id: z.string().min(1).max(40) }).strict(), result: familyViewSchema },
  /** Sends a test message to one contact now and says what happened. */
  'scarestop:family-test': { args: z.object({ id: z.string().min(1).max(40) }).strict(), result: familyTestResultSchema },
  'scarestop:history-export': { args: z.object({ incidentId: z.string().min(1).max(64), language: languageSchema }).strict(), result: z.object({ path: z.string().max(1000) }) },
  /** The remote-access tool ScareStop paused (or last paused) — null when there is none. */
  'scarestop:remote-current': { args: none, result: remotePauseViewSchema.nullable() },
  /** "End it": end the paused tool; the recovery steps then open at its removal. */
  'scarestop:remote-end': { args: pauseRef, result: remotePauseViewSchema },
  /** "This is someone I know": let it run again and stop pausing it. */
  'scarestop:remote-known': { args: pauseRef, result: remotePauseViewSchema },
  'scarestop:remote-dismiss': { args: remoteDismissSchema, result: remotePauseViewSchema },
  /** "I am on the phone with someone who asked me to install this" (or taken back). */
  'scarestop:on-the-phone': { args: z.object({ on: z.boolean() }).strict(), result: settingsSchema },
} as const;

/** Event channels: main tells, renderer listens. */
export const eventChannels = {
  'scarestop:status-changed': statusSchema,
  'scarestop:alert-changed': alertSchema,
  'scarestop:navigate': navigateEventSchema,
  'scarestop:settings-changed': settingsSchema,
  'scarestop:remote-changed': remotePauseViewSchema,
} as const;

export type RequestChannel = keyof typeof requestChannels;
export type EventChannel = keyof typeof eventChannels;
export type RequestArgs<C extends RequestChannel> = z.infer<(typeof requestChannels)[C]['args']>;
export type RequestResult<C extends RequestChannel> = z.infer<(typeof requestChannels)[C]['result']>;
export type EventPayload<E extends EventChannel> = z.infer<(typeof eventChannels)[E]>;

/** Why a request failed, stable and machine-readable (the renderer words it). */
export type IpcErrorCode = 'untrusted-sender' | 'unknown-channel' | 'invalid-arguments' | 'invalid-result' | 'failed';

/** Every request resolves to this; handlers never throw across the boundary. */
export type IpcResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly code: IpcErrorCode; readonly message?: string };

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// Compile-time proof that the zod-free name lists in ipc-names.ts match the tables above.
const requestNamesMatch: Same<RequestChannel, (typeof REQUEST_CHANNEL_NAMES)[number]> = true;
const eventNamesMatch: Same<EventChannel, (typeof EVENT_CHANNEL_NAMES)[number]> = true;
export const CHANNEL_LISTS_MATCH = requestNamesMatch && eventNamesMatch;

/** The one object the preload exposes as `window.scarestop`. */
export interface ScareStopBridge {
  invoke<C extends RequestChannel>(channel: C, args: RequestArgs<C>): Promise<IpcResult<RequestResult<C>>>;
  /** Returns the function that stops listening. */
  on<E extends EventChannel>(channel: E, listener: (payload: EventPayload<E>) => void): () => void;
}
