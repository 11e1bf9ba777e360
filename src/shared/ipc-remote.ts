/**
 * The remote-access window's view (issue 16): a remote-access tool ScareStop paused, and what
 * the person chose. Tool names come from the catalog (both languages), never from the caller.
 */
import { z } from 'zod';

const text = (max: number) => z.string().max(max);

/** Why the tool was paused (the engine's PauseReason). */
export const remotePauseReasonSchema = z.enum(['scam-page', 'open-incident', 'on-the-phone', 'always-ask']);

/**
 * paused = waiting for "End it" / "This is someone I know"; ending = the person chose End it;
 * ended = its processes are gone; resumed = "someone I know"; gone = it closed by itself;
 * failed = some processes could not be ended or resumed; dismissed = put away.
 */
export const remoteStateSchema = z.enum(['paused', 'ending', 'ended', 'resumed', 'gone', 'failed', 'dismissed']);

export const remotePauseViewSchema = z.object({
  /** The engine's pause id (the answer names it). */
  id: text(120),
  toolId: text(80),
  /** Catalog names: English and Japanese. */
  tool: text(120),
  toolJa: text(120),
  /** Part of Windows (Quick Assist): stopped, never removed. */
  builtIn: z.boolean(),
  reason: remotePauseReasonSchema,
  /** ms since epoch, when it was paused. */
  at: z.number(),
  state: remoteStateSchema,
  /** How many of its processes are paused (or were ended / resumed). */
  processCount: z.number().int().nonnegative(),
  /** Processes that could not be paused, ended or resumed. */
  failedCount: z.number().int().nonnegative(),
  /** After "End it": the recovery steps are ready at the step that removes this tool. */
  removalReady: z.boolean(),
});

/** What to do after the window is put away. */
export const remoteDismissSchema = z.object({ pauseId: text(120), next: z.enum(['wizard', 'home']) }).strict();

export type RemotePauseReason = z.infer<typeof remotePauseReasonSchema>;
export type RemoteState = z.infer<typeof remoteStateSchema>;
export type RemotePauseView = z.infer<typeof remotePauseViewSchema>;
