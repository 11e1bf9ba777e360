/**
 * `scarestop cleanup --reconnect`, for a helper at the keyboard: puts the network back from the
 * journal ScareStop wrote before turning it off, and says item by item what came back. Also the
 * offer shown when `scarestop cleanup` starts while ScareStop has left the network off.
 */
import { reconnectFromJournal, reconnectOfferAtStart, reconnectOfferText, restoredItemLine, restoreSummary, type Lang } from '../../engine/cleanup/index.js';
import type { NetworkJournalStore } from '../../engine/ports/network-journal.js';
import type { IncidentStore, Settings } from '../../engine/ports/store.js';
import type { SystemActions } from '../../engine/ports/system-actions.js';
import { createSystemActions, dataHome } from '../../platform/index.js';
import { FileNetworkJournal } from '../../platform/network-journal-file.js';
import { defaultSettings } from '../../storage/index.js';
import { writeLine, type CliIo } from '../io.js';
import { printable } from './cleanup-terminal.js';
import { readSettings } from './recovery-context.js';

/** Settings for the language only: a record that cannot be opened must not stop a reconnect. */
export function readSettingsQuietly(env: NodeJS.ProcessEnv): Settings {
  try {
    return readSettings(env);
  } catch {
    return defaultSettings; // the network matters more than the language setting here
  }
}

/** Runs the reconnect; exit 0 when every item came back. */
export async function reconnect(io: CliIo, lang: Lang): Promise<number> {
  const actions = await createSystemActions({ dataHome: dataHome(io.env) });
  const journal = new FileNetworkJournal(dataHome(io.env));
  const restored = await reconnectFromJournal({ actions, journal, now: () => Date.now() }, false);
  if (restored.kind === 'unreadable') writeLine(io.stderr, lang === 'ja' ? '保存した接続の記録が読めないため、すべての接続を入れ直します。' : 'The saved network state cannot be read: turning every connection back on instead.');
  if (restored.kind !== 'restored') {
    // Nothing saved by ScareStop (or unreadable): turn everything back on, as the user would by hand.
    const status = await actions.networkStatus();
    if (status.online) {
      writeLine(io.stdout, lang === 'ja' ? 'インターネットにはつながっています。' : 'The internet is connected.');
      return 0;
    }
    const result = await actions.reconnectNetwork({ elevate: false });
    writeLine(io.stdout, printable(`${result.status}: ${result.detail ?? ''}`));
    return result.status === 'done' ? 0 : 1;
  }
  for (const item of restored.result.items) writeLine(io.stdout, printable(restoredItemLine(item, lang)));
  writeLine(io.stdout, restoreSummary(restored.result.items, lang));
  if (restored.result.status === 'needs-admin') writeLine(io.stdout, lang === 'ja' ? '管理者の許可が必要です。' : 'This needs administrator permission.');
  const allBack = restored.result.status === 'done' && restored.result.items.every((item) => item.back);
  return allBack ? 0 : 1;
}

/** The start-of-wizard offer when ScareStop left the network off and the wizard sat idle. */
export async function offerReconnect(journal: NetworkJournalStore, actions: SystemActions, store: IncidentStore, lang: Lang): Promise<string | undefined> {
  let saved: ReturnType<NetworkJournalStore['read']>;
  try {
    saved = journal.read();
  } catch {
    return undefined; // a damaged journal: --reconnect explains it; the wizard goes on
  }
  if (saved === undefined) return undefined;
  const open = store.latestOpenIncident();
  const lastActivity = open === undefined ? undefined : store.loadWizard(open.id)?.updatedAt;
  const now = Date.now();
  const offer = reconnectOfferAtStart(saved, await actions.networkStatus(), lastActivity, now);
  if (!offer.offer) return undefined;
  const minutes = Math.round((now - offer.offSince) / 60_000);
  return `${reconnectOfferText(minutes, lang)}\n  scarestop cleanup --reconnect`;
}
