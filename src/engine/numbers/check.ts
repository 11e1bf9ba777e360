/**
 * "Is this number a scam?" — the answer `scarestop check-number` prints: known or not, since
 * when, from which sources, and whether the format is typical of these scams. The answer does
 * not depend on how the number was written (03-6271-7243 and +81 3 6271 7243 are the same).
 */
import type { CountryCode } from 'libphonenumber-js/max';
import { assessFormat, type FormatFlag } from './assess.js';
import { normalizeNumber } from './normalize.js';
import type { ScamNumberStore } from './scam-numbers.js';

/** One source that lists the number. */
export interface NumberSource {
  readonly source: string;
  readonly firstReported?: string;
  readonly note?: string;
}

/** The answer for one number. */
export type NumberCheck =
  | { readonly status: 'not-a-number'; readonly reason: string }
  | {
      readonly status: 'checked';
      readonly e164: string;
      readonly national: string;
      readonly international: string;
      readonly region?: string;
      readonly type?: string;
      readonly valid: boolean;
      readonly known: boolean;
      /** Earliest date any source reported it (YYYY-MM[-DD]), else when it was added here. */
      readonly since?: string;
      /** Where `since` comes from: a source's report date, or the day it was added to this PC's table. */
      readonly sinceFrom?: 'source-report' | 'added-here';
      readonly sources: readonly NumberSource[];
      /** The format is one scam call centres typically use. */
      readonly typicalScamFormat: boolean;
      readonly formats: readonly FormatFlag[];
      readonly advice: string;
    };

/** Checks one number against the table. */
export function checkNumber(text: string, store: Pick<ScamNumberStore, 'lookup'>, homeRegion: CountryCode = 'JP'): NumberCheck {
  const number = normalizeNumber(text, homeRegion);
  if (!number.ok) return { status: 'not-a-number', reason: number.reason };
  const records = store.lookup(number.e164);
  const known = records.length > 0;
  const reported = records.map((r) => r.firstReported).filter((d): d is string => d !== undefined).sort();
  const added = records.map((r) => r.addedAt).sort((a, b) => a - b);
  const since = reported[0] ?? (added[0] !== undefined ? new Date(added[0]).toISOString().slice(0, 10) : undefined);
  const formats = assessFormat(number, homeRegion);
  const typicalScamFormat = formats.some((f) => f.typical);
  const advice = known
    ? 'This number is listed in public scam warnings. Do not call it. If you already called or let someone connect, run the ScareStop recovery steps.'
    : typicalScamFormat
      ? 'Not in the table, but its format is typical of these scams. Do not call a number shown on a warning screen: real companies never show one.'
      : 'Not in the table. That does not make it safe: never call a number shown on a warning screen.';
  return {
    status: 'checked',
    e164: number.e164,
    national: number.national,
    international: number.international,
    valid: number.valid,
    known,
    sources: records.map((r) => ({ source: r.source, ...(r.firstReported !== undefined ? { firstReported: r.firstReported } : {}), ...(r.note !== undefined ? { note: r.note } : {}) })),
    typicalScamFormat,
    formats,
    advice,
    ...(number.region !== undefined ? { region: number.region } : {}),
    ...(number.type !== undefined ? { type: number.type } : {}),
    ...(since !== undefined ? { since, sinceFrom: reported[0] !== undefined ? 'source-report' : 'added-here' } : {}),
  };
}
