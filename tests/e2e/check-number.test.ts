/** `scarestop check-number` and `scarestop numbers import` through the real command. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliEnv, runCli } from './support/scarestop-cli.js';

describe('scarestop check-number', { timeout: 90_000 }, () => {
  const home = mkdtempSync(join(tmpdir(), 'scarestop-check-number-'));
  const env = cliEnv(home);
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('gives the same answer for 03-6271-7243 and +81 3 6271 7243', async () => {
    const a = await runCli(['check-number', '03-6271-7243', '--json'], env);
    const b = await runCli(['check-number', '+81 3 6271 7243', '--json'], env);
    const c = await runCli(['check-number', '+81', '3', '6271', '7243', '--json'], env);
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    expect(c.stdout).toBe(a.stdout);
    const answer = JSON.parse(a.stdout) as Record<string, unknown>;
    expect(answer).toMatchObject({
      status: 'checked',
      e164: '+81362717243',
      national: '03-6271-7243',
      region: 'JP',
      known: true,
      sources: [{ source: 'issue #7 / public warning (not re-verified)' }],
    });
    expect(answer['since']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('says why a 050 number and a North American toll-free number look typical', async () => {
    const ip = JSON.parse((await runCli(['check-number', '050-6881-5063', '--json'], env)).stdout) as { known: boolean; formats: { code: string }[] };
    expect(ip.known).toBe(true);
    expect(ip.formats.map((f) => f.code)).toEqual(['jp-ip-phone-050']);
    const tollFree = await runCli(['check-number', '+1 (844) 555-0147'], env);
    expect(tollFree.code).toBe(0);
    expect(tollFree.stdout).toContain('Not in the known scam-number table.');
    expect(tollFree.stdout).toContain('Typical scam format: North American toll-free number');
    const nonsense = await runCli(['check-number', 'call-me-maybe'], env);
    expect(nonsense.code).toBe(2);
  });

  it('imports a CSV, keeps good rows, reports bad rows by line, and check-number then knows them', async () => {
    const file = join(home, 'warnings.csv');
    writeFileSync(
      file,
      ['number,source,date,note', '+1 844 555 0147,"Test list, 2026",2026-10-01,fake support', 'abc,Test list,,', '0120-000-000,,2026-10-02,', '+1 844 555 0147,Second list,2025-05-20,'].join('\n'),
    );
    const imported = await runCli(['numbers', 'import', file], env);
    expect(imported.code).toBe(1);
    expect(imported.stdout).toContain('Imported 2 row(s): 2 new, 0 updated.');
    expect(imported.stderr).toContain('warnings.csv:3: "abc" is not a phone number');
    expect(imported.stderr).toContain('warnings.csv:4: no source');
    const answer = JSON.parse((await runCli(['check-number', '1-844-555-0147', '--json'], env)).stdout) as { known: boolean; since: string; sources: { source: string }[] };
    expect(answer).toMatchObject({ known: true, since: '2025-05-20' });
    expect(answer.sources.map((s) => s.source)).toEqual(['Second list', 'Test list, 2026']);
    const missing = await runCli(['numbers', 'import', join(home, 'nope.csv')], env);
    expect(missing.code).toBe(2);
  });
});

describe('scarestop check-number in words', { timeout: 90_000 }, () => {
  const home = mkdtempSync(join(tmpdir(), 'scarestop-check-words-'));
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('shows neither our own bookkeeping nor the day the table was installed', async () => {
    const run = await runCli(['check-number', '050-6881-5063'], cliEnv(home));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('KNOWN SCAM NUMBER');
    expect(run.stdout).toContain('listed in: public scam warnings');
    expect(run.stdout).not.toMatch(/issue #|re-verified|table since/u);
    expect(run.stdout).not.toContain(new Date().toISOString().slice(0, 10));
  });
});
