/** Labels of the report in Japanese and English. */
import type { Lang } from '../cleanup/texts.js';

const labels = {
  title: { ja: 'ScareStop 被害の記録', en: 'ScareStop incident report' },
  incident: { ja: '記録番号', en: 'Incident' },
  opened: { ja: '開始', en: 'Started' },
  closed: { ja: '終了', en: 'Closed' },
  generated: { ja: '作成', en: 'Written' },
  scamPage: { ja: '詐欺の画面に表示されていたこと', en: 'What the scam page showed' },
  pageTitle: { ja: '画面のタイトル', en: 'Page title' },
  brand: { ja: 'なりすまし先', en: 'Pretended to be' },
  phone: { ja: '電話番号', en: 'Phone number' },
  doNotCall: { ja: 'この番号には電話しないでください。', en: 'Do not call these numbers.' },
  noPage: { ja: '記録された詐欺画面はありません。', en: 'No scam page was recorded.' },
  detected: { ja: '詐欺画面を検出', en: 'Scam page detected' },
  toolFound: { ja: '遠隔操作ソフトを発見', en: 'Remote-access tool found' },
  tools: { ja: '見つかった遠隔操作ソフト', en: 'Remote-access tools found' },
  noTools: { ja: '遠隔操作ソフトは見つかりませんでした。', en: 'No remote-access tool was found.' },
  tool: { ja: 'ソフト', en: 'Tool' },
  risk: { ja: '危険度', en: 'Risk' },
  evidence: { ja: '根拠', en: 'Evidence' },
  outcome: { ja: '結果', en: 'Outcome' },
  removed: { ja: '停止・除去済み', en: 'Stopped and removed' },
  notHandled: { ja: '未対応', en: 'Not handled' },
  builtIn: { ja: 'Windows標準機能（削除しません）', en: 'Built into Windows (not removed)' },
  answers: { ja: 'あなたの回答', en: 'Your answers' },
  noAnswers: { ja: '質問にはまだ答えていません。', en: 'The questions have not been answered.' },
  question: { ja: '質問', en: 'Question' },
  answer: { ja: '回答', en: 'Answer' },
  steps: { ja: '行った手順', en: 'Steps taken' },
  step: { ja: '手順', en: 'Step' },
  actions: { ja: '内容', en: 'What it does' },
  byHand: { ja: '手作業', en: 'by hand' },
  noWizard: { ja: '回復の手順はまだ始まっていません。', en: 'The recovery steps have not started.' },
  openSteps: { ja: 'これからすること', en: 'Next steps still open' },
  nothingOpen: { ja: '残っている手順はありません。', en: 'Nothing is left to do.' },
  timeline: { ja: '時系列', en: 'Timeline' },
  time: { ja: '時刻', en: 'Time' },
  kind: { ja: '種類', en: 'Kind' },
  what: { ja: '内容', en: 'What happened' },
  alert: { ja: '家族への通知', en: 'Family alert' },
  footer: {
    ja: 'この記録はScareStopがこのパソコンの中で作成しました。パスワードや暗証番号は含みません。銀行・警察・ご家族に見せることができます。',
    en: 'ScareStop wrote this record on this PC. It contains no passwords or PINs. You can show it to your bank, the police or your family.',
  },
} as const;

/** A report label in the language. */
export function reportText(key: keyof typeof labels, lang: Lang): string {
  return labels[key][lang];
}
