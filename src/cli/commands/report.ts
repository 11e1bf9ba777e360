/**
 * `scarestop report [--incident ID] [--out FILE] [--lang ja|en]`: writes the incident report as
 * one self-contained, printable HTML file and a PDF beside it when a Chromium-family browser can
 * print it (default: the newest incident, into `<data folder>/reports/`). `--out -` prints the HTML.
 */
import { resolve } from 'node:path';
import { writeLine, type CliCommand } from '../io.js';
import { openStore, openWarning, parseOptions, pickLang } from './recovery-context.js';
import { reportHtml, saveReport } from './report-files.js';

const HELP = [
  'Usage: scarestop report [--incident ID] [--out FILE|-] [--lang ja|en]',
  '',
  'Writes a printable record of an incident (timeline, what the scam page showed, tools found',
  'and removed, your answers, next steps still open) for your family, bank or the police.',
  'It never contains passwords. Default: the newest incident, saved in the data folder as HTML',
  'and PDF (the PDF needs Chromium, Chrome or Edge; without one only the HTML is written).',
].join('\n');

/** Runs `scarestop report`; returns the exit status. */
export const run: CliCommand = async (args, io) => {
  if (args.includes('--help') || args.includes('-h')) {
    writeLine(io.stdout, HELP);
    return 0;
  }
  const parsed = parseOptions(args, ['--incident', '--out', '--lang'], []);
  if (parsed.error !== undefined) {
    writeLine(io.stderr, `scarestop report: ${parsed.error}\n\n${HELP}`);
    return 2;
  }
  const store = openStore(io.env);
  try {
    const warning = openWarning(store.openReport);
    if (warning !== undefined) writeLine(io.stderr, warning);
    const wanted = parsed.values['--incident'];
    const incident = wanted === undefined ? store.listIncidents({ limit: 1 })[0] : store.getIncident(wanted);
    if (incident === undefined) {
      writeLine(io.stderr, wanted === undefined ? 'scarestop report: there is no incident yet.' : `scarestop report: no incident ${wanted} (see scarestop history).`);
      return 1;
    }
    const lang = pickLang(parsed.values['--lang'], store.getSettings(), io.env);
    const out = parsed.values['--out'];
    if (out === '-') {
      io.stdout.write(reportHtml(store, incident.id, lang, io.env));
      return 0;
    }
    const files = await saveReport(store, incident.id, lang, io.env, out === undefined ? undefined : resolve(out));
    writeLine(io.stdout, files.html);
    if (files.pdf.ok) writeLine(io.stdout, files.pdf.path);
    else writeLine(io.stderr, `scarestop report: no PDF (${files.pdf.detail})`);
    return 0;
  } finally {
    store.close();
  }
};
