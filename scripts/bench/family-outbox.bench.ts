/**
 * Family alerts and scam numbers: how long a durable enqueue takes (it sits on the detection
 * path), and how fast the detector's known-number lookup is built and queried.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { enqueueAlert } from '../../src/engine/family/enqueue.js';
import { knownNumberLookup } from '../../src/engine/numbers/scam-numbers.js';
import { openDatabase } from '../../src/storage/open.js';
import { SqliteOutboxStore } from '../../src/storage/outbox-repo.js';
import { SqliteScamNumberStore } from '../../src/storage/numbers-repo.js';
import { checkNumber } from '../../src/engine/numbers/check.js';

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export default async function bench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'scarestop-bench-family-'));
  const { db } = openDatabase(join(dir, 'scarestop.db'));
  try {
    const outbox = new SqliteOutboxStore(db);
    const contacts = {
      list: () => [
        { id: 'c-1', name: 'A', language: 'ja' as const, email: 'a@example.jp', webhook: { url: 'http://127.0.0.1/h', mode: 'json' as const }, triggers: ['scam-page' as const] },
        { id: 'c-2', name: 'B', language: 'en' as const, email: 'b@example.com', triggers: ['scam-page' as const] },
      ],
    };
    const times: number[] = [];
    for (let i = 0; i < 200; i += 1) {
      const start = performance.now();
      enqueueAlert({ contacts, outbox, clock: { now: () => Date.now() } }, { kind: 'scam-page', at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(), title: `Virus ${i}` });
      times.push(performance.now() - start);
    }
    console.log(`enqueue one alert (2 contacts, 3 outbox rows, synchronous=FULL): median ${median(times).toFixed(2)} ms, max ${Math.max(...times).toFixed(2)} ms`);

    const numbers = new SqliteScamNumberStore(db);
    const rows = Array.from({ length: 10_000 }, (_, i) => ({ e164: `+8150${String(10_000_000 + i).padStart(8, '0')}`, source: 'bench', display: '', origin: 'bench', addedAt: 0 }));
    let start = performance.now();
    numbers.upsert(rows);
    console.log(`import 10,000 numbers: ${(performance.now() - start).toFixed(0)} ms`);
    start = performance.now();
    const isKnown = knownNumberLookup(numbers.allNumbers());
    console.log(`build the detector lookup from 10,000 numbers: ${(performance.now() - start).toFixed(1)} ms`);
    start = performance.now();
    let hits = 0;
    for (let i = 0; i < 100_000; i += 1) if (isKnown(`+8150${String(10_000_000 + (i % 20_000)).padStart(8, '0')}`)) hits += 1;
    console.log(`100,000 lookups: ${(performance.now() - start).toFixed(1)} ms (${hits} hits)`);
    const checks: number[] = [];
    for (let i = 0; i < 200; i += 1) {
      const t = performance.now();
      checkNumber(i % 2 === 0 ? '03-6271-7243' : '+1 844 555 0147', numbers);
      checks.push(performance.now() - t);
    }
    console.log(`check-number (normalise, look up, assess): median ${median(checks).toFixed(3)} ms`);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
