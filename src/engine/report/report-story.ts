/**
 * The report's words for what happened: evidence and timeline events in the report's one
 * language. The scanner's and the system's own details are English: a Japanese report keeps
 * only what is language-free in them (paths, numbers, caller IDs).
 */
import type { TimelinePayload } from '../ports/store.js';
import type { Evidence, RemoteFinding } from '../../shared/remote.js';
import { assertNever } from '../../shared/result.js';
import { actionLabel, choiceLabel, questionLabel, recordLabel, resultLabel, stepLabel, toolNameIn, type Lang } from '../cleanup/texts.js';
import type { PlanAction, QuestionId, WizardState } from '../cleanup/types.js';
import { questions } from '../cleanup/questions.js';
import { reportText as t } from './report-texts.js';
import { describeRemoteEvent } from '../remote/live/remote-wording.js';

const QUESTION_IDS: ReadonlySet<string> = new Set(questions.map((question) => question.id));

const evidenceWords: Readonly<Record<Evidence['kind'], { readonly ja: string; readonly en: string }>> = {
  installed: { ja: 'パソコンに入っていました', en: 'Installed' },
  running: { ja: '動いていました', en: 'Was running' },
  service: { ja: '常に動く設定（サービス）がありました', en: 'Installed as a service' },
  portable: { ja: 'プログラムのファイルがありました', en: 'Program file found' },
  autostart: { ja: '自動で起動する設定がありました', en: 'Set to start automatically' },
  unattended: { ja: '相手がいつでも入れる設定（無人アクセス）がありました', en: 'Set for unattended access (the caller can get in at any time)' },
  'incoming-session': { ja: '外から接続されました', en: 'Incoming connection' },
  connected: { ja: '外とつながっていました', en: 'Was connected' },
};

/** An evidence line: plain words, the caller's ID when the log names one, the path. */
export function evidenceLine(item: Evidence, lang: Lang): string {
  const caller = /\(caller ([^)]{1,60})\)/u.exec(item.detail)?.[1];
  const words = lang === 'en' ? item.detail : evidenceWords[item.kind].ja;
  const id = caller === undefined || lang === 'en' ? '' : `（相手のID：${caller}）`;
  const pid = item.pid === undefined || lang === 'en' ? '' : `（番号 ${item.pid}）`;
  const path = item.path === undefined ? '' : lang === 'ja' ? `：${item.path}` : ` (${item.path})`;
  return `${words}${id}${pid}${path}`;
}

/** What a tool's evidence says happened when, for the story (only dated evidence). */
export function toolStory(finding: RemoteFinding, lang: Lang): { at: string; text: string }[] {
  const name = toolNameIn(finding.name, lang);
  return finding.evidence.flatMap((item) => (item.at === undefined ? [] : [{ at: item.at, text: `${name}：${evidenceLine(item, lang)}`.replace('：', lang === 'ja' ? '：' : ': ') }]));
}

/** An answer in words. */
export function answerText(question: string, answer: string | readonly string[], lang: Lang): string {
  if (typeof answer === 'string' && QUESTION_IDS.has(question) && ['paidAmount', 'paidWhen', 'giftCards'].includes(question)) return answer === '' ? t('unknown', lang) : answer;
  return (typeof answer === 'string' ? [answer] : answer).map((item) => choiceLabel(item, lang)).join(lang === 'ja' ? '、' : ', ');
}

/** A question in words (ids of older versions shown as they are). */
export function questionText(question: string, lang: Lang): string {
  return QUESTION_IDS.has(question) ? questionLabel(question as QuestionId, lang) : question;
}

function stepName(id: string, wizard: WizardState | undefined, lang: Lang): string {
  if (id === 'wizard') return '';
  const step = wizard?.plan?.steps.find((candidate) => candidate.id === id);
  return step === undefined ? t('step', lang) : stepLabel(step, lang);
}

function actionName(kind: string, lang: Lang): string {
  const sample: Record<string, PlanAction> = {
    'network-off': { kind: 'network-off' },
    'network-on': { kind: 'network-on' },
    rescan: { kind: 'rescan', toolId: '' },
    'check-stopped': { kind: 'check-stopped', toolId: '' },
  };
  const known = sample[kind];
  if (known !== undefined) return actionLabel(known, lang);
  const words: Record<string, { ja: string; en: string }> = {
    'stop-process': { ja: 'プログラムを止める', en: 'Stop the program' },
    'stop-service': { ja: '常に動く設定（サービス）を止める', en: 'Stop the service' },
    uninstall: { ja: 'アンインストール', en: 'Uninstall' },
    quarantine: { ja: 'ファイルを保管用フォルダーに移す', en: 'Move the file to the safe-keeping folder' },
    'remove-autostart': { ja: '自動で起動する設定を外す', en: 'Remove from autostart' },
    'close-window': { ja: '警告の画面を閉じる', en: 'Close the warning page' },
    'close-scam-page': { ja: '警告の画面を閉じる', en: 'Close the warning page' },
  };
  return words[kind]?.[lang] ?? kind;
}

/** One timeline event in the report's language, without internal ids. */
export function describeEvent(payload: TimelinePayload, wizard: WizardState | undefined, lang: Lang): string {
  const sep = lang === 'ja' ? '：' : ': ';
  switch (payload.kind) {
    case 'detection':
      return `${t('scamPage', lang)}${sep}${payload.title}${payload.phones.length === 0 ? '' : ` ☎ ${payload.phones.join(', ')}`}`;
    case 'action':
      return `${actionName(payload.action, lang)}${sep}${resultLabel(payload.status, lang)}${lang === 'en' && payload.detail !== undefined ? ` — ${payload.detail}` : ''}`;
    case 'finding':
      return `${lang === 'ja' ? '遠隔操作ソフトを見つけました' : 'Remote-access tool found'}${sep}${toolNameIn(payload.finding.name, lang)}`;
    case 'answer':
      return `${questionText(payload.question, lang)} → ${answerText(payload.question, payload.answer, lang)}`;
    case 'step': {
      if (payload.step === 'wizard') return payload.status === 'started' ? t('wizardStarted', lang) : t('wizardDone', lang);
      const record = wizard?.steps[payload.step];
      const status = payload.status === 'started' ? t('started', lang) : payload.status === 'done' && record !== undefined ? recordLabel(record, lang) : resultLabel(payload.status, lang);
      return `${stepName(payload.step, wizard, lang)}${sep}${status}`;
    }
    case 'alert':
      return `${t('kind-alert', lang)}${sep}${resultLabel(payload.status, lang)}`;
    case 'note':
      return payload.text;
    case 'remote':
      return describeRemoteEvent(payload, lang);
    case 'page':
      return `${lang === 'ja' ? '偽の警告画面のアドレス' : 'Address of the fake warning page'}${sep}${payload.url}`;
    default:
      return assertNever(payload, 'timeline payload');
  }
}
