/**
 * Scam-number CSV: `number,source,date,note` with a header line. Quoted fields (RFC 4180) are
 * supported. Good rows are kept; bad rows are reported with their line number and reason.
 * Imported files may come from anywhere: fields and row counts are bounded.
 */
import type { CountryCode } from 'libphonenumber-js/max';
import { normalizeNumber } from './normalize.js';
import type { ScamNumberRecord } from './scam-numbers.js';

/** A row that could not be used. */
export interface CsvRowError {
  /** 1-based line number in the file. */
  readonly line: number;
  readonly reason: string;
}

/** What a CSV file held. */
export interface CsvImport {
  readonly records: ScamNumberRecord[];
  readonly errors: CsvRowError[];
}

const MAX_ROWS = 100_000;
const MAX_SOURCE = 200;
const MAX_NOTE = 300;
const DATE = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;
const REQUIRED = ['number', 'source'] as const;

/** Splits CSV text into rows of fields, each with the line it started on. */
export function splitCsv(text: string): { readonly line: number; readonly fields: string[] }[] {
  const rows: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const source = text.startsWith('\ufeff') ? text.slice(1) : text;
  for (let i = 0; i < source.length; i += 1) {
    const ch = source[i];
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line += 1;
        field += ch;
      }
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i += 1;
      fields.push(field);
      rows.push({ line: rowLine, fields });
      fields = [];
      field = '';
      line += 1;
      rowLine = line;
    } else field += ch;
  }
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    rows.push({ line: rowLine, fields });
  }
  return rows;
}

/** Parses a scam-number CSV. `origin` and `now` are stored with every record. */
export function parseScamNumberCsv(text: string, options: { readonly origin: string; readonly now: number; readonly homeRegion?: CountryCode }): CsvImport {
  const rows = splitCsv(text).filter((row) => !(row.fields.length === 1 && row.fields[0]?.trim() === '') && !row.fields[0]?.trim().startsWith('#'));
  const errors: CsvRowError[] = [];
  const records: ScamNumberRecord[] = [];
  const header = rows.shift();
  if (header === undefined) return { records, errors: [{ line: 1, reason: 'the file is empty' }] };
  const columns = header.fields.map((f) => f.trim().toLowerCase());
  const missing = REQUIRED.filter((name) => !columns.includes(name));
  if (missing.length > 0) {
    return { records, errors: [{ line: header.line, reason: `header must name the columns number,source[,date,note]; missing: ${missing.join(', ')}` }] };
  }
  const at = (fields: string[], name: string): string => {
    const index = columns.indexOf(name);
    return index < 0 ? '' : (fields[index] ?? '').trim();
  };
  for (const row of rows) {
    if (records.length >= MAX_ROWS) {
      errors.push({ line: row.line, reason: `more than ${MAX_ROWS} rows: the rest was not read` });
      break;
    }
    if (row.fields.length > columns.length) {
      errors.push({ line: row.line, reason: `${row.fields.length} fields, the header has ${columns.length} (quote fields that contain commas)` });
      continue;
    }
    const raw = at(row.fields, 'number');
    const source = at(row.fields, 'source');
    const date = at(row.fields, 'date');
    const note = at(row.fields, 'note');
    if (raw === '') {
      errors.push({ line: row.line, reason: 'no number' });
      continue;
    }
    const number = normalizeNumber(raw, options.homeRegion);
    if (!number.ok) {
      errors.push({ line: row.line, reason: `"${raw.slice(0, 40)}" is ${number.reason}` });
      continue;
    }
    if (!number.valid) {
      errors.push({ line: row.line, reason: `"${raw.slice(0, 40)}" is not a valid number in its country's numbering plan` });
      continue;
    }
    if (source === '') {
      errors.push({ line: row.line, reason: 'no source (say where the warning came from)' });
      continue;
    }
    if (source.length > MAX_SOURCE || note.length > MAX_NOTE) {
      errors.push({ line: row.line, reason: `source longer than ${MAX_SOURCE} or note longer than ${MAX_NOTE} characters` });
      continue;
    }
    if (date !== '' && !DATE.test(date)) {
      errors.push({ line: row.line, reason: `date "${date.slice(0, 20)}" is not YYYY-MM-DD or YYYY-MM` });
      continue;
    }
    records.push({
      e164: number.e164,
      source,
      display: raw,
      origin: options.origin,
      addedAt: options.now,
      ...(date !== '' ? { firstReported: date } : {}),
      ...(note !== '' ? { note } : {}),
    });
  }
  return { records, errors };
}
