/**
 * `scarestop check-number NUMBER [--json] [--region JP]`: is this number a known scam number,
 * since when, from which source, and is its format typical of these scams?
 */
import { parseArgs } from 'node:util';
import { checkNumber, type NumberCheck } from '../../engine/numbers/check.js';
import { dataHome } from '../../platform/index.js';
import { openIncidentStore } from '../../storage/index.js';
import { seedScamNumbers, SqliteScamNumberStore } from '../../storage/numbers-repo.js';
import { writeLine, type CliCommand } from '../io.js';
import type { CountryCode } from 'libphonenumber-js/max';

const HELP = `Usage: scarestop check-number NUMBER [--json] [--region JP]

Says whether NUMBER is in the known scam-number table (since when, which source) and whether
its format is typical of these scams (Japanese 050 IP phones, North American toll-free,
premium-rate, international). Numbers without a country code are read as --region (default JP).
Quote numbers with spaces: scarestop check-number "+81 3 6271 7243"
Exit status: 0 checked (known or not), 2 not a phone number or bad usage.`;

const INTERNAL_SOURCE = /\bissue #\d+|not re-verified/iu;

/** Human-readable answer. */
export function checkText(result: Extract<NumberCheck, { status: 'checked' }>): string {
  const lines = [`${result.national}  (${result.international}${result.region !== undefined ? `, ${result.region}` : ''}${result.type !== undefined ? `, ${result.type.toLowerCase().replace(/_/g, ' ')}` : ''})`];
  if (result.known) {
    // Only a date someone reported the number on means something: the date it was copied into
    // this PC's table is just the install date.
    const since = result.since !== undefined && result.sinceFrom === 'source-report' ? ` — reported since ${result.since}` : '';
    lines.push(`KNOWN SCAM NUMBER${since}`);
    for (const source of result.sources) {
      // The built-in list's bookkeeping ("issue #7 / … (not re-verified)") is ours, not the user's.
      const name = INTERNAL_SOURCE.test(source.source) ? 'public scam warnings' : source.source;
      lines.push(`  listed in: ${name}${source.firstReported !== undefined ? ` (${source.firstReported})` : ''}${source.note !== undefined && !INTERNAL_SOURCE.test(source.note) ? ` — ${source.note}` : ''}`);
    }
  } else lines.push('Not in the known scam-number table.');
  for (const flag of result.formats) lines.push(`${flag.typical ? 'Typical scam format' : 'Note'}: ${flag.detail}`);
  if (!result.valid) lines.push('Note: this number does not exist in its country\'s numbering plan.');
  lines.push(result.advice);
  return lines.join('\n');
}

export const run: CliCommand = async (args, io) => {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], allowPositionals: true, options: { json: { type: 'boolean', default: false }, region: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } } });
  } catch (error) {
    writeLine(io.stderr, `scarestop check-number: ${error instanceof Error ? error.message : String(error)}\n\n${HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    writeLine(io.stdout, HELP);
    return 0;
  }
  // Let `check-number +81 3 6271 7243` work unquoted too.
  const text = positionals.join(' ');
  if (text.trim() === '') {
    writeLine(io.stderr, HELP);
    return 2;
  }
  const region = (values.region ?? 'JP').toUpperCase();
  if (!/^[A-Z]{2}$/.test(region)) {
    writeLine(io.stderr, 'scarestop check-number: --region must be a two-letter country code such as JP or US');
    return 2;
  }
  const store = openIncidentStore({ dataHome: dataHome(io.env) });
  try {
    const table = new SqliteScamNumberStore(store.database);
    seedScamNumbers(table);
    const result = checkNumber(text, table, region as CountryCode);
    if (values.json) writeLine(io.stdout, JSON.stringify(result, null, 2));
    else if (result.status === 'checked') writeLine(io.stdout, checkText(result));
    else writeLine(io.stderr, `scarestop check-number: ${text.slice(0, 64)} is ${result.reason}`);
    return result.status === 'checked' ? 0 : 2;
  } finally {
    store.close();
  }
};
