import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanHostileText, cleanPageText, cleanTitle, hasHiddenCharacters, TITLE_LIMIT } from '../../../src/shared/hostile-text.js';

/** Invisible and direction-control characters a page can hide in a title. */
const INVISIBLES = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u202a', '\u202b', '\u202e', '\u202c', '\u2066', '\u2067', '\u2069', '\u200e', '\u200f', '\u061c', '\u3164', '\ufe0f', '\u034f', '\udb40\udc41', '\udb40\udd00'];
const invisiblePadding = fc.array(fc.constantFrom(...INVISIBLES), { maxLength: 2000 }).map((chars) => chars.join(''));
const visibleText = fc.string({ unit: 'grapheme', maxLength: 80 });
const anyText = fc.oneof(visibleText, fc.string({ unit: 'binary', maxLength: 200 }), fc.array(fc.constantFrom(...INVISIBLES, 'a', ' ', '\n', '😀', '\u0007'), { maxLength: 80 }).map((c) => c.join('')));

describe('cleanHostileText', () => {
  it('removes invisibles before the length cut: 600 zero-width spaces do not push the title out', () => {
    const title = 'Windows Defender Security Warning - Call +1-888-555-0199';
    expect(cleanTitle('\u200b'.repeat(600) + title)).toBe(title);
    expect(cleanTitle('\u200b'.repeat(100_000) + title)).toBe(title);
  });

  it('removes bidi controls, collapses white space, turns controls into spaces', () => {
    expect(cleanTitle('Call \u202emoc.tfosorcim\u202c  now')).toBe('Call moc.tfosorcim now');
    expect(cleanTitle('  a\tb\r\nc\u0007d  ')).toBe('a b c d');
    expect(cleanPageText('line one\n\n\n  line\u200b two \nthree')).toBe('line one\nline two\nthree');
  });

  it('cuts on a character boundary, with an ellipsis when asked', () => {
    expect(cleanHostileText('😀😀😀😀😀😀', { limit: 5, ellipsis: true })).toBe('😀😀😀😀…');
    expect(cleanHostileText('😀😀😀😀😀😀', { limit: 3 })).toBe('😀😀😀');
    expect(cleanTitle('x'.repeat(TITLE_LIMIT + 10))).toHaveLength(TITLE_LIMIT);
  });

  it('never returns more characters than the limit, nor any invisible or control character (property)', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 1, max: 120 }), fc.boolean(), fc.boolean(), (raw, limit, lines, ellipsis) => {
        const clean = cleanHostileText(raw, { limit, lines, ellipsis });
        // eslint-disable-next-line no-control-regex -- checking that no control character is left
        return Array.from(clean).length <= limit && !hasHiddenCharacters(clean) && !/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/.test(clean);
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same result whatever invisible padding surrounds or splits the text (property)', () => {
    fc.assert(
      fc.property(visibleText, invisiblePadding, invisiblePadding, fc.nat(), (text, before, inside, at) => {
        const chars = Array.from(text);
        const position = chars.length === 0 ? 0 : at % chars.length;
        const padded = before + chars.slice(0, position).join('') + inside + chars.slice(position).join('');
        return cleanTitle(padded) === cleanTitle(text.replace(new RegExp(INVISIBLES.join('|'), 'g'), ''));
      }),
      { numRuns: 300 },
    );
  });

  it('is idempotent (property)', () => {
    fc.assert(
      fc.property(anyText, fc.boolean(), (raw, lines) => {
        const once = cleanHostileText(raw, { limit: 100, lines });
        return cleanHostileText(once, { limit: 100, lines }) === once;
      }),
      { numRuns: 500 },
    );
  });

  it('takes anything: non-strings become empty text', () => {
    expect(cleanTitle(undefined)).toBe('');
    expect(cleanTitle(42)).toBe('');
  });
});
