/**
 * The known scam-number table on the incident database (migration 0051), its seed from
 * assets/scam-numbers.csv, and the detector's lookup built from it.
 */
import type { Database } from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseScamNumberCsv, type CsvRowError } from '../engine/numbers/csv.js';
import { knownNumberLookup, type ScamNumberRecord, type ScamNumberStore } from '../engine/numbers/scam-numbers.js';

interface NumberRow {
  e164: string;
  source: string;
  display: string;
  first_reported: string | null;
  note: string | null;
  origin: string;
  added_at: number;
}

/** The seed file shipped with the app (numbers from public warnings). */
export const SEED_CSV_PATH = fileURLToPath(new URL('../../assets/scam-numbers.csv', import.meta.url));

/** {@link ScamNumberStore} on the incident database. */
export class SqliteScamNumberStore implements ScamNumberStore {
  constructor(private readonly db: Database) {}

  lookup(e164: string): ScamNumberRecord[] {
    const rows = this.db
      .prepare('SELECT * FROM scam_numbers WHERE e164 = ? ORDER BY COALESCE(first_reported, \'9999\'), source')
      .all(e164) as NumberRow[];
    return rows.map((row) => ({
      e164: row.e164,
      source: row.source,
      display: row.display,
      origin: row.origin,
      addedAt: row.added_at,
      ...(row.first_reported !== null ? { firstReported: row.first_reported } : {}),
      ...(row.note !== null ? { note: row.note } : {}),
    }));
  }

  upsert(records: readonly ScamNumberRecord[]): { readonly added: number; readonly updated: number } {
    const exists = this.db.prepare('SELECT 1 FROM scam_numbers WHERE e164 = ? AND source = ?');
    const write = this.db.prepare(
      `INSERT INTO scam_numbers (e164, source, display, first_reported, note, origin, added_at)
       VALUES (@e164, @source, @display, @firstReported, @note, @origin, @addedAt)
       ON CONFLICT (e164, source) DO UPDATE SET display = @display, first_reported = COALESCE(@firstReported, first_reported),
         note = COALESCE(@note, note)`,
    );
    let added = 0;
    let updated = 0;
    // One transaction: an import is all there or not at all.
    this.db.transaction(() => {
      for (const record of records) {
        if (exists.get(record.e164, record.source) === undefined) added += 1;
        else updated += 1;
        write.run({ ...record, firstReported: record.firstReported ?? null, note: record.note ?? null });
      }
    })();
    return { added, updated };
  }

  allNumbers(): string[] {
    return (this.db.prepare('SELECT DISTINCT e164 FROM scam_numbers').all() as { e164: string }[]).map((row) => row.e164);
  }

  /** How many distinct numbers the table holds. */
  count(): number {
    return (this.db.prepare('SELECT COUNT(DISTINCT e164) AS n FROM scam_numbers').get() as { n: number }).n;
  }
}

/**
 * Adds the shipped seed rows (idempotent: existing rows are only refreshed). Returns the seed's
 * own row errors, which a test keeps at zero.
 */
export function seedScamNumbers(store: ScamNumberStore, options: { readonly csvText?: string; readonly now?: number } = {}): CsvRowError[] {
  const text = options.csvText ?? readFileSync(SEED_CSV_PATH, 'utf8');
  const parsed = parseScamNumberCsv(text, { origin: 'seed', now: options.now ?? Date.now() });
  store.upsert(parsed.records);
  return parsed.errors;
}

/**
 * What main/the watcher pass to the detector as `isKnownScamNumber`: seeds the table if needed
 * and snapshots it. Call again after `numbers import` to pick up new rows.
 */
export function loadKnownNumberLookup(db: Database, options: { readonly seed?: boolean } = {}): (e164: string) => boolean {
  const store = new SqliteScamNumberStore(db);
  if (options.seed !== false) seedScamNumbers(store);
  return knownNumberLookup(store.allNumbers());
}
