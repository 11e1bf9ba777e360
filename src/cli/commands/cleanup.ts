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
import { systemClock } from '../../engine/watch/system-clock.js';
import { createFamilyAlerts } from '../../platform/net/family-alerts-factory.js';
import { senderOptions } from './family-runtime.js';
import { openStore, openWarning, parseOptions, pickLang, pickRegion, readFindingsFile, readSettings, scanForCleanup, type ScanForCleanup } from './recovery-context.js';
import { saveReport } from './report-files.js';

const HELP = [
  'Usage: scarestop cleanup [--plan [--json]] [--incident ID] [--lang ja|en] [--region CC] [--findings FILE]',
  '       scarestop cleanup --reconnect [--lang ja|en]',
  '',
  'Walks you through recovering from a tech-support scam, one step at a time, in the order',
  'the police give: hang up, disconnect the internet, close the warning page, end remote',
  'sessions; then a few questions; then remove the remote-access tools, protect money and',
  'accounts, where to get help, reconnect. Progress is saved after every answer and step;',
  'run it again to continue. At the end the record is saved (HTML and PDF) and your family told.',
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
    const wanted = parsed.values['--incident'];
    const existing = wanted ?? store.latestOpenIncident()?.id;
    const resuming = existing !== undefined && store.loadWizard(existing) !== undefined;
    const journal = new FileNetworkJournal(dataHome(io.env));
    const offer = await offerReconnect(journal, actions, store, lang);
    if (offer !== undefined) writeLine(io.stdout, offer);
    const wizard = CleanupWizard.start(
      { store, actions, clock: { now: () => Date.now() }, rescan: async () => (await scan()).findings, journal },
      { findings: initial.findings, region, helpContacts: store.getSettings().helpContacts, hints: initial.hints, ...(wanted === undefined ? {} : { incidentId: wanted }) },
    );
    // The family hears what the app would tell them: the wizard started, a tool runs right now.
    const family = createFamilyAlerts(store.database, { clock: systemClock, senders: senderOptions(io.env) });
    if (!resuming) {
      const at = new Date().toISOString();
      family.notify({ kind: 'wizard-started', at });
      for (const finding of initial.findings) {
        if (finding.risk === 'connected' || finding.risk === 'running') family.notify({ kind: 'remote-tool', at, tool: finding.name, action: finding.risk === 'connected' ? 'connected' : 'started' });
      }
    }
    // Sent while the internet is still on; whatever fails stays queued and is sent again at the end.
    const firstSend = family.flush().catch(() => undefined);
    writeLine(io.stdout, lang === 'ja' ? `ScareStop 回復ガイド（記録番号 ${wizard.incidentId}）` : `ScareStop recovery (record number ${wizard.incidentId})`);
    const finish = async (): Promise<readonly string[]> => {
      const lines: string[] = [];
      const files = await saveReport(store, wizard.incidentId, lang, io.env);
      lines.push(lang === 'ja' ? `記録を保存しました：${files.html}` : `The record was saved: ${files.html}`);
      if (files.pdf.ok) lines.push(lang === 'ja' ? `PDF：${files.pdf.path}` : `PDF: ${files.pdf.path}`);
      else lines.push(lang === 'ja' ? 'PDFは作れませんでした（このパソコンに Chromium・Chrome・Edge が見つかりません）。HTMLの記録をブラウザーで開いて印刷できます。' : 'No PDF could be made (no Chromium, Chrome or Edge was found). Open the HTML record in a browser to print it.');
      await firstSend;
      const sent = await family.flush().catch(() => undefined);
      if (sent !== undefined && sent.attempted > 0) {
        const ok = sent.failed === 0 && sent.expired === 0;
        lines.push(lang === 'ja' ? (ok ? 'ご家族にお知らせを送りました。' : 'ご家族へのお知らせは、あとでもう一度送ります。') : ok ? 'Your family was told.' : 'The message to your family will be sent again later.');
      }
      return lines;
    };
    const code = await runTerminalWizard(wizard, io, lang, finish);
    await firstSend;
    return code;
  } catch (error) {
    writeLine(io.stderr, `scarestop cleanup: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    store.close();
  }
};
