import { describe, expect, it } from 'vitest';
import { extractPhones, normalizePhoneNumber } from '../../../src/engine/detect/phones.js';

const e164s = (text: string, region?: Parameters<typeof extractPhones>[1]): (string | undefined)[] =>
  extractPhones(text, region).map((p) => p.e164);

describe('normalizePhoneNumber', () => {
  it.each([
    ['1-888-254-7811', undefined, '+18882547811', 'US'],
    ['+1 (844) 235-1234', undefined, '+18442351234', 'US'],
    ['(844) 235-1234', undefined, '+18442351234', 'US'],
    ['0120-987-654', 'JP', '+81120987654', 'JP'],
    ['050-5865-1234', 'JP', '+815058651234', 'JP'],
    ['03-4578-1234', 'JP', '+81345781234', 'JP'],
    ['+81 50 5808 1234', undefined, '+815058081234', 'JP'],
    ['0800-123-4567', 'JP', '+818001234567', 'JP'],
    ['020 3966 1234', 'GB', '+442039661234', 'GB'],
    ['+44 20 3318 0100', undefined, '+442033180100', 'GB'],
    ['0800 181 2345', 'DE', '+498001812345', 'DE'],
    ['01 86 65 12 34', 'FR', '+33186651234', 'FR'],
  ] as const)('%s (%s) → %s', (raw, region, e164, country) => {
    const mention = normalizePhoneNumber(raw, region);
    expect(mention?.e164).toBe(e164);
    expect(mention?.region).toBe(country);
  });

  it('marks toll-free ranges', () => {
    expect(normalizePhoneNumber('1-800-961-7785')?.tollFree).toBe(true);
    expect(normalizePhoneNumber('0120-987-654', 'JP')?.tollFree).toBe(true);
    expect(normalizePhoneNumber('03-4578-1234', 'JP')?.tollFree).toBeUndefined();
  });

  it('tries the usual regions when none is given', () => {
    expect(normalizePhoneNumber('0120-987-654')?.e164).toBe('+81120987654');
  });

  it('rejects things that are not phone numbers', () => {
    expect(normalizePhoneNumber('12345')).toBeUndefined();
    expect(normalizePhoneNumber('1234567890123456789')).toBeUndefined();
    expect(normalizePhoneNumber('')).toBeUndefined();
  });
});

describe('extractPhones', () => {
  it('finds numbers in a title, deduplicated', () => {
    expect(e164s('Call 1-888-254-7811 now! Call 1 (888) 254-7811')).toEqual(['+18882547811']);
  });

  it('reads Japanese numbers with OCR spaces and letter/digit confusion', () => {
    expect(e164s('サポート 0120 - 987 - 654', 'JP')).toEqual(['+81120987654']);
    expect(e164s('サポート O5O-3116-2280', 'JP')).toEqual(['+815031162280']);
    expect(e164s('Call 1-877-5O5-3322')).toEqual(['+18775053322']);
  });

  it('ignores dates, ids, error codes and postal codes', () => {
    expect(e164s('2026-11-22 error 0x80070424 order #112-4455667-8899001')).toEqual([]);
    expect(e164s('Tracking 1Z999AA10123456784')).toEqual([]);
    expect(e164s('〒100-0001 ISBN 978-4-06-512345-6', 'JP')).toEqual([]);
  });

  it('returns nothing quickly for text without digit runs', () => {
    expect(extractPhones('Windows Defender Security Center')).toEqual([]);
  });

  it('reports at most five numbers', () => {
    const many = Array.from({ length: 30 }, (_, i) => `1-888-254-${String(7000 + i)}`).join(' , ');
    expect(extractPhones(many).length).toBe(5);
  });
});
