import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeNumber } from '../../../src/engine/numbers/normalize.js';
import { assessFormat } from '../../../src/engine/numbers/assess.js';

const e164 = (text: string, region?: 'JP' | 'US'): string | undefined => {
  const result = normalizeNumber(text, region);
  return result.ok ? result.e164 : undefined;
};

describe('normalizeNumber', () => {
  it.each([
    ['03-6271-7243', '+81362717243'],
    ['+81 3 6271 7243', '+81362717243'],
    ['(03) 6271-7243', '+81362717243'],
    ['０３－６２７１－７２４３', '+81362717243'],
    ['050-6881-5063', '+815068815063'],
    ['+1 (888) 555-0100', '+18885550100'],
    ['1-844-555-0100', '+18445550100'],
  ])('%s → %s', (text, expected) => {
    expect(e164(text)).toBe(expected);
  });

  it('refuses what is not a number, and bounds the input', () => {
    expect(normalizeNumber('call now').ok).toBe(false);
    expect(normalizeNumber('').ok).toBe(false);
    expect(normalizeNumber('1'.repeat(500)).ok).toBe(false);
  });

  it('any way of writing a Tokyo number with separators gives the same E.164', () => {
    const separator = fc.constantFrom('-', ' ', '.', '', '－', '　');
    fc.assert(
      fc.property(separator, separator, fc.boolean(), (a, b, international) => {
        const text = international ? `+81${a}3${b}6271${a}7243` : `03${a}6271${b}7243`;
        return e164(text) === '+81362717243';
      }),
    );
  });
});

describe('assessFormat', () => {
  const flags = (text: string): string[] => {
    const n = normalizeNumber(text);
    return n.ok ? assessFormat(n).map((f) => f.code) : [];
  };

  it('flags the formats these scams use', () => {
    expect(flags('050-6881-5063')).toEqual(['jp-ip-phone-050']);
    expect(flags('+1 888 555 0100')).toEqual(['nanp-toll-free', 'international']);
    expect(flags('+44 909 879 0000')).toEqual(['premium-rate', 'international']);
    expect(flags('0120-123-456')).toEqual(['jp-toll-free']);
    expect(flags('03-6271-7243')).toEqual([]);
  });
});

describe('the table and the detector agree on keys', () => {
  it('normalizeNumber gives the E.164 the detector extracts from page text', async () => {
    const { extractPhones } = await import('../../../src/engine/detect/phones.js');
    for (const text of ['03-6271-7243', '050-6881-5063', '+1 (888) 555-0100', '0120-123-456', '+44 20 7946 0000']) {
      const found = extractPhones(`Call support now: ${text} !`, 'JP')[0]?.e164;
      expect(found, text).toBeDefined();
      expect(e164(text)).toBe(found);
    }
  });
});
