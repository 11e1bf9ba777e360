/**
 * At app start: if ScareStop turned the network off and the wizard has sat untouched for a
 * while, say so in a notification (the engine decides; the reconnect step of the wizard, or
 * `scarestop cleanup --reconnect`, restores from the journal).
 */
import { reconnectOfferAtStart, reconnectOfferText } from '../engine/cleanup/index.js';
import type { Clock, IncidentStore, NetworkJournalStore, SystemActions } from '../engine/ports.js';
import type { Language } from '../shared/ipc.js';

/** What the offer needs. */
export interface NetworkOfferDeps {
  readonly networkJournal?: NetworkJournalStore;
  readonly systemActions: SystemActions;
  readonly clock: Pick<Clock, 'now'>;
  readonly notify?: (title: string, body: string) => void;
  readonly logger?: { warn(message: string, data?: Record<string, unknown>): void };
}

/** Checks once and notifies when the offer applies; never throws. */
export async function offerReconnectAtStart(deps: NetworkOfferDeps, store: IncidentStore, language: Language): Promise<void> {
  try {
    const journal = deps.networkJournal?.read();
    if (journal === undefined || deps.notify === undefined) return;
    const open = store.latestOpenIncident();
    const lastActivity = open === undefined ? undefined : store.loadWizard(open.id)?.updatedAt;
    const now = deps.clock.now();
    const offer = reconnectOfferAtStart(journal, await deps.systemActions.networkStatus(), lastActivity, now);
    if (!offer.offer) return;
    const lang = language === 'ja' ? 'ja' : 'en';
    const title = lang === 'ja' ? 'インターネットが切れたままです' : 'The internet is still off';
    deps.notify(title, reconnectOfferText(Math.round((now - offer.offSince) / 60_000), lang));
  } catch (error) {
    deps.logger?.warn('reconnect offer check failed', { error: String(error) });
  }
}
