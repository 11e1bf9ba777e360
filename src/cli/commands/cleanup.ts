/**
 * `scarestop cleanup`: the recovery wizard in the terminal (resumes where it stopped), or
 * `--plan [--json]`: the plan for what is on this machine now, changing nothing.
 */
import { actionLabel, buildPlan, CleanupWizard, stepLabel, type Lang, type Plan } from '../../engine/cleanup/index.js';
import type { RemoteFinding } from '../../shared/remote.js';
import { createSystemActions, dataHome } from '../../platform/index.js';
import { FileNetworkJournal } from '../../platform/network-journal-file.js';
import { writeLine, type CliCommand } from '../io.js';
import { offerReconnect, readSettingsQuietly, reconnect } from './cleanup-reconnect.js';
import { printable, runTerminalWizard } from './cleanup-terminal.js';
import { openStore, openWarning, parseOptions, pickLang, pickRegion, readFindingsFile, readSettings, scanForCleanup, type ScanForCleanup } from './recovery-context.js';

const HELP = [
  'Usage: scarestop cleanup [--plan [--json]] [--incident ID] [--lang ja|en] [--region CC] [--findings FILE]',
  '       scarestop cleanup --reconnect [--lang ja|en]',
  '',
  'Walks you through recovering from a tech-support scam, one step at a time:',
  'disconnect the internet, end the remote session, remove the remote-access tools,',
  'protect money and accounts, where to get help, reconnect. Progress is saved after',
  'every answer and step; run it again to continue where it stopped.',
  '',
  '  --plan          print the plan for what is found now; change nothing',
  '  --json          with --plan: one JSON document',
  '  --incident ID   continue the wizard of this incident (default: the newest open one)',
  '  --lang ja|en    language (default: settings, else the system language)',
  '  --region CC     country for the help numbers, e.g. JP (default: settings, else the locale)',
  '  --findings FILE use the findings of `scarestop scan --json > FILE` instead of scanning now',
  '  --quarantine    list the files the wizard moved to quarantine',
  '  --restore ID    put a quarantined file back where it was',
  '  --reconnect     turn the internet back on exactly as it was before ScareStop turned it',
  '                  off (from the network journal), and say what came back',
].join('\n');

/** The plan as JSON for `--plan --json`. */
export function planJson(plan: Plan, findings: readonly RemoteFinding[], lang: Lang): unknown {
  return {
    region: plan.region,
    lang,
    findings: findings.map((finding) => ({ toolId: finding.toolId, name: finding.name, risk: finding.risk })),
    steps: plan.steps.map((step) => ({
      id: step.id,
      kind: step.kind,
      ...(step.toolId === undefined ? {} : { toolId: step.toolId, toolName: step.toolName }),
      admin: step.admin,
      title: stepLabel(step, lang),
      actions: step.actions.map((action) => ({ ...action, label: actionLabel(action, lang) })),
    })),
  };
}

/** Runs `scarestop cleanup`; returns the exit status. */
export const run: CliCommand = async (args, io) => {
  if (args.includes('--help') || args.includes('-h')) {
    writeLine(io.stdout, HELP);
    return 0;
  }
  const parsed = parseOptions(args, ['--incident', '--lang', '--region', '--findings', '--restore'], ['--plan', '--json', '--quarantine', '--reconnect']);
  if (parsed.error !== undefined) {
    writeLine(io.stderr, `scarestop cleanup: ${parsed.error}\n\n${HELP}`);
    return 2;
  }
  const restoreId = parsed.values['--restore'];
  if (parsed.flags.has('--quarantine') || restoreId !== undefined) {
    const actions = await createSystemActions({ dataHome: dataHome(io.env) });
    if (restoreId !== undefined) {
      const result = await actions.restore(restoreId);
      writeLine(result.status === 'done' || result.status === 'not-needed' ? io.stdout : io.stderr, printable(`${result.status}: ${result.detail ?? ''}`));
      return result.status === 'done' || result.status === 'not-needed' ? 0 : 1;
    }
    const entries = await actions.listQuarantine();
    if (parsed.flags.has('--json')) writeLine(io.stdout, JSON.stringify({ entries }, null, 2));
    else if (entries.length === 0) writeLine(io.stdout, 'The quarantine is empty.');
    else for (const entry of entries) writeLine(io.stdout, printable(`${entry.id}  ${entry.quarantinedAt}  ${entry.restoredAt === undefined ? 'kept    ' : 'restored'}  ${entry.originalPath}`));
    return 0;
  }
  if (parsed.flags.has('--reconnect')) return reconnect(io, pickLang(parsed.values['--lang'], readSettingsQuietly(io.env), io.env));
  const settings = readSettings(io.env);
  const lang = pickLang(parsed.values['--lang'], settings, io.env);
  const region = pickRegion(parsed.values['--region'], settings, io.env, lang);
  const findingsFile = parsed.values['--findings'];
  const scan = async (): Promise<ScanForCleanup> => (findingsFile === undefined ? scanForCleanup(io.env, lang) : { findings: readFindingsFile(findingsFile), hints: {} });

  let initial: ScanForCleanup;
  try {
    initial = await scan();
  } catch (error) {
    writeLine(io.stderr, `scarestop cleanup: could not look for remote-access tools: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }

  if (parsed.flags.has('--plan')) {
    const plan = buildPlan({ context: { region, detections: [], findings: initial.findings }, answers: {}, helpContacts: settings.helpContacts, hints: initial.hints, now: Date.now() });
    if (parsed.flags.has('--json')) writeLine(io.stdout, JSON.stringify(planJson(plan, initial.findings, lang), null, 2));
    else plan.steps.forEach((step, index) => writeLine(io.stdout, printable(`${index + 1}. ${stepLabel(step, lang)}`) + '\n' + step.actions.map((action) => `     - ${printable(actionLabel(action, lang))}`).join('\n')));
    return 0;
  }

  const store = openStore(io.env);
  try {
    const warning = openWarning(store.openReport);
    if (warning !== undefined) writeLine(io.stderr, warning);
    const actions = await createSystemActions({ dataHome: dataHome(io.env) });
    const journal = new FileNetworkJournal(dataHome(io.env));
    const offer = await offerReconnect(journal, actions, store, lang);
    if (offer !== undefined) writeLine(io.stdout, offer);
    const wizard = CleanupWizard.start(
      { store, actions, clock: { now: () => Date.now() }, rescan: async () => (await scan()).findings, journal },
      {
        findings: initial.findings,
        region,
        helpContacts: store.getSettings().helpContacts,
        hints: initial.hints,
        ...(parsed.values['--incident'] === undefined ? {} : { incidentId: parsed.values['--incident'] }),
      },
    );
    writeLine(io.stdout, lang === 'ja' ? `ScareStop 回復ガイド（記録番号 ${wizard.incidentId}）` : `ScareStop recovery (incident ${wizard.incidentId})`);
    return await runTerminalWizard(wizard, io, lang);
  } catch (error) {
    writeLine(io.stderr, `scarestop cleanup: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    store.close();
  }
};
