/**
 * The sessions the tools' logs tell of. Each log's recent text is kept and parsed again when
 * it grows, so a session whose lines arrive over several polls (AnyDesk's ad.trace: request,
 * approval, files, end) is one account that fills in. Sessions read on the first look at a file
 * are history; later ones are news (someone is connecting now).
 * The parsed log text is kept per file in this object (never module state).
 */
import type { RemoteSessionAccount } from '../../../shared/remote-live.js';
import type { LogChange } from '../../ports/remote-live.js';
import type { RemoteMatcher } from '../matcher.js';
import { parseEvidence, SESSION_LOG_PARSERS } from '../evidence/index.js';
import { baseName } from '../normalise.js';
import { sessionKey, toSessionAccount } from './session-account.js';

/** Text kept per log: sessions span a few KB at most. */
const KEPT_CHARS = 128 * 1024;
/** Accounts kept (oldest dropped first). */
const MAX_SESSIONS = 500;

/** What one log change brought. */
export interface LedgerUpdate {
  /** Sessions not seen before, in a file already known (happening now). */
  readonly fresh: readonly RemoteSessionAccount[];
  /** Known sessions that now have an end. */
  readonly ended: readonly RemoteSessionAccount[];
}

/** Session accounts from tailed logs. */
export class SessionLedger {
  private readonly texts = new Map<string, string>();
  private readonly accounts = new Map<string, RemoteSessionAccount>();

  constructor(private readonly matcher: RemoteMatcher) {}

  /**
   * Catalog session logs to tail, plus each running tool's log files beside its program (a
   * portable AnyDesk writes `ad.trace` next to the exe in Downloads).
   */
  paths(running: Iterable<{ readonly toolId: string; readonly path?: string }>): string[] {
    const files = this.matcher.index.evidenceFiles.filter((f) => SESSION_LOG_PARSERS.has(f.parser));
    const out = new Set(files.map((f) => f.path));
    for (const process of running) {
      if (process.path === undefined) continue;
      const cut = Math.max(process.path.lastIndexOf('/'), process.path.lastIndexOf('\\'));
      if (cut <= 0) continue;
      const dir = process.path.slice(0, cut + 1);
      for (const f of files) {
        const name = f.tail[f.tail.length - 1];
        if (f.toolId === process.toolId && name !== undefined && !name.includes('*')) out.add(dir + name);
      }
    }
    return [...out];
  }

  /** Reads one change; returns the sessions that are news. */
  read(change: LogChange): LedgerUpdate {
    const entries = this.matcher.index.evidenceFor(change.path).filter((e) => SESSION_LOG_PARSERS.has(e.parser));
    if (entries.length === 0) return { fresh: [], ended: [] };
    const text = ((change.fromStart ? '' : (this.texts.get(change.path) ?? '')) + change.text).slice(-KEPT_CHARS);
    const news = !change.history;
    this.texts.set(change.path, text);
    const fresh: RemoteSessionAccount[] = [];
    const ended: RemoteSessionAccount[] = [];
    for (const entry of entries) {
      const tool = this.matcher.index.tools.get(entry.toolId);
      if (tool === undefined) continue;
      for (const session of parseEvidence(entry.parser, text).sessions) {
        const account = toSessionAccount({ toolId: tool.id, tool: tool.name }, session, baseName(change.path));
        const key = sessionKey(account);
        const before = this.accounts.get(key);
        this.accounts.set(key, account);
        if (before === undefined && news) fresh.push(account);
        else if (before !== undefined && before.endedAt === undefined && account.endedAt !== undefined) ended.push(account);
      }
    }
    while (this.accounts.size > MAX_SESSIONS) {
      const oldest = this.accounts.keys().next().value;
      if (oldest === undefined) break;
      this.accounts.delete(oldest);
    }
    return { fresh, ended };
  }

  /** Every session read so far, oldest first by start. */
  all(): RemoteSessionAccount[] {
    return [...this.accounts.values()].sort((a, b) => (a.startedAt ?? '').localeCompare(b.startedAt ?? ''));
  }
}
