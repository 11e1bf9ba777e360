/**
 * The incident report: one self-contained, printable HTML file (no scripts, no external
 * resources) in ONE language, every time local with its zone. It tells the story of the scam
 * (the page, the number, the tool and its sessions, the money paid), the PC and its owner,
 * what was done with ScareStop (with what was verified) and what is still open. Hostile text is
 * escaped and secrets are hidden.
 */
import type { Incident, TimelineEvent } from '../ports/store.js';
import type { RemoteFinding } from '../../shared/remote.js';
import { actionLabel, adviceLabel, choiceLabel, recordLabel, stepLabel, toolNameIn, type Lang } from '../cleanup/texts.js';
import { openItems } from '../cleanup/summary.js';
import type { PlanStep, WizardState } from '../cleanup/types.js';
import { el, esc, raw, table, text, type Html } from './html.js';
import { answerText, describeEvent, evidenceLine, questionText, toolStory } from './report-story.js';
import { formatTime, zoneDescription } from './report-time.js';
import { reportText as t } from './report-texts.js';
import { REPORT_CSS } from './style.js';
import { remoteSessionsSection } from './remote-sessions-section.js';

/** The PC the report was written on (from the OS; any field may be unknown). */
export interface MachineFacts {
  readonly computerName?: string;
  readonly userName?: string;
  readonly system?: string;
}

/** What the report is made of. */
export interface ReportInput {
  readonly incident: Incident;
  readonly timeline: readonly TimelineEvent[];
  readonly wizard?: WizardState;
  readonly lang: Lang;
  readonly generatedAt: number;
  /** IANA time zone for times (default: the system's). */
  readonly timeZone?: string;
  readonly machine?: MachineFacts;
}

const section = (title: string, ...body: Html[]): Html => el('section', [el('h2', title), ...body]);

function findingsOf(input: ReportInput): RemoteFinding[] {
  const findings = new Map<string, RemoteFinding>();
  for (const event of input.timeline) if (event.payload.kind === 'finding') findings.set(event.payload.finding.toolId, event.payload.finding);
  for (const finding of input.wizard?.context.findings ?? []) if (!findings.has(finding.toolId)) findings.set(finding.toolId, finding);
  return [...findings.values()];
}

function machineSection(input: ReportInput): Html {
  const { lang, machine } = input;
  const value = (fact: string | undefined) => fact ?? t('unknown', lang);
  return section(t('machine', lang), table([t('computerName', lang), t('account', lang), t('system', lang)], [[value(machine?.computerName), value(machine?.userName), value(machine?.system)]]));
}

/** The scam itself in time order: pages, tools and sessions; then what the person said about money. */
function storySection(input: ReportInput): Html {
  const { lang } = input;
  const rows: { at: number; cells: (string | Html)[] }[] = [];
  // The address comes later than the detection (the browser writes it down after a few seconds).
  const addressByTitle = new Map<string, string>();
  for (const event of input.timeline) if (event.payload.kind === 'page' && !addressByTitle.has(event.payload.title)) addressByTitle.set(event.payload.title, event.payload.url);
  for (const event of input.timeline) {
    if (event.payload.kind !== 'detection') continue;
    const { title, brand, phones } = event.payload;
    const url = event.payload.url ?? addressByTitle.get(title);
    const lines = [
      `${t('pageTitle', lang)}：${title}`,
      ...(url === undefined ? [] : [`${t('address', lang)}：${url}`]),
      ...(brand === undefined ? [] : [`${t('brand', lang)}：${brand}`]),
      ...(phones.length === 0 ? [] : [`${t('phone', lang)}：${phones.join(', ')}`]),
    ].map((line) => (lang === 'en' ? line.replace('：', ': ') : line));
    rows.push({ at: event.at, cells: [formatTime(event.at, lang, input.timeZone), raw(`<strong>${esc(t('scamPage', lang))}</strong><ul>${lines.map((line) => `<li>${text(line)}</li>`).join('')}</ul>`)] });
  }
  for (const finding of findingsOf(input)) {
    for (const item of toolStory(finding, lang)) {
      const at = Date.parse(item.at);
      if (!Number.isNaN(at)) rows.push({ at, cells: [formatTime(at, lang, input.timeZone), item.text] });
    }
  }
  rows.sort((a, b) => a.at - b.at);
  const body = rows.length === 0 ? el('p', t('storyNone', lang)) : table([t('time', lang), t('what', lang)], rows.map((row) => row.cells));
  const phones = input.timeline.some((event) => event.payload.kind === 'detection' && event.payload.phones.length > 0);
  return section(t('story', lang), body, ...(phones ? [el('p', t('doNotCall', lang), 'warning')] : []), paymentsPart(input));
}

function paymentsPart(input: ReportInput): Html {
  const { lang } = input;
  const answers = input.wizard?.answers;
  const paid = answers?.paid?.filter((payment) => payment !== 'none') ?? [];
  if (answers?.paid === undefined) return raw('');
  if (paid.length === 0) return el('p', t('noPayment', lang));
  const unknown = t('unknown', lang);
  const row = [paid.map((payment) => choiceLabel(payment, lang)).join(lang === 'ja' ? '、' : ', '), answers.paidAmount || unknown, answers.paidWhen || unknown, paid.includes('gift-card') ? answers.giftCards || unknown : '—'];
  return raw(el('h3', t('payments', lang)).html + table([t('method', lang), t('amount', lang), t('paidWhen', lang), t('giftCards', lang)], [row]).html);
}

function answersSection(input: ReportInput): Html {
  const { lang } = input;
  const answers = new Map<string, string | readonly string[]>();
  for (const event of input.timeline) if (event.payload.kind === 'answer') answers.set(event.payload.question, event.payload.answer);
  if (answers.size === 0) return section(t('answers', lang), el('p', t('noAnswers', lang)));
  const rows = [...answers].map(([question, answer]) => [questionText(question, lang), answerText(question, answer, lang)]);
  return section(t('answers', lang), table([t('question', lang), t('answer', lang)], rows));
}

function toolOutcome(finding: RemoteFinding, wizard: WizardState | undefined, lang: Lang): string {
  if (finding.builtIn === true) {
    const session = wizard?.plan?.steps.find((step) => step.toolId === finding.toolId);
    return session === undefined ? t('builtIn', lang) : `${t('builtIn', lang)}${lang === 'ja' ? '。' : '. '}${stepLabel(session, lang)}${lang === 'ja' ? '：' : ': '}${recordLabel(wizard?.steps[session.id], lang)}`;
  }
  const steps = wizard?.plan?.steps.filter((step) => step.toolId === finding.toolId) ?? [];
  if (steps.length === 0) return t('notHandled', lang);
  const remove = steps.find((step) => step.kind === 'remove');
  const record = remove === undefined ? undefined : wizard?.steps[remove.id];
  // "Gone" only when the removal step's own fresh scan found nothing left.
  if (record?.status === 'done' && record.verification === 'checked') return t('gone', lang);
  return steps.map((step) => `${stepLabel(step, lang)}${lang === 'ja' ? '：' : ': '}${recordLabel(wizard?.steps[step.id], lang)}`).join(lang === 'ja' ? '／' : ' / ');
}

function toolsSection(input: ReportInput): Html {
  const { lang } = input;
  const findings = findingsOf(input);
  if (findings.length === 0) return section(t('tools', lang), el('p', t('noTools', lang)));
  const rows = findings.map((finding) => [
    toolNameIn(finding.name, lang),
    raw(`<ul>${finding.evidence.slice(0, 20).map((item) => `<li>${text(`${evidenceLine(item, lang)}${item.at === undefined ? '' : lang === 'ja' ? `（${formatTime(item.at, lang, input.timeZone)}）` : ` (${formatTime(item.at, lang, input.timeZone)})`}`)}</li>`).join('')}</ul>`),
    toolOutcome(finding, input.wizard, lang),
  ]);
  return section(t('tools', lang), table([t('tool', lang), t('evidence', lang), t('outcome', lang)], rows));
}

/** A step's result; the questions are "answered", the money advice "n of m done". */
function stepResult(step: PlanStep, wizard: WizardState, lang: Lang): string {
  const record = wizard.steps[step.id];
  if (step.kind === 'questions') return record?.status === 'done' ? t('answered', lang) : recordLabel(record, lang);
  if (step.kind !== 'accounts' || record === undefined || record.status === 'pending') return recordLabel(record, lang);
  const done = record.checked?.length ?? 0;
  return lang === 'ja' ? `${step.actions.length}つのうち${done}つ済み` : `${done} of ${step.actions.length} done`;
}

function doneSection(input: ReportInput): Html {
  const { lang, wizard } = input;
  if (wizard?.plan === undefined) return section(t('did', lang), el('p', t('noWizard', lang)));
  const rows = wizard.plan.steps.map((step) => [
    stepLabel(step, lang),
    step.kind === 'questions' ? '—' : raw(`<ul>${step.actions.slice(0, 20).map((action) => `<li>${text(actionLabel(action, lang))}</li>`).join('')}</ul>`),
    stepResult(step, wizard, lang),
  ]);
  return section(t('did', lang), table([t('step', lang), t('actions', lang), t('result', lang)], rows));
}

function openSection(input: ReportInput): Html {
  const { lang, wizard } = input;
  const items = wizard === undefined ? [] : openItems(wizard);
  const list = items.map((item) => (item.kind === 'advice' ? adviceLabel(item.id, lang) : `${stepLabel(item.step, lang)}${lang === 'ja' ? '（' : ' ('}${recordLabel(wizard?.steps[item.step.id], lang)}${lang === 'ja' ? '）' : ')'}`));
  const body = list.length === 0 ? el('p', wizard === undefined ? t('noWizard', lang) : t('nothingOpen', lang)) : raw(`<ul class="open">${list.map((line) => `<li>☐ ${text(line)}</li>`).join('')}</ul>`);
  return section(t('openSteps', lang), body);
}

function logSection(input: ReportInput): Html {
  const { lang } = input;
  const rows = input.timeline.map((event) => [formatTime(event.at, lang, input.timeZone), describeEvent(event.payload, input.wizard, lang)]);
  return section(t('log', lang), rows.length === 0 ? el('p', '—') : table([t('time', lang), t('what', lang)], rows));
}

/** Renders the report as a complete HTML document. */
export function renderReport(input: ReportInput): string {
  const { lang, incident } = input;
  const time = (at: number) => formatTime(at, lang, input.timeZone);
  const meta = table(
    [t('incident', lang), t('opened', lang), t('closed', lang), t('generated', lang), t('timeZone', lang)],
    [[incident.id, time(incident.openedAt), incident.closedAt === undefined ? '—' : time(incident.closedAt), time(input.generatedAt), zoneDescription(input.timeZone, input.generatedAt)]],
  );
  const body = [el('h1', t('title', lang)), meta, machineSection(input), storySection(input), toolsSection(input), remoteSessionsSection(input.timeline, lang, input.timeZone), answersSection(input), doneSection(input), openSection(input), logSection(input), el('p', t('footer', lang), 'footer')];
  return [
    '<!DOCTYPE html>',
    `<html lang="${esc(lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    // No scripts, no network: the file is safe to open, mail and print anywhere.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${text(`${t('title', lang)} — ${incident.id}`, 200)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    `<body>${body.map((part) => part.html).join('\n')}</body>`,
    '</html>',
    '',
  ].join('\n');
}
