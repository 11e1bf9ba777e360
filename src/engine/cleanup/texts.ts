/**
 * Plain words for the wizard's screens and the report, in Japanese and English. Short
 * sentences for a frightened reader; never a scare word that is not needed; Japanese with
 * full-width punctuation and no English mixed in (program names excepted).
 */
import type { QuestionId, StepKind, StepRecord, StepStatus } from './types.js';

/** Languages of the wizard and the report. */
export type Lang = 'ja' | 'en';

/** A text in both languages. */
export type Pair = { readonly ja: string; readonly en: string };

const questionText: Readonly<Record<QuestionId, Pair>> = {
  calledNumber: { ja: '画面に出た電話番号に電話しましたか？', en: 'Did you call the phone number on the screen?' },
  remoteControl: { ja: '誰かがあなたのパソコンにつないだり、操作したりしましたか？', en: 'Did someone connect to your PC or control it?' },
  paid: { ja: 'お金を払いましたか？（当てはまるものをすべて選んでください）', en: 'Did you pay anything? (choose all that apply)' },
  paidAmount: { ja: 'いくら払いましたか？（わからなければ、空のままで結構です）', en: 'How much did you pay? (leave it empty if you do not know)' },
  paidWhen: { ja: 'いつ払いましたか？（例：12月5日の午後3時ごろ）', en: 'When did you pay? (for example: 5 December, around 3 pm)' },
  giftCards: {
    ja: 'コンビニで買ったカード（Google Play・Apple など）の種類と、カードの番号を教えてください。',
    en: 'Which gift cards (Google Play, Apple, Amazon…) and their numbers?',
  },
  typedSecrets: {
    ja: 'パスワード、カード番号、銀行の情報を、パソコンに入力したり、電話で伝えたりしましたか？',
    en: 'Did you type — or say on the phone — passwords, card numbers or bank details?',
  },
  openedAttachment: { ja: 'メールの添付ファイルを開きましたか？', en: 'Did you open an email attachment?' },
};

const choiceText: Readonly<Record<string, Pair>> = {
  yes: { ja: 'はい', en: 'Yes' },
  no: { ja: 'いいえ', en: 'No' },
  unsure: { ja: 'わからない', en: 'Not sure' },
  'gift-card': { ja: 'コンビニで買ったカード（Google Play・Apple など）', en: 'Gift cards (Google Play, Apple, Amazon…)' },
  card: { ja: 'クレジットカード', en: 'Credit or debit card' },
  'bank-transfer': { ja: '銀行振り込み', en: 'Bank transfer' },
  'e-money': { ja: '電子マネー・スマホ決済', en: 'E-money or payment app' },
  none: { ja: 'いいえ・なし', en: 'No, nothing' },
  passwords: { ja: 'パスワード', en: 'Passwords' },
  bank: { ja: '銀行の情報', en: 'Bank details' },
};

const stepTitle: Readonly<Record<StepKind, Pair>> = {
  'hang-up': { ja: '電話を切ります', en: 'Hang up the phone' },
  disconnect: { ja: 'インターネットを切ります', en: 'Disconnect from the internet' },
  'close-browser': { ja: '警告の画面を閉じます', en: 'Close the warning page' },
  'end-session': { ja: '遠隔操作を終わらせます', en: 'End the remote session' },
  questions: { ja: 'いくつか質問します', en: 'A few questions' },
  remove: { ja: '遠隔操作ソフトを取り除きます', en: 'Remove the remote-access tool' },
  accounts: { ja: 'お金とアカウントを守ります', en: 'Protect your money and accounts' },
  help: { ja: '相談できるところ', en: 'Where to get help' },
  reconnect: { ja: 'インターネットをつなぎ直します', en: 'Reconnect to the internet' },
};

const stepWhy: Readonly<Record<StepKind, Pair>> = {
  'hang-up': {
    ja: 'まだ電話がつながっていたら、今すぐ切ってください。相手からかかってきても出ないでください。画面の番号には、もう電話しないでください。',
    en: 'If you are still on the phone with them, hang up now. Do not answer if they call back. Do not call the number on the screen again.',
  },
  disconnect: {
    ja: '相手がまだパソコンにつながっているかもしれません。まずインターネットを切ります。ご自身でもできます：LANケーブルを抜く、Wi-Fiを切る。',
    en: 'The scammer may still be connected. Cut the connection first. You can also do it yourself: unplug the network cable, switch Wi-Fi off.',
  },
  'close-browser': {
    ja: '警告の画面は偽物です。閉じてかまいません。閉じられないときは、Escキーを長く押す、Altキーを押しながらF4キーを押す、またはタスクマネージャーでブラウザーを終わらせてください。',
    en: 'The warning is fake: it is safe to close it. If it will not close: hold the Esc key, press Alt+F4, or end the browser in Task Manager.',
  },
  'end-session': {
    ja: '相手が使っていたソフトを止めて、もう動いていないことを確かめます。',
    en: 'Stop the program the scammer was using, and check that it no longer runs.',
  },
  questions: { ja: 'わかる範囲で答えてください。答えに合わせて、次にすることを決めます。', en: 'Answer as far as you know. The next steps depend on your answers.' },
  remove: {
    ja: 'ソフトをパソコンから取り除きます。ファイルは消さずに、ScareStopの保管用フォルダーに移します（あとで元に戻せます）。',
    en: 'Remove the program. Files are moved to ScareStop’s safe-keeping folder, not deleted, so they can be put back.',
  },
  accounts: { ja: '別の機器（スマホなど）から行ってください。済んだものを選んでください。', en: 'Do these from another device, such as your phone. Mark the ones you have done.' },
  help: { ja: 'ひとりで悩まずに相談してください。この記録を見せると、話が早く進みます。', en: 'You do not have to deal with this alone. Showing this record makes it quicker.' },
  reconnect: { ja: 'インターネットをつなぎ直して、つながるか確かめます。', en: 'Turn the internet back on and check that it works.' },
};

/** Shown when the person skips the disconnect: the danger in one sentence, and what to do. */
const skippedDisconnect: Pair = {
  ja: 'インターネットはまだつながっています。相手がまたパソコンに入ってくるおそれがあります。LANケーブルを抜くか、Wi-Fiを切ってください。',
  en: 'The internet is still connected: the scammer may get back into your PC. Unplug the network cable or switch Wi-Fi off.',
};

const statusText: Readonly<Record<StepStatus, Pair>> = {
  pending: { ja: 'まだです', en: 'Not done yet' },
  running: { ja: '途中で止まりました', en: 'Interrupted' },
  done: { ja: '済み（確認しました）', en: 'Done (checked)' },
  'not-needed': { ja: '必要ありませんでした', en: 'Not needed' },
  failed: { ja: 'うまくいきませんでした', en: 'Did not work' },
  'needs-admin': { ja: '管理者の許可が必要です', en: 'Needs administrator permission' },
  skipped: { ja: 'あとで行います（まだです）', en: 'Skipped (still to do)' },
};

const byYou: Readonly<Record<'checked' | 'unchecked' | 'automatic-unchecked', Pair>> = {
  checked: { ja: 'ご自身で済ませました（確認しました）', en: 'Done by you (checked)' },
  unchecked: { ja: 'ご自身で済ませました（確認はできません）', en: 'Done by you (could not check)' },
  'automatic-unchecked': { ja: '済み（確認はできません）', en: 'Done (could not check)' },
};

/** Picks the language. */
export const pick = (pair: Pair, lang: Lang): string => pair[lang];

/** The question in words. */
export const questionLabel = (id: QuestionId, lang: Lang): string => pick(questionText[id], lang);
/** A choice in words. */
export const choiceLabel = (choice: string, lang: Lang): string => (choiceText[choice] === undefined ? choice : pick(choiceText[choice], lang));
/** A tool's name without the English "(built into Windows)" note in Japanese text. */
export const toolNameIn = (name: string, lang: Lang): string => (lang === 'ja' ? name.replace(/\s*\([^()]*\)\s*$/u, '') : name);
/** A step's title, with the tool's name. */
export const stepLabel = (step: { readonly kind: StepKind; readonly toolName?: string }, lang: Lang): string =>
  `${pick(stepTitle[step.kind], lang)}${step.toolName === undefined ? '' : `${lang === 'ja' ? '：' : ': '}${toolNameIn(step.toolName, lang)}`}`;
/** Why the step matters and the manual way. */
export const stepExplanation = (step: { readonly kind: StepKind }, lang: Lang): string => pick(stepWhy[step.kind], lang);
/** The warning after the disconnect was skipped. */
export const skippedDisconnectWarning = (lang: Lang): string => pick(skippedDisconnect, lang);
/** A bare step status in words. */
export const statusLabel = (status: StepStatus, lang: Lang): string => pick(statusText[status], lang);

/**
 * What was verified, in words: done (checked) / done by you (checked) / done by you (could not
 * check) / skipped / … — the same words in the wizard, History and the report.
 */
export function recordLabel(record: Pick<StepRecord, 'status' | 'manual' | 'verification'> | undefined, lang: Lang): string {
  const status = record?.status ?? 'pending';
  if (status !== 'done') return statusLabel(status, lang);
  if (record?.manual === true) return pick(byYou[record.verification === 'checked' ? 'checked' : 'unchecked'], lang);
  return record?.verification === 'unchecked' ? pick(byYou['automatic-unchecked'], lang) : statusLabel('done', lang);
}

/** "Still running: X" in words, when a check found the tool running. */
export function stillRunningLabel(names: readonly string[], lang: Lang): string {
  // Names come as "AnyDesk (4242)": the process number in Japanese words and brackets.
  return lang === 'ja' ? `まだ動いています：${names.map((name) => name.replace(/ \((\d+)\)$/u, '（番号 $1）')).join('、')}` : `Still running: ${names.join(', ')}`;
}

export { actionLabel, adviceLabel, adminNote, officialLabel, resultLabel } from './texts-actions.js';
