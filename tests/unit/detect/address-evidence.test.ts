import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addressSignals, hostIsWithin, hostOfAddress } from '../../../src/engine/detect/address-evidence.js';

describe('address evidence', () => {
  it('finds a phone number in the query, a bare IP host, punycode and throw-away hosting', () => {
    const ids = (url: string) => addressSignals(url).map((s) => s.id);
    expect(ids('http://203.0.113.9/win/?phone=1-888-555-0199')).toEqual(['phone-in-address', 'raw-ip-host']);
    expect(ids('https://xn--mcrosoft-3ya.example/alert')).toEqual(['punycode-host']);
    expect(ids('https://errorcode0x8.z13.web.core.windows.net/index.html?bcda=18885550199')).toEqual(['phone-in-address', 'throwaway-hosting']);
    expect(ids('https://support.microsoft.com/ja-jp/windows/tech-support-scams')).toEqual([]);
    expect(ids('https://www.example.com/order?id=12345')).toEqual([]);
  });
  it('reads only web addresses, and a broken one gives nothing', () => {
    expect(addressSignals('javascript:alert(1)')).toEqual([]);
    expect(addressSignals('not a url')).toEqual([]);
    expect(hostOfAddress('HTTPS://Example.COM./x')).toBe('example.com');
  });
  it('matches a site and its subdomains, never a look-alike that merely contains it', () => {
    expect(hostIsWithin('mail.example.com', 'example.com')).toBe(true);
    expect(hostIsWithin('example.com', 'example.com')).toBe(true);
    expect(hostIsWithin('example.com.evil.test', 'example.com')).toBe(false);
    expect(hostIsWithin('notexample.com', 'example.com')).toBe(false);
  });
  it('never throws and never weighs more than the sum of its parts on any input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl({ withQueryParameters: true }), fc.string({ maxLength: 400 })), (url) => {
        const total = addressSignals(url).reduce((sum, s) => sum + s.weight, 0);
        expect(total).toBeLessThanOrEqual(0.85 + 1e-9);
      }),
      { numRuns: 80 },
    );
  });
});
