import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseScamNumberCsv, splitCsv } from '../../../src/engine/numbers/csv.js';
import { checkNumber } from '../../../src/engine/numbers/check.js';
import { knownNumberLookup } from '../../../src/engine/numbers/scam-numbers.js';
import { loadKnownNumberLookup, SEED_CSV_PATH, seedScamNumbers, SqliteScamNumberStore } from '../../../src/storage/numbers-repo.js';
import { tempDatabase } from '../family/support/temp-db.js';

const now = Date.UTC(2026, 10, 22);

describe('scam-number CSV', () => {
  it('keeps good rows and reports bad ones with their line numbers', () => {
    const text = [
      'number,source,date,note',
      '03-6271-7243,"Police, Tokyo",2025-04-01,"quoted, with comma"',
      'not a number,src,,',
      '050-6881-5063,,2025-01-01,',
      '+1 888 555 0100,FTC,April,',
      '',
      '# a comment',
      '+1 888 555 0100,FTC,2024-12,',
      '12,src,,',
      '03-6271-7243,x,,,extra',
    ].join('\r\n');
    const result = parseScamNumberCsv(text, { origin: 'import:test.csv', now });
    expect(result.records.map((r) => [r.e164, r.source, r.firstReported])).toEqual([
      ['+81362717243', 'Police, Tokyo', '2025-04-01'],
      ['+18885550100', 'FTC', '2024-12'],
    ]);
    expect(result.errors.map((e) => e.line)).toEqual([3, 4, 5, 9, 10]);
    expect(result.errors[1]?.reason).toContain('no source');
    expect(result.errors[2]?.reason).toContain('YYYY-MM-DD');
  });

  it('needs a header naming number and source', () => {
    const result = parseScamNumberCsv('03-6271-7243,x\n', { origin: 'x', now });
    expect(result.records).toHaveLength(0);
    expect(result.errors[0]).toMatchObject({ line: 1 });
  });

  it('counts lines inside quoted fields', () => {
    expect(splitCsv('a,b\n"x\ny",z\nq,r').map((r) => r.line)).toEqual([1, 2, 4]);
  });
});

describe('check-number against the table', () => {
  let temp: ReturnType<typeof tempDatabase>;
  beforeEach(() => (temp = tempDatabase()));
  afterEach(() => temp.cleanup());

  it('the shipped seed parses without errors and holds the numbers from issue 7', () => {
    const store = new SqliteScamNumberStore(temp.db);
    expect(seedScamNumbers(store, { now })).toEqual([]);
    expect(store.allNumbers().sort()).toEqual(['+81362717243', '+815068815063']);
    expect(readFileSync(SEED_CSV_PATH, 'utf8')).toContain('issue #7');
  });

  it('gives the same answer however the number is written', () => {
    const store = new SqliteScamNumberStore(temp.db);
    seedScamNumbers(store, { now });
    const a = checkNumber('03-6271-7243', store);
    const b = checkNumber('+81 3 6271 7243', store);
    expect(a).toEqual(b);
    expect(a).toMatchObject({ status: 'checked', known: true, e164: '+81362717243', national: '03-6271-7243', since: '2026-11-22' });
  });

  it('"since" is the earliest source date; several sources are all listed', () => {
    const store = new SqliteScamNumberStore(temp.db);
    store.upsert(parseScamNumberCsv('number,source,date\n050-6881-5063,B,2025-03-01\n050-6881-5063,A,2024-11-15\n', { origin: 'import:x', now }).records);
    const result = checkNumber('05068815063', store);
    expect(result).toMatchObject({ status: 'checked', known: true, since: '2024-11-15', typicalScamFormat: true });
    expect(result.status === 'checked' && result.sources.map((s) => s.source)).toEqual(['A', 'B']);
  });

  it('an unknown number with a typical format says so', () => {
    const store = new SqliteScamNumberStore(temp.db);
    const result = checkNumber('+1-855-555-0199', store);
    expect(result).toMatchObject({ status: 'checked', known: false, typicalScamFormat: true });
    expect(checkNumber('hello', store)).toMatchObject({ status: 'not-a-number' });
  });

  it('builds the detector lookup from the table', () => {
    const isKnown = loadKnownNumberLookup(temp.db);
    expect(isKnown('+815068815063')).toBe(true);
    expect(isKnown('+81312345678')).toBe(false);
    expect(knownNumberLookup(['+1'])('+1')).toBe(true);
  });

  it('an import is idempotent: the same rows again are updates, not new rows', () => {
    const store = new SqliteScamNumberStore(temp.db);
    const rows = parseScamNumberCsv('number,source\n050-6881-5063,A\n', { origin: 'import:x', now }).records;
    expect(store.upsert(rows)).toEqual({ added: 1, updated: 0 });
    expect(store.upsert(rows)).toEqual({ added: 0, updated: 1 });
    expect(store.count()).toBe(1);
  });
});
