/**
 * Network off and on through the journal: the snapshot is saved before the first change, every
 * reconnect restores from it and checks each item, and the journal goes only when all is back.
 * A crash at any point leaves the journal, so the next reconnect still knows what to restore.
 */
import type { NetworkJournal, NetworkJournalStore } from '../ports/network-journal.js';
import type { DisconnectResult, RestoreResult, SystemActions } from '../ports/system-actions.js';

/** What the journal functions need. */
export interface JournalDeps {
  readonly actions: SystemActions;
  readonly journal: NetworkJournalStore;
  readonly now: () => number;
}

/**
 * Saves what is connected (unless a journal from an unfinished disconnect already holds the
 * state from before it: that one is kept), then turns the network off.
 */
export async function disconnectWithJournal(deps: JournalDeps, elevate: boolean): Promise<DisconnectResult> {
  const existing = readOrUndefined(deps.journal);
  const snapshot = existing?.snapshot ?? (await deps.actions.networkSnapshot());
  if (existing === undefined && snapshot.interfaces.length === 0) return { status: 'not-needed', detail: 'Already offline.', disabled: [] };
  deps.journal.write({ version: 1, snapshot, phase: 'disconnecting', changedAt: deps.now() });
  const result = await deps.actions.disconnectNetwork({ elevate, snapshot });
  if (result.status === 'done' || result.status === 'not-needed') deps.journal.write({ version: 1, snapshot, phase: 'offline', changedAt: deps.now() });
  return result;
}

/** A journal that cannot be read counts as none (its snapshot is lost either way). */
function readOrUndefined(journal: NetworkJournalStore): NetworkJournal | undefined {
  try {
    return journal.read();
  } catch {
    return undefined; // damaged: a new snapshot is taken; the reconnect says so
  }
}

/**
 * Result of a reconnect from the journal: `no-journal` when ScareStop turned nothing off,
 * `unreadable` when the journal is damaged (the caller turns everything back on instead).
 */
export type JournalReconnect =
  | { readonly kind: 'no-journal' }
  | { readonly kind: 'unreadable'; readonly reason: string }
  | { readonly kind: 'restored'; readonly result: RestoreResult; readonly journal: NetworkJournal };

/** Restores every journal item and verifies it; clears the journal only when all came back. */
export async function reconnectFromJournal(deps: JournalDeps, elevate: boolean): Promise<JournalReconnect> {
  let journal: NetworkJournal | undefined;
  try {
    journal = deps.journal.read();
  } catch (error) {
    return { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
  }
  if (journal === undefined) return { kind: 'no-journal' };
  const result = await deps.actions.restoreNetwork(journal.snapshot, { elevate });
  if (result.status === 'done' && result.items.every((item) => item.back)) deps.journal.clear();
  return { kind: 'restored', result, journal };
}

/** How long the wizard may sit untouched, with the network off, before reconnecting is offered. */
export const RECONNECT_OFFER_AFTER_MS = 15 * 60 * 1000;

/** Whether to offer reconnecting at start, and since when the network has been off. */
export type ReconnectOffer = { readonly offer: false } | { readonly offer: true; readonly offSince: number };

/**
 * At start: offer to reconnect when ScareStop turned the network off and nobody has touched the
 * wizard for a while (an abandoned wizard must not leave the PC offline without a word).
 */
export function reconnectOfferAtStart(
  journal: NetworkJournal | undefined,
  status: { readonly online: boolean },
  lastWizardActivity: number | undefined,
  now: number,
  idleMs = RECONNECT_OFFER_AFTER_MS,
): ReconnectOffer {
  if (journal === undefined || status.online) return { offer: false };
  const lastTouch = Math.max(journal.changedAt, lastWizardActivity ?? 0);
  return now - lastTouch >= idleMs ? { offer: true, offSince: journal.changedAt } : { offer: false };
}
