import type { LanguageRules } from './types.js';

// Small kana are folded to large ones on both sides (ウィルス = ウイルス, セキュリティ), and OCR
// spaces between Japanese characters are removed before matching.
const DEVICE = '(?:パソコン|コンピュータ|コンピューター|pc|iphone|スマホ|スマートフォン|端末|デバイス|windows|システム|ブラウザ|mac)';
const MALWARE = '(?:ウイルス|マルウェア|スパイウェア|トロイの木馬|ランサムウェア|ワーム|脅威)';

/** Japanese phrase tables (same weight scale as English). */
export const JAPANESE: LanguageRules = {
  threats: [
    { id: 'ウイルスに感染', lang: 'ja', weight: 0.6, pattern: `${MALWARE}(?:型スパイウェア)?(?:に|が)?感染` },
    { id: '端末が感染・ロック', lang: 'ja', weight: 0.6, pattern: `${DEVICE}(?:は|が|も|へのアクセスは)? ?(?:ウイルスに|完全に)?(?:感染|ロック|ブロック|ハッキング|破損|損傷|乗っ取ら|危険|停止され|凍結)` },
    { id: 'ウイルスが検出', lang: 'ja', weight: 0.6, pattern: `(?:${MALWARE}|不正(?:な)?アクセス|不審な[^ ]{0,10}?|疑わしい[^ ]{0,10}?|ハッキング)(?:が|を)?(?:\\d+ ?(?:個|件|つ))?(?:検出|発見|見つかり|見つかっ|確認され)` },
    { id: 'アクセスがブロック', lang: 'ja', weight: 0.6, pattern: 'アクセス(?:は|が)?[^ ]{0,16}?(?:ブロック|ロック|制限)され' },
    { id: 'ポルノスパイウェア', lang: 'ja', weight: 0.6, pattern: 'ポルノ ?(?:スパイウェア|ウイルス|サイト)' },
    { id: 'N個のウイルス', lang: 'ja', weight: 0.45, pattern: `\\d+ ?(?:個|件|つ)の${MALWARE}` },
    { id: '感染しています', lang: 'ja', weight: 0.45, pattern: '感染して(?:います|いる)|感染しました|感染の疑い' },
    { id: 'ブロックされました', lang: 'ja', weight: 0.45, pattern: '(?:ブロック|ロック)され(?:ました|ています)' },
    { id: 'ハッキング', lang: 'ja', weight: 0.45, pattern: 'ハッキングされ|ハッカー' },
    { id: '情報が盗まれ', lang: 'ja', weight: 0.45, pattern: '(?:個人情報|銀行情報|パスワード|写真|データ|情報|クレジットカード)(?:が|は)?(?:盗まれ|流出|漏洩|漏えい)' },
    { id: '危険にさらされ', lang: 'ja', weight: 0.45, pattern: '危険にさらされ' },
    { id: '損傷', lang: 'ja', weight: 0.45, pattern: 'ウイルスにより損傷|損傷を受けて|損傷しています|破損しています' },
    { id: 'トロイの木馬', lang: 'ja', weight: 0.45, pattern: 'トロイの木馬|スパイウェア|ランサムウェア' },
    { id: '有効期限切れ', lang: 'ja', weight: 0.3, pattern: '(?:ライセンス|サブスクリプション|保護)?(?:の)?有効期限(?:が)?切れ' },
  ],
  alarms: [
    { id: 'セキュリティ警告', lang: 'ja', weight: 0.3, pattern: '(?:セキュリティ|ウイルス|スパイウェア|システム|ファイアウォール|windows|マイクロソフト|microsoft|apple|緊急|重要な|重大な)(?:の|上の)? ?(?:警告|アラート|エラー|警報)' },
    { id: 'ブランドの警告', lang: 'ja', weight: 0.3, pattern: '(?:defender|ディフェンダー|windows|ウィンドウズ|マイクロソフト|microsoft|apple|アップル|iphone|google|グーグル)(?:から)?の? ?(?:警告|アラート)' },
    { id: '警告', lang: 'ja', weight: 0.2, pattern: '警告|緊急' },
  ],
  urgency: [
    { id: '電話してください', lang: 'ja', weight: 0.3, pattern: '(?:お)?電話(?:して)?(?:ください|下さい)|に(?:お)?電話|までお電話|今すぐ電話|電話で(?:サポート|連絡)' },
    { id: 'ご連絡ください', lang: 'ja', weight: 0.2, pattern: 'お問い合わせください|ご連絡ください|に連絡(?:して)?(?:ください)?|連絡してください' },
    { id: '再起動しないで', lang: 'ja', weight: 0.3, pattern: '(?:再起動|シャットダウン|電源を切ら|閉じ|終了)(?:し)?(?:ない|ず)(?:で|ように)|閉じると' },
    { id: '無料通話', lang: 'ja', weight: 0.3, pattern: 'フリーダイヤル|通話無料|無料通話|無料電話' },
    { id: '今すぐ', lang: 'ja', weight: 0.2, pattern: '今すぐ|直ちに|ただちに|至急' },
  ],
  guards: [
    { id: '電話しないで', lang: 'ja', kind: 'warns-against', pattern: '電話(?:を)?(?:かけ|し)(?:ない|てはいけません)|電話(?:を)?かけない|連絡しないで|(?:お願い|要求|求め)(?:する|いたす)ことは(?:一切|決して)?(?:ありません|ございません)' },
    { id: '詐欺', lang: 'ja', kind: 'about-scam', pattern: '詐欺|だまされ|騙され|手口|偽警告|偽の警告|偽のセキュリティ|偽の(?:ウイルス|ウィルス)警告' },
    { id: '偽・注意喚起', lang: 'ja', kind: 'about-scam', scope: 'title', pattern: '偽の|偽画面|偽物|ニセ|フィッシング|なりすまし|装っ|装う|かたる|騙る|名乗る|注意喚起|ご注意ください|にご注意|に注意|被害' },
    { id: '警察・相談窓口', lang: 'ja', kind: 'about-scam', scope: 'title', pattern: '警察|警視庁|県警|国民生活センター|消費者|相談窓口|情報処理推進機構|\\bipa\\b|jpcert|政府広報' },
    { id: '解説・対処法', lang: 'ja', kind: 'educational', scope: 'title', pattern: 'とは|対処法|対処方法|と対策|対策を|対策法|解説|見分け方|方法|場合|修正|使い方|直し方|一覧|選び方|と表示され|と出て|本物|ですか|でしょうか|たら$|研修|資料' },
    { id: 'ウィキペディア', lang: 'ja', kind: 'educational', pattern: 'ウィキペディア|百科' },
    { id: 'サポートサイト', lang: 'ja', kind: 'trusted-site', scope: 'title', pattern: '(?:microsoft|apple|google|chrome|マイクロソフト) ?(?:サポート|コミュニティ|ヘルプ)(?: ?日本)?$|ヘルプセンター|ヘルプ$|ブログ' },
    { id: '掲示板', lang: 'ja', kind: 'forum', scope: 'title', pattern: '知恵袋|教えて ?goo|発言小町|5ちゃんねる|コミュニティ$' },
    { id: '検索結果', lang: 'ja', kind: 'search-results', scope: 'title', pattern: '検索$' },
    { id: 'ニュース', lang: 'ja', kind: 'news', scope: 'title', pattern: 'ニュース|新聞|日経|\\bnhk$|itmedia|報道|時事|共同通信' },
    { id: '医療', lang: 'ja', kind: 'medical', scope: 'title', pattern: '新型コロナ|コロナ|ノロ|インフルエンザ|感染者|感染症|症状|ワクチン|胃腸炎|クリニック|病院|厚生労働省' },
  ],
};
