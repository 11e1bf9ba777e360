/**
 * `scarestop numbers import FILE [--json]`: adds known scam numbers from a CSV file
 * (`number,source,date,note`). Good rows are kept; bad rows are listed with their line numbers.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { parseScamNumberCsv } from '../../engine/numbers/csv.js';
import { dataHome } from '../../platform/index.js';
import { openIncidentStore } from '../../storage/index.js';
import { seedScamNumbers, SqliteScamNumberStore } from '../../storage/numbers-repo.js';
import { writeLine, type CliCommand, type CliIo } from '../io.js';

const HELP = `Usage: scarestop numbers import FILE [--json]
       scarestop numbers count

FILE is a CSV file with a header line: number,source[,date,note]
  number  as written (03-6271-7243, +1 888 555 0100, ...)
  source  where the warning came from (required)
  date    the warning's date, YYYY-MM-DD or YYYY-MM (optional)
Rows that cannot be used are listed with their line numbers; the others are imported.
Exit status: 0 all rows imported, 1 some rows were bad, 2 the file could not be read.`;

const MAX_FILE_BYTES = 20 * 1024 * 1024;

function openTable(io: CliIo): { readonly table: SqliteScamNumberStore; close(): void } {
  const store = openIncidentStore({ dataHome: dataHome(io.env) });
  const table = new SqliteScamNumberStore(store.database);
  seedScamNumbers(table);
  return { table, close: () => store.close() };
}

async function importFile(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
  const [file] = positionals;
  if (file === undefined) {
    writeLine(io.stderr, HELP);
    return 2;
  }
  let text: string;
  try {
    if (statSync(file).size > MAX_FILE_BYTES) throw new Error(`larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
    text = readFileSync(file, 'utf8');
  } catch (error) {
    writeLine(io.stderr, `scarestop numbers: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const parsed = parseScamNumberCsv(text, { origin: `import:${basename(file)}`, now: Date.now() });
  const { table, close } = openTable(io);
  try {
    const written = table.upsert(parsed.records);
    if (values.json) {
      writeLine(io.stdout, JSON.stringify({ imported: parsed.records.length, ...written, errors: parsed.errors, total: table.count() }));
    } else {
      writeLine(io.stdout, `Imported ${parsed.records.length} row(s): ${written.added} new, ${written.updated} updated. The table now holds ${table.count()} number(s).`);
      for (const error of parsed.errors) writeLine(io.stderr, `${basename(file)}:${error.line}: ${error.reason}`);
      if (parsed.errors.length > 0) writeLine(io.stderr, `${parsed.errors.length} row(s) were not imported.`);
    }
    return parsed.errors.length > 0 ? 1 : 0;
  } finally {
    close();
  }
}

export const run: CliCommand = async (args, io) => {
  const [sub, ...rest] = args;
  try {
    if (sub === 'import') return await importFile(rest, io);
    if (sub === 'count') {
      const { table, close } = openTable(io);
      try {
        writeLine(io.stdout, String(table.count()));
        return 0;
      } finally {
        close();
      }
    }
  } catch (error) {
    writeLine(io.stderr, `scarestop numbers: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  writeLine(sub === '--help' || sub === '-h' ? io.stdout : io.stderr, HELP);
  return sub === '--help' || sub === '-h' ? 0 : 2;
};
