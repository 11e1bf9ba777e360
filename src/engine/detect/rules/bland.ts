/**
 * Words that say nothing about a page by themselves. A title made only of these (plus digits
 * and punctuation), or an empty one, is "bland": real scam kits use exactly such titles
 * ("Security Center", "Microsoft", "Windows Defender", "", "12345"), so a full-screen browser
 * page with one is at least suspicious.
 */
export const BLAND_WORDS: readonly string[] = [
  'microsoft', 'windows', 'defender', 'apple', 'iphone', 'ipad', 'mac', 'mac ?os', 'icloud', 'google', 'scareware',
  'beveiliging', 'systeembeveiliging', 'sicherheit', 'securite', 'seguridad', 'sicurezza', 'sakerhet', 'systemsakerhet', 'systeme', 'systeem', 'chrome', 'mcafee', 'norton', 'avast', 'avg',
  'amazon', 'facebook', 'paypal', 'edge', 'firefox', 'safari',
  'security', 'secure', 'center', 'centre', 'protection', 'protect', 'support', 'alert', 'alerts', 'warning', 'error',
  'system', 'official', 'antivirus', 'firewall', 'help', 'helpdesk', 'service', 'services', 'technical', 'tech',
  'account', 'online', 'the', 'of', 'and', 'for', 'untitled', 'about ?blank', 'new tab', 'home', 'page', 'loading',
  'セキュリティ', 'センター', 'サポート', '警告', '公式', 'サービス', 'マイクロソフト', 'ウィンドウズ', '無題', '新しいタブ',
  'ホーム', 'ページ', 'アラート', 'ディフェンダー',
];
