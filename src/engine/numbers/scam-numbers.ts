/**
 * The known scam-number table as the engine sees it, and the lookup the detector takes
 * (`DetectOptions.isKnownScamNumber`).
 */

/** One known number from one source. */
export interface ScamNumberRecord {
  readonly e164: string;
  /** Who published the warning, e.g. `issue #7 / public warning`. */
  readonly source: string;
  /** As written in the source. */
  readonly display: string;
  /** Date of the source's report, `YYYY-MM-DD` or `YYYY-MM` when known. */
  readonly firstReported?: string;
  readonly note?: string;
  /** `seed` (assets/scam-numbers.csv) or `import:<file name>`. */
  readonly origin: string;
  /** When it was added to this PC's table (ms since epoch). */
  readonly addedAt: number;
}

/** Where the table is kept (the incident database). */
export interface ScamNumberStore {
  /** Every record for one E.164 number (one per source). */
  lookup(e164: string): ScamNumberRecord[];
  /** Adds records; an existing (number, source) pair is updated. Returns how many were new. */
  upsert(records: readonly ScamNumberRecord[]): { readonly added: number; readonly updated: number };
  /** Every distinct known number. */
  allNumbers(): string[];
}

/**
 * Builds the detector's synchronous lookup from a snapshot of the table. Rebuild it after an
 * import (the table is small: a Set of a few thousand strings).
 */
export function knownNumberLookup(numbers: Iterable<string>): (e164: string) => boolean {
  const known = new Set(numbers);
  return (e164) => known.has(e164);
}
