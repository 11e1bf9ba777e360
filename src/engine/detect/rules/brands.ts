import type { BrandRule } from './types.js';

/**
 * Brands that fake-support pages impersonate. Short or ambiguous names carry `\b` and are not
 * tried on space-less OCR text (`compact: false`), so "pineapple" is not Apple.
 */
export const BRANDS: readonly BrandRule[] = [
  { id: 'microsoft', brand: 'Microsoft', lang: 'any', weight: 0.3, pattern: 'microsoft|micro soft|マイクロソフト|\\bmsft\\b' },
  { id: 'windows', brand: 'Microsoft', lang: 'any', weight: 0.3, pattern: '\\bwindows|ウィンドウズ|ウインドウズ' },
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
