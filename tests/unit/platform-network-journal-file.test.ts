/** The journal file: durable write by rename, owner-only, unreadable content is an error (never "no journal"). */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NetworkJournal } from '../../src/engine/ports/network-journal.js';
import { FileNetworkJournal } from '../../src/platform/network-journal-file.js';

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'scarestop-journal-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const journal: NetworkJournal = { version: 1, phase: 'disconnecting', changedAt: 1, snapshot: { takenAt: 1, interfaces: [{ name: 'eth0', up: true }], routes: ['default via 10.0.0.1 dev eth0'], dns: ['10.0.0.1'], wifiProfiles: [] } };

describe('FileNetworkJournal', () => {
  it('writes owner-only through a temp file and reads back what it wrote; clear removes it', () => {
    const file = new FileNetworkJournal(join(home, 'data'));
    expect(file.read()).toBeUndefined();
    file.write(journal);
    file.write({ ...journal, phase: 'offline' });
    expect(file.read()).toEqual({ ...journal, phase: 'offline' });
    expect((statSync(file.path).mode & 0o777).toString(8)).toBe('600');
    expect((statSync(join(home, 'data')).mode & 0o777).toString(8)).toBe('700');
    expect(readdirSync(join(home, 'data'))).toEqual(['network-journal.json']);
    file.clear();
    expect(existsSync(file.path)).toBe(false);
  });

  it('a damaged journal is an error, not "ScareStop turned nothing off"', () => {
    const file = new FileNetworkJournal(home);
    writeFileSync(file.path, '{"version":1,"snapsh');
    expect(() => file.read()).toThrow();
  });
});
