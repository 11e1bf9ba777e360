/**
 * A garbage or truncated database file does not stop the app: `scarestop history` and
 * `scarestop report` start, say what happened, keep the damaged file (named with the time) and
 * work on a fresh database.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openIncidentStore } from '../../src/storage/index.js';

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'scarestop-corrupt-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const cli = (...args: string[]) => spawnSync(process.execPath, ['bin/scarestop.mjs', ...args], { env: { ...process.env, SCARESTOP_HOME: home }, encoding: 'utf8', timeout: 60_000 });

describe('damaged database', () => {
  it('garbage: history starts, reports the recovery, keeps the old file', () => {
    writeFileSync(join(home, 'scarestop.db'), Buffer.from('\u0000\u0001garbage that is not sqlite\u00ff'.repeat(200)));
    const result = cli('history', '--json');
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('could not be read');
    const parsed = JSON.parse(result.stdout) as { incidents: unknown[]; database: { kind: string; movedTo: string } };
    expect(parsed.incidents).toEqual([]);
    expect(parsed.database.kind).toBe('recovered');
    expect(readFileSync(parsed.database.movedTo).toString('latin1')).toContain('garbage that is not sqlite');
    // The next start is normal.
    const again = cli('history', '--json');
    expect(JSON.parse(again.stdout).database.kind).toBe('opened');
  }, 120_000);

  it('truncated: the report command starts and says there is no incident yet', () => {
    const store = openIncidentStore({ dataHome: home });
    const incident = store.createIncident({ openedAt: Date.now(), title: 'x' });
    store.database.transaction(() => {
      for (let i = 0; i < 2000; i += 1) store.appendEvent({ id: `e${i}`, incidentId: incident.id, at: i, payload: { kind: 'note', text: 'n'.repeat(200) } });
    })();
    store.database.pragma('wal_checkpoint(TRUNCATE)');
    store.close();
    const bytes = readFileSync(join(home, 'scarestop.db'));
    writeFileSync(join(home, 'scarestop.db'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    const result = cli('report');
    expect(result.stderr).toContain('could not be read');
    expect(result.stderr).toContain('there is no incident yet');
    expect(result.status).toBe(1);
    expect(readdirSync(home).filter((name) => name.includes('.corrupt-'))).toHaveLength(1);
  }, 120_000);
});
