/** The few texts main itself shows (tray menu, tooltip, notifications), in Japanese and English. */
import type { Language } from '../shared/ipc.js';

export const mainLabels = {
  en: {
    closeNow: 'Close scary screen',
    scan: 'Scan for remote access tools',
    wizard: 'Recovery wizard',
    history: 'History',
    settings: 'Settings',
    resume: 'Resume protection',
    quit: 'Quit ScareStop',
    tooltipWatching: 'ScareStop: protecting your PC',
    tooltipPaused: 'ScareStop: paused',
    tooltipAlert: 'ScareStop: a fake warning was found',
    tooltipProblem: 'ScareStop: cannot see your windows right now (retrying)',
    notifyDetectedTitle: 'This warning is fake',
    notifyDetectedBody: 'Your PC is fine. Do not call the number.',
    notifyClosedTitle: 'Fake warning closed',
    notifyClosedBody: 'ScareStop closed a fake warning page.',
    notifyScanTitle: 'Remote-access check finished',
    notifyScanBody: '{count} remote-access tools found.',
    closeNothingTitle: 'Nothing was closed',
    closeNotBrowserBody: 'The window in front is not a web browser, so ScareStop left it alone. Click the scary screen once, then try again.',
    closeNoWindowBody: 'No window is in front. Click the scary screen once, then try again.',
    notifyRemotePausedTitle: 'ScareStop stopped a remote-control program',
    notifyRemotePausedBody: 'Someone may be trying to control your PC with {tool}. If a caller told you to install it, hang up.',
    notifyRemoteTitle: 'A remote-control program is running',
    notifyRemoteStartedBody: '{tool} started. With it, someone else can see and control this PC. If you did not start it yourself, open ScareStop.',
    notifyRemoteConnectedBody: 'Someone connected to this PC with {tool}. If you do not know who it is, open ScareStop.',
  },
  ja: {
    closeNow: '怖い画面を閉じる',
    scan: '遠隔操作ソフトを確認する',
    wizard: '回復の手順',
    history: '履歴',
    settings: '設定',
    resume: '保護を再開する',
    quit: 'スケアストップを終了する',
    tooltipWatching: 'スケアストップ: パソコンを守っています',
    tooltipPaused: 'スケアストップ: 一時停止中',
    tooltipAlert: 'スケアストップ: 偽の警告を見つけました',
    tooltipProblem: 'スケアストップ: 今はウィンドウを確認できません(再試行中)',
    notifyDetectedTitle: 'この警告は偽物です',
    notifyDetectedBody: 'パソコンは大丈夫です。表示された番号に電話しないでください。',
    notifyClosedTitle: '偽の警告を閉じました',
    notifyClosedBody: 'スケアストップが偽の警告ページを閉じました。',
    notifyScanTitle: '遠隔操作ソフトの確認が終わりました',
    notifyScanBody: '遠隔操作ソフトが {count} 件見つかりました。',
    closeNothingTitle: '何も閉じていません',
    closeNotBrowserBody: '手前にあるのはインターネットの画面ではないので、閉じませんでした。怖い画面を一度クリックしてから、もう一度お試しください。',
    closeNoWindowBody: '手前に画面がありません。怖い画面を一度クリックしてから、もう一度お試しください。',
    notifyRemotePausedTitle: '遠隔操作ソフトを止めました',
    notifyRemotePausedBody: 'だれかが {tool} でパソコンを操作しようとしているかもしれません。電話の相手に入れるよう言われたのなら、電話を切ってください。',
    notifyRemoteTitle: '遠隔操作ソフトが動いています',
    notifyRemoteStartedBody: '{tool} が起動しました。これを使うと、ほかの人がこのパソコンを見たり操作したりできます。ご自分で起動したのでなければ、スケアストップを開いてください。',
    notifyRemoteConnectedBody: 'だれかが {tool} でこのパソコンに接続しました。知らない人なら、スケアストップを開いてください。',
  },
} as const satisfies Record<Language, Record<string, string>>;

export type MainLabelKey = keyof (typeof mainLabels)['en'];

/** One label in `language`, with `{count}`-style placeholders filled. */
export function mainLabel(language: Language, key: MainLabelKey, params: Readonly<Record<string, string | number>> = {}): string {
  return mainLabels[language][key].replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
}
