/** The network journal in the engine, with a fake machine: written first, kept until all is back, offered when idle. */
import { describe, expect, it } from 'vitest';
import { disconnectWithJournal, reconnectFromJournal, reconnectOfferAtStart, RECONNECT_OFFER_AFTER_MS } from '../../../src/engine/cleanup/network-journal.js';
import type { NetworkJournal, NetworkJournalStore } from '../../../src/engine/ports/network-journal.js';
import type { SystemActions } from '../../../src/engine/ports/system-actions.js';
import { FakeSystem } from './fakes.js';

class MemoryJournal implements NetworkJournalStore {
  value: NetworkJournal | undefined;
  writes: NetworkJournal['phase'][] = [];
  read = () => this.value;
  write = (journal: NetworkJournal) => {
    this.value = journal;
    this.writes.push(journal.phase);
  };
  clear = () => (this.value = undefined);
}

describe('network journal', () => {
  it('is written before the first change and keeps the state from before a crashed disconnect', async () => {
    const system = new FakeSystem(() => []);
    const journal = new MemoryJournal();
    const seen: string[] = [];
    const base = system.actions();
    const actions: SystemActions = { ...base, disconnectNetwork: (options) => (seen.push(`disconnect with journal ${journal.writes.join(',')}`), base.disconnectNetwork(options)) };
    expect((await disconnectWithJournal({ actions, journal, now: () => 1 }, false)).status).toBe('done');
    expect(seen).toEqual(['disconnect with journal disconnecting']);
    expect(journal.value).toMatchObject({ phase: 'offline', snapshot: { interfaces: [{ name: 'eth0' }], routes: ['default via 10.0.0.1 dev eth0'] } });
    // A second disconnect while offline must not replace what was connected with "nothing".
    await disconnectWithJournal({ actions, journal, now: () => 2 }, false);
    expect(journal.value?.snapshot.interfaces).toEqual([{ name: 'eth0', up: true }]);
  });

  it('clears the journal only when every item came back', async () => {
    const system = new FakeSystem(() => []);
    const journal = new MemoryJournal();
    const base = system.actions();
    await disconnectWithJournal({ actions: base, journal, now: () => 1 }, false);
    const partly: SystemActions = { ...base, restoreNetwork: async () => ({ status: 'failed', detail: 'x', items: [{ kind: 'interface', name: 'eth0', back: false }] }) };
    expect(await reconnectFromJournal({ actions: partly, journal, now: () => 2 }, false)).toMatchObject({ kind: 'restored', result: { status: 'failed' } });
    expect(journal.value).toBeDefined();
    expect(await reconnectFromJournal({ actions: base, journal, now: () => 3 }, false)).toMatchObject({ kind: 'restored', result: { status: 'done' } });
    expect(journal.value).toBeUndefined();
    expect(await reconnectFromJournal({ actions: base, journal, now: () => 4 }, false)).toEqual({ kind: 'no-journal' });
  });

  it('offers to reconnect at start only when ScareStop left the network off and the wizard sat idle', () => {
    const journal: NetworkJournal = { version: 1, phase: 'offline', changedAt: 1_000, snapshot: { takenAt: 1_000, interfaces: [], routes: [], dns: [], wifiProfiles: [] } };
    const later = 1_000 + RECONNECT_OFFER_AFTER_MS;
    expect(reconnectOfferAtStart(undefined, { online: false }, undefined, later)).toEqual({ offer: false });
    expect(reconnectOfferAtStart(journal, { online: true }, undefined, later)).toEqual({ offer: false });
    expect(reconnectOfferAtStart(journal, { online: false }, undefined, later - 1)).toEqual({ offer: false });
    expect(reconnectOfferAtStart(journal, { online: false }, later - 60_000, later)).toEqual({ offer: false });
    expect(reconnectOfferAtStart(journal, { online: false }, 2_000, later + 5_000)).toEqual({ offer: true, offSince: 1_000 });
  });
});

describe('a damaged journal', () => {
  it('is reported as unreadable on reconnect, and a new disconnect takes a fresh snapshot', async () => {
    const system = new FakeSystem(() => []);
    const journal = new MemoryJournal();
    journal.read = () => {
      throw new Error('half a file');
    };
    expect(await reconnectFromJournal({ actions: system.actions(), journal, now: () => 1 }, false)).toEqual({ kind: 'unreadable', reason: 'half a file' });
    expect((await disconnectWithJournal({ actions: system.actions(), journal, now: () => 2 }, false)).status).toBe('done');
    expect(journal.writes).toEqual(['disconnecting', 'offline']);
  });
});
