/** Plain words for the plan's actions, advice, help lines and action results (ja/en). */
import type { OutcomeStatus } from '../ports/store.js';
import { assertNever } from '../../shared/result.js';
import { pick, questionLabel, toolNameIn, type Lang, type Pair } from './texts.js';
import type { AdviceId, ManualId, OfficialContactId, PlanAction, PlanStep } from './types.js';

const adviceText: Readonly<Record<AdviceId, Pair>> = {
  'call-card-company': {
    ja: 'カード会社の24時間の窓口（カードの裏の番号）に電話して、カードを止めてもらう',
    en: 'Call your card company’s 24-hour line (the number on the back of the card) to block the card',
  },
  'call-bank': { ja: '銀行に電話して、振り込みのことと口座を止めることを相談する', en: 'Call your bank about the transfer and ask them to protect your account' },
  'gift-card-issuer': {
    ja: 'カードの発行会社（Google Play・Apple・Amazon など）にすぐ連絡して、カードとカードの番号を伝える。レシートは捨てずに取っておき、警察にも伝える',
    en: 'Contact the gift-card company (Google Play, Apple, Amazon…) quickly with the card and its number. Keep the receipt, and tell the police',
  },
  'e-money-provider': { ja: '電子マネー・スマホ決済の会社に連絡する', en: 'Contact the e-money or payment app company' },
  'change-passwords': { ja: '別の機器から、メール・銀行・買い物サイトのパスワードを変える', en: 'From another device, change the passwords of your email, bank and shopping accounts' },
  'watch-statements': { ja: 'しばらくの間、カードと口座の明細を確かめる', en: 'Check your card and bank statements for the next weeks' },
  'scan-attachment': { ja: 'ウイルス対策ソフトで、パソコン全体を検査する', en: 'Run a full scan with your antivirus program' },
  'full-scan': {
    ja: 'ウイルス対策ソフトで、パソコン全体を検査する（相手がパソコンを操作したため）',
    en: 'Run a full scan with your antivirus program (someone controlled your PC)',
  },
};

const officialText: Readonly<Record<OfficialContactId, Pair>> = {
  'jp-police-consult': {
    ja: '警察相談専用電話　#9110（平日の昼間。お住まいの地域の警察の相談窓口につながります）',
    en: 'Police consultation line #9110 (weekdays, daytime; your local police advice desk)',
  },
  'jp-police-emergency': { ja: '今まさにお金を取られそうなときは　110番', en: 'Police emergency 110 (if money is being taken right now)' },
  'jp-consumer': { ja: '消費者ホットライン　188（近くの消費生活センターにつながります）', en: 'Consumer hotline 188 (your local consumer centre)' },
  'jp-ipa': {
    ja: 'IPA 情報セキュリティ安心相談窓口　03-5978-7509（平日10時〜12時、13時30分〜17時。時間外は、IPAのホームページのチャットボットで相談できます）',
    en: 'IPA Information Security Safety Consultation 03-5978-7509 (weekdays 10:00–12:00 and 13:30–17:00; outside those hours, the chatbot on the IPA website)',
  },
  'card-company': { ja: 'カード会社の24時間の窓口（カードの裏に書いてある番号）', en: 'Your card company’s 24-hour line (the number on the back of the card)' },
  bank: { ja: 'お使いの銀行（通帳やキャッシュカードに書いてある番号）', en: 'Your bank (the number on your bank card or statement)' },
  'gift-card-issuer': {
    ja: 'カードの発行会社（Google Play・Apple・Amazon など）。カードとカードの番号、レシートを用意して、すぐに連絡してください',
    en: 'The gift-card company (Google Play, Apple, Amazon…): contact them quickly with the card, its number and the receipt',
  },
  'us-ftc': { ja: '米国連邦取引委員会（FTC）：reportfraud.ftc.gov', en: 'Federal Trade Commission (FTC): report the scam at reportfraud.ftc.gov' },
  'us-ic3': { ja: '米国FBIのネット犯罪窓口（IC3）：ic3.gov', en: 'FBI Internet Crime Complaint Center (IC3): ic3.gov' },
  'local-police': { ja: 'お近くの警察署', en: 'Your local police (their non-emergency number)' },
};

const manualText: Readonly<Record<ManualId, Pair>> = {
  'hang-up': { ja: '電話を切る（相手からかかってきても出ない）', en: 'Hang up (and do not answer if they call back)' },
  'close-browser': {
    ja: '警告の画面を閉じる（Escキーを長く押す、Alt＋F4、またはタスクマネージャーでブラウザーを終わらせる）',
    en: 'Close the warning page (hold Esc, press Alt+F4, or end the browser in Task Manager)',
  },
  'leave-builtin-session': { ja: '{tool}の画面で「終了」を押して、画面の共有を終わらせる', en: 'In {tool}, click “Leave” to end the screen sharing' },
};

const resultText: Readonly<Record<OutcomeStatus, Pair>> = {
  done: { ja: '済み', en: 'done' },
  'not-needed': { ja: '必要ありませんでした', en: 'not needed' },
  failed: { ja: 'うまくいきませんでした', en: 'did not work' },
  skipped: { ja: 'あとで', en: 'skipped' },
  started: { ja: '始めました', en: 'started' },
  'needs-admin': { ja: '管理者の許可が必要です', en: 'needs administrator permission' },
};

/** Advice in words. */
export const adviceLabel = (id: AdviceId, lang: Lang): string => pick(adviceText[id], lang);
/** A public help line in words. */
export const officialLabel = (id: OfficialContactId, lang: Lang): string => pick(officialText[id], lang);
/** An action's result status in words. */
export const resultLabel = (status: OutcomeStatus, lang: Lang): string => pick(resultText[status], lang);

/** One action in words. */
export function actionLabel(action: PlanAction, lang: Lang): string {
  const ja = lang === 'ja';
  switch (action.kind) {
    case 'network-off':
      return ja ? 'インターネットを切る（切れたか確かめます）' : 'Turn the network off (and check)';
    case 'network-on':
      return ja ? 'インターネットをつなぎ直す（つながったか確かめます）' : 'Turn the network back on (and check)';
    case 'stop-process':
      return ja ? `${action.name}を止める（番号 ${action.pid}）` : `Stop ${action.name} (process ${action.pid})`;
    case 'stop-service':
      return ja ? `常に動いている「${action.name}」を止めて、自動で動かないようにする` : `Stop and disable the service "${action.name}"`;
    case 'uninstall':
      return ja ? `${toolNameIn(action.toolName, lang)}をパソコンから削除する（アンインストール）` : `Uninstall ${action.toolName}`;
    case 'quarantine':
      return ja ? `ファイルを保管用フォルダーに移す（消さずに取っておき、あとで戻せます）：${action.path}` : `Move to the safe-keeping folder (can be put back): ${action.path}`;
    case 'remove-autostart':
      return ja ? `自動で起動する設定を外す：${action.name}` : `Remove from autostart: ${action.name}`;
    case 'manual-uninstall':
      return ja
        ? `${toolNameIn(action.toolName, lang)}を「設定」→「アプリ」から削除する${action.how === undefined ? '' : `（${action.how}）`}`
        : `Uninstall ${action.toolName} in Settings > Apps${action.how === undefined ? '' : ` (${action.how})`}`;
    case 'rescan':
      return ja ? 'もう一度調べて、何も残っていないか確かめる' : 'Scan again to check nothing is left';
    case 'check-stopped':
      return ja ? 'もう動いていないか確かめる' : 'Check that it no longer runs';
    case 'manual':
      return pick(manualText[action.id], lang).replace('{tool}', toolNameIn(action.toolName ?? '', lang));
    case 'question':
      return questionLabel(action.id, lang);
    case 'official':
      return officialLabel(action.id, lang);
    case 'advice':
      return adviceLabel(action.id, lang);
    case 'contact':
      return [action.contact.name, action.contact.phone, action.contact.url, action.contact.note].filter((part) => part !== undefined && part !== '').join(ja ? '　' : ' — ');
    default:
      return assertNever(action, 'plan action');
  }
}

/** Says so when a step may need administrator rights. */
export function adminNote(step: PlanStep, lang: Lang): string | undefined {
  if (step.admin === 'never') return undefined;
  if (step.admin === 'required') return lang === 'ja' ? 'この手順には管理者の許可が必要です（確認の画面が出ます）。' : 'This step needs administrator permission (Windows will ask).';
  return lang === 'ja' ? '管理者の許可を求めることがあります。' : 'This step may ask for administrator permission.';
}
