/**
 * The network journal: what was connected before ScareStop turned the network off, written
 * durably before the first change and removed only when everything is verified back.
 */
import type { NetworkSnapshot } from './system-actions.js';

/** The journal's content. */
export interface NetworkJournal {
  readonly version: 1;
  readonly snapshot: NetworkSnapshot;
  /** `disconnecting` from before the first change until the disconnect finished. */
  readonly phase: 'disconnecting' | 'offline';
  /** When the phase last changed (ms since epoch). */
  readonly changedAt: number;
}

/** Where the journal is kept. `write` is durable when it returns (temp file, fsync, rename). */
export interface NetworkJournalStore {
  read(): NetworkJournal | undefined;
  write(journal: NetworkJournal): void;
  clear(): void;
}
