/** `scarestop history [--json]`: incidents, newest first, with the recovery's progress. */
import { openItems, type WizardState } from '../../engine/cleanup/index.js';
import { writeLine, type CliCommand } from '../io.js';
import { openStore, openWarning, parseOptions } from './recovery-context.js';

/** Runs `scarestop history`; returns the exit status. */
export const run: CliCommand = async (args, io) => {
  if (args.includes('--help') || args.includes('-h')) {
    writeLine(io.stdout, 'Usage: scarestop history [--json] [--limit N]\n\nLists incidents, newest first: when, what, and how far the recovery got.');
    return 0;
  }
  const parsed = parseOptions(args, ['--limit'], ['--json']);
  const limit = Number(parsed.values['--limit'] ?? '50');
  if (parsed.error !== undefined || !Number.isInteger(limit) || limit < 1) {
    writeLine(io.stderr, `scarestop history: ${parsed.error ?? '--limit needs a positive whole number'}`);
    return 2;
  }
  const store = openStore(io.env);
  try {
    const warning = openWarning(store.openReport);
    if (warning !== undefined) writeLine(io.stderr, warning);
    const rows = store.listIncidents({ limit }).map((incident) => {
      const state = store.loadWizard(incident.id)?.state as WizardState | undefined;
      const wizard =
        state === undefined
          ? undefined
          : {
              phase: state.phase,
              step: state.plan?.steps[state.stepIndex]?.id ?? null,
              openItems: openItems(state).length,
            };
      // Where the scam page was: the address the browser recorded, and how soon ScareStop knew it.
      const pages = store.timeline(incident.id).flatMap((event) =>
        event.payload.kind === 'page' ? [{ url: event.payload.url, host: event.payload.host, title: event.payload.title, knownAfterSeconds: Math.round(event.payload.knownAfterMs / 100) / 10 }] : [],
      );
      return { ...incident, openedAtIso: new Date(incident.openedAt).toISOString(), pages, ...(wizard === undefined ? {} : { wizard }) };
    });
    if (parsed.flags.has('--json')) {
      writeLine(io.stdout, JSON.stringify({ incidents: rows, database: store.openReport }, null, 2));
      return 0;
    }
    if (rows.length === 0) writeLine(io.stdout, 'No incidents recorded.');
    for (const row of rows) {
      const progress = row.wizard === undefined ? 'no recovery yet' : row.wizard.phase === 'finished' ? `recovery finished, ${row.wizard.openItems} open` : `recovery at ${row.wizard.step ?? row.wizard.phase}`;
      writeLine(io.stdout, `${row.openedAtIso}  ${row.id}  ${row.title}  (${row.eventCount} events; ${progress})`);
      for (const page of row.pages) writeLine(io.stdout, `    page address: ${JSON.stringify(page.url)}`);
    }
    return 0;
  } finally {
    store.close();
  }
};
