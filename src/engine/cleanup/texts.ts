/**
 * Plain words for the wizard's screens and the report, in Japanese and English. Short
 * sentences for a frightened reader; never a scare word that is not needed.
 */
import { assertNever } from '../../shared/result.js';
import type { AdviceId, PlanAction, PlanStep, QuestionId, StepStatus } from './types.js';

/** Languages of the wizard and the report. */
export type Lang = 'ja' | 'en';

type Pair = { readonly ja: string; readonly en: string };

const questionText: Readonly<Record<QuestionId, Pair>> = {
  calledNumber: { ja: '画面に出た電話番号に電話しましたか？', en: 'Did you call the phone number on the screen?' },
  remoteControl: { ja: '誰かがあなたのパソコンに接続したり、操作したりしましたか？', en: 'Did someone connect to your PC or control it?' },
  paid: { ja: 'お金を払いましたか？（当てはまるものをすべて）', en: 'Did you pay anything? (choose all that apply)' },
  typedSecrets: { ja: 'パスワード、カード番号、銀行の情報を入力しましたか？', en: 'Did you type passwords, card numbers or bank details?' },
  openedAttachment: { ja: 'メールの添付ファイルを開きましたか？', en: 'Did you open an email attachment?' },
};

const choiceText: Readonly<Record<string, Pair>> = {
  yes: { ja: 'はい', en: 'Yes' },
  no: { ja: 'いいえ', en: 'No' },
  unsure: { ja: 'わからない', en: 'Not sure' },
  'gift-card': { ja: 'ギフトカード（電子マネーカード）', en: 'Gift cards' },
  card: { ja: 'クレジットカード', en: 'Credit or debit card' },
  'bank-transfer': { ja: '銀行振込', en: 'Bank transfer' },
  'e-money': { ja: '電子マネー・スマホ決済', en: 'E-money or payment app' },
  none: { ja: 'いいえ・なし', en: 'No, nothing' },
  passwords: { ja: 'パスワード', en: 'Passwords' },
  bank: { ja: '銀行の情報', en: 'Bank details' },
};

const stepTitle: Readonly<Record<PlanStep['kind'], Pair>> = {
  disconnect: { ja: 'インターネットを切ります', en: 'Disconnect from the internet' },
  'end-session': { ja: '遠隔操作を止めます', en: 'End the remote session' },
  remove: { ja: '遠隔操作ソフトを取り除きます', en: 'Remove the remote-access tool' },
  accounts: { ja: 'お金とアカウントを守ります', en: 'Protect your money and accounts' },
  help: { ja: '相談できるところ', en: 'Where to get help' },
  reconnect: { ja: 'インターネットに戻します', en: 'Reconnect to the internet' },
};

const stepWhy: Readonly<Record<PlanStep['kind'], Pair>> = {
  disconnect: {
    ja: '相手がまだつながっているかもしれません。まずネットを切ります。自分でもできます：LANケーブルを抜く、Wi-Fiをオフにする。',
    en: 'The scammer may still be connected. Cut the connection first. You can also do it yourself: unplug the network cable, switch Wi-Fi off.',
  },
  'end-session': { ja: '相手が使っていたソフトを止めます。', en: 'Stop the program the scammer was using.' },
  remove: {
    ja: 'ソフトを取り除きます。消さずに隔離フォルダーに移すので、あとで戻せます。',
    en: 'Remove the program. Files are moved to a quarantine folder, not deleted, so they can be put back.',
  },
  accounts: { ja: '別の機器（スマホなど）から行ってください。', en: 'Do these from another device, such as your phone.' },
  help: { ja: 'ひとりで悩まず、相談してください。', en: 'You do not have to deal with this alone.' },
  reconnect: { ja: 'ネットを元に戻し、つながるか確かめます。', en: 'Turn the internet back on and check that it works.' },
};

const adviceText: Readonly<Record<AdviceId, Pair>> = {
  'call-card-company': { ja: 'カード会社に電話して、カードを止めてもらう（カード裏面の番号へ）', en: 'Call your card company to block the card (use the number on the back of the card)' },
  'call-bank': { ja: '銀行に電話して、振込や口座のことを相談する', en: 'Call your bank about the transfer and your account' },
  'gift-card-issuer': { ja: 'ギフトカードの発行会社に連絡する。カードとレシートは捨てずに保管', en: 'Contact the gift-card company. Keep the cards and the receipts' },
  'e-money-provider': { ja: '電子マネー・決済アプリの会社に連絡する', en: 'Contact the e-money or payment app company' },
  'change-passwords': { ja: '別の機器から、メール・銀行・ショッピングのパスワードを変える', en: 'From another device, change the passwords of your email, bank and shopping accounts' },
  'watch-statements': { ja: 'しばらくの間、カードと口座の明細を確認する', en: 'Check your card and bank statements for the next weeks' },
  'scan-attachment': { ja: 'ウイルス対策ソフトでパソコン全体を検査する', en: 'Run a full scan with your antivirus program' },
};

const statusText: Readonly<Record<StepStatus, Pair>> = {
  pending: { ja: 'まだ', en: 'Not done yet' },
  running: { ja: '途中で止まりました', en: 'Interrupted' },
  done: { ja: '完了', en: 'Done' },
  failed: { ja: 'うまくいきませんでした', en: 'Did not work' },
  'needs-admin': { ja: '管理者の許可が必要です', en: 'Needs administrator permission' },
  skipped: { ja: 'あとで', en: 'Left for later' },
};

const pick = (pair: Pair, lang: Lang) => pair[lang];

/** The question in words. */
export const questionLabel = (id: QuestionId, lang: Lang): string => pick(questionText[id], lang);
/** A choice in words. */
export const choiceLabel = (choice: string, lang: Lang): string => (choiceText[choice] === undefined ? choice : pick(choiceText[choice], lang));
/** A step's title, with the tool's name. */
export const stepLabel = (step: PlanStep, lang: Lang): string => `${pick(stepTitle[step.kind], lang)}${step.toolName === undefined ? '' : `: ${step.toolName}`}`;
/** Why the step matters and the manual way. */
export const stepExplanation = (step: PlanStep, lang: Lang): string => pick(stepWhy[step.kind], lang);
/** Advice in words. */
export const adviceLabel = (id: AdviceId, lang: Lang): string => pick(adviceText[id], lang);
/** A step status in words. */
export const statusLabel = (status: StepStatus, lang: Lang): string => pick(statusText[status], lang);

/** One action in words. */
export function actionLabel(action: PlanAction, lang: Lang): string {
  const ja = lang === 'ja';
  switch (action.kind) {
    case 'network-off':
      return ja ? 'ネットワークを切る（確認つき）' : 'Turn the network off (and check)';
    case 'network-on':
      return ja ? 'ネットワークを戻す（確認つき）' : 'Turn the network back on (and check)';
    case 'stop-process':
      return ja ? `${action.name} を終了（プロセス ${action.pid}）` : `Stop ${action.name} (process ${action.pid})`;
    case 'stop-service':
      return ja ? `サービス「${action.name}」を停止・無効化` : `Stop and disable the service "${action.name}"`;
    case 'uninstall':
      return ja ? `${action.toolName} をアンインストール` : `Uninstall ${action.toolName}`;
    case 'quarantine':
      return ja ? `隔離：${action.path}` : `Quarantine ${action.path}`;
    case 'remove-autostart':
      return ja ? `自動起動を削除：${action.name}` : `Remove from autostart: ${action.name}`;
    case 'manual-uninstall':
      return ja ? `${action.toolName} を「設定 > アプリ」からアンインストール` : `Uninstall ${action.toolName} in Settings > Apps${action.how === undefined ? '' : ` (${action.how})`}`;
    case 'rescan':
      return ja ? 'もう一度検査して、残っていないか確認' : 'Scan again to check nothing is left';
    case 'advice':
      return adviceLabel(action.id, lang);
    case 'contact':
      return [action.contact.name, action.contact.phone, action.contact.url, action.contact.note].filter((part) => part !== undefined).join(' — ');
    default:
      return assertNever(action, 'plan action');
  }
}

/** Says so when a step may need administrator rights. */
export function adminNote(step: PlanStep, lang: Lang): string | undefined {
  if (step.admin === 'never') return undefined;
  if (step.admin === 'required') return lang === 'ja' ? 'この手順には管理者の許可が必要です（確認画面が出ます）。' : 'This step needs administrator permission (Windows will ask).';
  return lang === 'ja' ? '管理者の許可を求めることがあります。' : 'This step may ask for administrator permission.';
}
