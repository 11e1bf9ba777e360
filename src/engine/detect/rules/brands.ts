import type { BrandRule } from './types.js';

/**
 * Brands that fake-support pages impersonate. Short or ambiguous names carry `\b` and are not
 * tried on space-less OCR text (`compact: false`), so "pineapple" is not Apple.
 */
export const BRANDS: readonly BrandRule[] = [
  { id: 'microsoft', brand: 'Microsoft', lang: 'any', weight: 0.3, pattern: 'microsoft|micro soft|マイクロソフト|\\bmsft\\b' },
  // "windows" is also an everyday word ("stay away from windows"): it names the brand only
  // beside the product words kits use with it ("Windows Defender", "Microsoft Windows").
  {
    id: 'windows',
    brand: 'Microsoft',
    lang: 'any',
    weight: 0.3,
    pattern:
      'microsoft windows|\\bwindows (?:defender|security|firewall|update|support|license|licence|activation|protection|helpdesk|help desk|technicians?|error|alert|warning|system|os\\b|10\\b|11\\b|xp\\b|vista|registry|product key|store)|\\bwindows ?(?:サポート|セキュリティ|ディフェンダー|ファイアウォール|アップデート|ライセンス|の?警告|エラー|システム)|ウィンドウズ|ウインドウズ',
  },
  { id: 'defender', brand: 'Microsoft', lang: 'any', weight: 0.3, pattern: 'defender|ディフェンダー' },
  { id: 'apple', brand: 'Apple', lang: 'any', weight: 0.3, pattern: '\\bapple\\b|アップル', compact: false },
  { id: 'apple device', brand: 'Apple', lang: 'any', weight: 0.3, pattern: 'iphone|\\bipad|\\bicloud|\\bmacos|\\bmac ?book|\\bmac\\b|\\bsafari\\b', compact: false },
  { id: 'mcafee', brand: 'McAfee', lang: 'any', weight: 0.3, pattern: 'mcafee|マカフィー' },
  { id: 'norton', brand: 'Norton', lang: 'any', weight: 0.3, pattern: '\\bnorton|ノートン' },
  { id: 'avast', brand: 'Avast', lang: 'any', weight: 0.3, pattern: '\\bavast|アバスト' },
  { id: 'avg', brand: 'AVG', lang: 'any', weight: 0.3, pattern: '\\bavg\\b', compact: false },
  { id: 'kaspersky', brand: 'Kaspersky', lang: 'any', weight: 0.3, pattern: 'kaspersky|カスペルスキー' },
  { id: 'google', brand: 'Google', lang: 'any', weight: 0.3, pattern: '\\bgoogle|グーグル|\\bgmail' },
  { id: 'chrome', brand: 'Google', lang: 'any', weight: 0.3, pattern: '\\bchrome\\b|クローム', compact: false },
  { id: 'amazon', brand: 'Amazon', lang: 'any', weight: 0.3, pattern: '\\bamazon|アマゾン' },
  { id: 'facebook', brand: 'Facebook', lang: 'any', weight: 0.3, pattern: 'facebook|フェイスブック' },
  { id: 'paypal', brand: 'PayPal', lang: 'any', weight: 0.3, pattern: 'paypal|ペイパル' },
];
