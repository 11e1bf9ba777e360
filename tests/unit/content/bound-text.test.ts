import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { boundPageText } from '../../../src/platform/page-text/bound-text.js';

describe('boundPageText', () => {
  it('keeps lines, drops blank lines, collapses blanks (ideographic space too)', () => {
    expect(boundPageText('  Access  to this PC\n\n\n has been\tblocked \r\nサポート\u3000に電話 ')).toBe('Access to this PC\nhas been blocked\nサポート に電話');
  });

  it('removes control, zero-width and bidi-override characters a page could hide text with', () => {
    expect(boundPageText('Call\u0007 Micro\u200bsoft \u202e+1-844\u0000')).toBe('Call Microsoft +1-844');
  });

  it('cuts at maxChars on a character boundary, never splitting a surrogate pair', () => {
    expect(boundPageText('abcdef\nghij', 8)).toBe('abcdef\ng');
    expect(Array.from(boundPageText('😀😀😀😀', 3))).toEqual(['😀', '😀', '😀']);
  });

  it('never returns more than maxChars characters (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 1500 }), fc.integer({ min: 1, max: 500 }), (raw, max) => Array.from(boundPageText(raw, max)).length <= max),
      { numRuns: 60 },
    );
  });
});
