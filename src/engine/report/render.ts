/**
 * The incident report: one self-contained, printable HTML file (no scripts, no external
 * resources) with the timeline, what the scam page showed, the tools found and removed, the
 * user's answers and the next steps still open. All text is escaped and secrets are hidden.
 */
import type { Incident, TimelineEvent, TimelinePayload } from '../ports/store.js';
import type { RemoteFinding } from '../../shared/remote.js';
import { assertNever } from '../../shared/result.js';
import { actionLabel, adviceLabel, choiceLabel, questionLabel, statusLabel, stepLabel, type Lang } from '../cleanup/texts.js';
import { openItems } from '../cleanup/summary.js';
import type { QuestionId, StepStatus, WizardState } from '../cleanup/types.js';
import { el, esc, raw, table, text, type Html } from './html.js';
import { reportText as t } from './report-texts.js';
import { REPORT_CSS } from './style.js';
import { describeRemoteEvent } from '../remote/live/remote-wording.js';
import { remoteSessionsSection } from './remote-sessions-section.js';

/** What the report is made of. */
export interface ReportInput {
  readonly incident: Incident;
  readonly timeline: readonly TimelineEvent[];
  readonly wizard?: WizardState;
  readonly lang: Lang;
  readonly generatedAt: number;
  /** IANA time zone for times (default: the system's). */
  readonly timeZone?: string;
}

const QUESTION_IDS: ReadonlySet<string> = new Set(['calledNumber', 'remoteControl', 'paid', 'typedSecrets', 'openedAttachment']);

// Building an Intl formatter costs far more than using one: keep one per language and zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatTime(ms: number, lang: Lang, timeZone?: string): string {
  const key = `${lang}|${timeZone ?? ''}`;
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'medium', timeStyle: 'medium', ...(timeZone === undefined ? {} : { timeZone }) });
    formatters.set(key, formatter);
  }
  return formatter.format(ms);
}

function describeEvent(payload: TimelinePayload, lang: Lang): string {
  switch (payload.kind) {
    case 'detection':
      return `${t('detected', lang)}: ${payload.title}${payload.brand === undefined ? '' : ` (${payload.brand})`}${payload.phones.length === 0 ? '' : ` ☎ ${payload.phones.join(', ')}`}`;
    case 'action':
      return `${payload.action}: ${payload.status}${payload.detail === undefined ? '' : ` — ${payload.detail}`}`;
    case 'finding':
      return `${t('toolFound', lang)}: ${payload.finding.name} (${t(`risk-${payload.finding.risk}`, lang)})`;
    case 'answer':
      return `${QUESTION_IDS.has(payload.question) ? questionLabel(payload.question as QuestionId, lang) : payload.question} → ${answerText(payload.answer, lang)}`;
    case 'step':
      return `${t('step', lang)} ${payload.step}: ${payload.status}${payload.detail === undefined ? '' : ` — ${payload.detail}`}`;
    case 'alert':
      return `${t('alert', lang)} (${payload.channel}): ${payload.status}${payload.detail === undefined ? '' : ` — ${payload.detail}`}`;
    case 'note':
      return payload.text;
    case 'remote':
      return describeRemoteEvent(payload, lang);
    default:
      return assertNever(payload, 'timeline payload');
  }
}

function answerText(answer: string | readonly string[], lang: Lang): string {
  return (typeof answer === 'string' ? [answer] : answer).map((item) => choiceLabel(item, lang)).join(', ');
}

function pageSection(input: ReportInput): Html {
  const { lang } = input;
  const rows: string[][] = [];
  const seen = new Set<string>();
  const add = (title: string, brand: string | undefined, phones: readonly string[]) => {
    const key = `${title}|${brand ?? ''}|${phones.join(',')}`;
    if (seen.has(key)) return;
    seen.add(key);
    rows.push([title, brand ?? '—', phones.length === 0 ? '—' : phones.join(', ')]);
  };
  for (const event of input.timeline) if (event.payload.kind === 'detection') add(event.payload.title, event.payload.brand, event.payload.phones);
  for (const detection of input.wizard?.context.detections ?? []) add(detection.title, detection.brand, detection.phones);
  const body = rows.length === 0 ? el('p', t('noPage', lang)) : raw(table([t('pageTitle', lang), t('brand', lang), t('phone', lang)], rows).html + el('p', t('doNotCall', lang), 'warning').html);
  return el('section', [el('h2', t('scamPage', lang)), body]);
}

function toolOutcome(finding: RemoteFinding, wizard: WizardState | undefined, lang: Lang): string {
  const statuses: StepStatus[] = [];
  for (const step of wizard?.plan?.steps ?? []) {
    if (step.toolId === finding.toolId) statuses.push(wizard?.steps[step.id]?.status ?? 'pending');
  }
  if (statuses.length === 0) return finding.builtIn === true ? t('builtIn', lang) : t('notHandled', lang);
  if (statuses.every((status) => status === 'done')) return t('removed', lang);
  return statuses.map((status) => statusLabel(status, lang)).join(' / ');
}

function toolsSection(input: ReportInput): Html {
  const { lang } = input;
  const findings = new Map<string, RemoteFinding>();
  for (const event of input.timeline) if (event.payload.kind === 'finding') findings.set(event.payload.finding.toolId, event.payload.finding);
  for (const finding of input.wizard?.context.findings ?? []) if (!findings.has(finding.toolId)) findings.set(finding.toolId, finding);
  if (findings.size === 0) return el('section', [el('h2', t('tools', lang)), el('p', t('noTools', lang))]);
  const rows = [...findings.values()].map((finding) => [
    finding.name,
    t(`risk-${finding.risk}`, lang),
    raw(`<ul>${finding.evidence.slice(0, 20).map((item) => `<li>${text(`${item.kind}: ${item.detail}${item.path === undefined ? '' : ` (${item.path})`}${item.at === undefined ? '' : ` @ ${item.at}`}`)}</li>`).join('')}</ul>`),
    toolOutcome(finding, input.wizard, lang),
  ]);
  return el('section', [el('h2', t('tools', lang)), table([t('tool', lang), t('risk', lang), t('evidence', lang), t('outcome', lang)], rows)]);
}

function answersSection(input: ReportInput): Html {
  const { lang } = input;
  const answers = new Map<string, string | readonly string[]>();
  for (const event of input.timeline) if (event.payload.kind === 'answer') answers.set(event.payload.question, event.payload.answer);
  if (answers.size === 0) return el('section', [el('h2', t('answers', lang)), el('p', t('noAnswers', lang))]);
  const rows = [...answers].map(([question, answer]) => [QUESTION_IDS.has(question) ? questionLabel(question as QuestionId, lang) : question, answerText(answer, lang)]);
  return el('section', [el('h2', t('answers', lang)), table([t('question', lang), t('answer', lang)], rows)]);
}

function stepsSection(input: ReportInput): Html {
  const { lang, wizard } = input;
  if (wizard?.plan === undefined) return el('section', [el('h2', t('steps', lang)), el('p', t('noWizard', lang))]);
  const rows = wizard.plan.steps.map((step) => {
    const record = wizard.steps[step.id];
    return [
      stepLabel(step, lang),
      raw(`<ul>${step.actions.map((action) => `<li>${text(actionLabel(action, lang))}</li>`).join('')}</ul>`),
      `${statusLabel(record?.status ?? 'pending', lang)}${record?.manual === true ? ` (${t('byHand', lang)})` : ''}${record?.detail === undefined ? '' : ` — ${record.detail}`}`,
    ];
  });
  return el('section', [el('h2', t('steps', lang)), table([t('step', lang), t('actions', lang), t('outcome', lang)], rows)]);
}

function openSection(input: ReportInput): Html {
  const { lang, wizard } = input;
  const items = wizard === undefined ? [] : openItems(wizard);
  const list = items.map((item) => (item.kind === 'advice' ? adviceLabel(item.id, lang) : `${stepLabel(item.step, lang)} — ${statusLabel(item.status, lang)}`));
  const body = list.length === 0 ? el('p', wizard === undefined ? t('noWizard', lang) : t('nothingOpen', lang)) : raw(`<ul class="open">${list.map((line) => `<li>☐ ${text(line)}</li>`).join('')}</ul>`);
  return el('section', [el('h2', t('openSteps', lang)), body]);
}

function timelineSection(input: ReportInput): Html {
  const { lang } = input;
  const rows = input.timeline.map((event) => [formatTime(event.at, lang, input.timeZone), t(`kind-${event.payload.kind}`, lang), describeEvent(event.payload, lang)]);
  return el('section', [el('h2', t('timeline', lang)), rows.length === 0 ? el('p', '—') : table([t('time', lang), t('kind', lang), t('what', lang)], rows)]);
}

/** Renders the report as a complete HTML document. */
export function renderReport(input: ReportInput): string {
  const { lang, incident } = input;
  const meta = table(
    [t('incident', lang), t('opened', lang), t('closed', lang), t('generated', lang)],
    [[incident.id, formatTime(incident.openedAt, lang, input.timeZone), incident.closedAt === undefined ? '—' : formatTime(incident.closedAt, lang, input.timeZone), formatTime(input.generatedAt, lang, input.timeZone)]],
  );
  const body = [
    el('h1', `${t('title', lang)}: ${incident.title}`),
    meta,
    pageSection(input),
    toolsSection(input),
    remoteSessionsSection(input.timeline, lang, input.timeZone),
    answersSection(input),
    stepsSection(input),
    openSection(input),
    timelineSection(input),
    el('p', t('footer', lang), 'footer'),
  ];
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
