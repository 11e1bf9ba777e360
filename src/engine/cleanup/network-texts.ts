/** Plain words (ja/en) for what a reconnect brought back and what it did not. */
import type { RestoredItem } from '../ports/system-actions.js';
import type { Lang } from './texts.js';

const kindWords: Readonly<Record<RestoredItem['kind'], { readonly ja: string; readonly en: string }>> = {
  interface: { ja: 'ネットワークの接続口', en: 'Network connection' },
  route: { ja: 'インターネットへの道すじ', en: 'Route to the internet' },
  dns: { ja: '名前の引き先（DNS）', en: 'Name lookup (DNS)' },
  wifi: { ja: 'Wi-Fi', en: 'Wi-Fi' },
};

const otherRoute = { ja: 'ネットワークの道すじ', en: 'Network route' };

/** The default route is "the route to the internet"; other routes are just network routes. */
function kindWord(item: RestoredItem, lang: Lang): string {
  const isDefault = /^(default|0\.0\.0\.0\/0|::\/0)\b/u.test(item.name);
  return item.kind === 'route' && !isDefault ? otherRoute[lang] : kindWords[item.kind][lang];
}

/** One line per item: "✓ Wi-Fi HOME-AP: back" / "✗ …: not back". */
export function restoredItemLine(item: RestoredItem, lang: Lang): string {
  const what = `${kindWord(item, lang)} ${item.name}`;
  if (lang === 'ja') return item.back ? `✓ ${what}：元に戻りました` : `✗ ${what}：戻りませんでした`;
  return item.back ? `✓ ${what}: back` : `✗ ${what}: did not come back`;
}

/** The summary under the item lines. */
export function restoreSummary(items: readonly RestoredItem[], lang: Lang): string {
  const missing = items.filter((item) => !item.back).length;
  if (missing === 0) return lang === 'ja' ? 'インターネットの接続を元どおりにしました。' : 'The internet connection is back as it was.';
  return lang === 'ja'
    ? `${missing} 件が元に戻りませんでした。LAN ケーブルを差し直すか、Wi-Fi を入れ直してください。パソコンを再起動しても戻ります。`
    : `${missing} item(s) did not come back. Plug the network cable back in or switch Wi-Fi on again; restarting the computer also brings them back.`;
}

/** The offer shown at start when ScareStop left the network off (the front door adds how to accept). */
export function reconnectOfferText(minutesOff: number, lang: Lang): string {
  return lang === 'ja'
    ? `ScareStop が ${minutesOff} 分前に切ったインターネットが、まだ切れたままです。元に戻しますか？`
    : `ScareStop turned the internet off ${minutesOff} minutes ago and it is still off. Turn it back on?`;
}
