/**
 * Error-code shapes fake pages show ("Error # 268D3", "Code: 0x268d3", "Error Code DW6VB36").
 * Matched against the normalised text *before* letter/digit folding (codes are digits).
 */
export interface ErrorCodeRule {
  readonly id: string;
  /** Regex source (lower case). */
  readonly pattern: string;
  readonly weight: number;
}

const LABEL = '(?:error|code|fehler|erreur|errore|codice|codigo|foutcode|エラー|コード|ｺｰﾄﾞ)';

export const ERROR_CODES: readonly ErrorCodeRule[] = [
  // A label next to a code that mixes letters and digits (or a hex literal).
  {
    id: 'labelled error code',
    weight: 0.35,
    pattern: `${LABEL}[ #:：.-]{0,3}(?=[0-9a-z]{0,11}[0-9])(?=[0-9a-z]{0,11}[a-z])[0-9a-z]{5,12}(?![0-9a-z])`,
  },
  // A bare hex literal such as 0x268d3 or 0x80070424.
  { id: 'hex code', weight: 0.2, pattern: '(?:^|[^0-9a-z])[0o]x[0-9a-f]{4,8}(?![0-9a-z])' },
];
