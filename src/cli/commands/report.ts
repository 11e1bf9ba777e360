/**
 * `scarestop report [--incident ID] [--out FILE] [--lang ja|en]`: writes the incident report as
 * one self-contained, printable HTML file (default: the newest incident, into
 * `<data folder>/reports/`). `--out -` prints it.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { WizardState } from '../../engine/cleanup/index.js';
import { renderReport } from '../../engine/report/index.js';
import { dataHome } from '../../platform/index.js';
import { writeLine, type CliCommand } from '../io.js';
import { openStore, openWarning, parseOptions, pickLang } from './recovery-context.js';

const HELP = [
  'Usage: scarestop report [--incident ID] [--out FILE|-] [--lang ja|en]',
  '',
  'Writes a printable record of an incident (timeline, what the scam page showed, tools found',
  'and removed, your answers, next steps still open) for your family, bank or the police.',
  'It never contains passwords. Default: the newest incident, saved in the data folder.',
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
    const saved = store.loadWizard(incident.id);
    const html = renderReport({
      incident,
      timeline: store.timeline(incident.id),
      ...(saved === undefined ? {} : { wizard: saved.state as WizardState }),
      lang,
      generatedAt: Date.now(),
    });
    const out = parsed.values['--out'];
    if (out === '-') {
      io.stdout.write(html);
      return 0;
    }
    const target = out === undefined ? join(dataHome(io.env), 'reports', `${incident.id}-${lang}.html`) : resolve(out);
    // Owner-only: the report names the scam, the payments and the family.
    mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
    // Write then rename, so a crash never leaves half a report under the final name.
    writeFileSync(`${target}.tmp`, html, { flush: true, mode: 0o600 });
    renameSync(`${target}.tmp`, target);
    writeLine(io.stdout, target);
    return 0;
  } finally {
    store.close();
  }
};
