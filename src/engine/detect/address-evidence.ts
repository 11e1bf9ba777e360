/**
 * What a page's address says about it, as evidence for the detector (never enough alone): a
 * phone number in the query (`?phone=`, `&number=+1888…`), a raw IP host, a punycode
 * (look-alike) host, or free throw-away hosting that scam kits use by the thousand. The address
 * came from the page: it is parsed with URL, bounded, and never opened.
 */

/** One thing the address shows, with the weight the detector gives it. */
export interface AddressSignal {
  readonly id: 'phone-in-address' | 'raw-ip-host' | 'punycode-host' | 'throwaway-hosting';
  readonly weight: number;
  readonly detail: string;
}

/** Free static hosting where kits are put up and torn down daily (host suffixes). */
const THROWAWAY_HOSTING: readonly string[] = [
  'web.core.windows.net',
  'blob.core.windows.net',
  'azurewebsites.net',
  'azureedge.net',
  'z13.web.core.windows.net',
  'firebaseapp.com',
  'web.app',
  'netlify.app',
  'vercel.app',
  'pages.dev',
  'github.io',
  'glitch.me',
  'herokuapp.com',
  's3.amazonaws.com',
  'storage.googleapis.com',
  'ngrok.io',
  'ngrok-free.app',
  'trycloudflare.com',
  'workers.dev',
];

const PHONE_KEYS = /^(?:phone|ph|tel|number|num|call|tfn|support|helpline|pn)\d*$/i;

/** The host of a web address, lower-case without a trailing dot; undefined when not http(s). */
export function hostOfAddress(address: string): string | undefined {
  let url: URL;
  try {
    url = new URL(address.slice(0, 2_048));
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  return host === '' ? undefined : host;
}

/** True when `host` is `site` or one of its subdomains (never a mere substring). */
export function hostIsWithin(host: string, site: string): boolean {
  return host === site || host.endsWith(`.${site}`);
}

function digitsOf(value: string): string {
  return value.replace(/[\s().+-]/g, '');
}

/** The address's evidence; empty for an ordinary address. */
export function addressSignals(address: string): AddressSignal[] {
  const host = hostOfAddress(address);
  if (host === undefined) return [];
  const url = new URL(address.slice(0, 2_048));
  const signals: AddressSignal[] = [];
  const phoneParam = [...url.searchParams].find(([key, value]) => (PHONE_KEYS.test(key) && /^\d{7,15}$/.test(digitsOf(value))) || /^\+?\d{10,15}$/.test(digitsOf(value)));
  if (phoneParam !== undefined) signals.push({ id: 'phone-in-address', weight: 0.35, detail: `the address carries a phone number (${phoneParam[0]}=…)` });
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(host) || host.startsWith('[')) signals.push({ id: 'raw-ip-host', weight: 0.2, detail: 'the page is on a bare IP address' });
  if (host.split('.').some((label) => label.startsWith('xn--'))) signals.push({ id: 'punycode-host', weight: 0.15, detail: 'the site name uses look-alike letters' });
  const hosting = THROWAWAY_HOSTING.find((suffix) => hostIsWithin(host, suffix));
  if (hosting !== undefined) signals.push({ id: 'throwaway-hosting', weight: 0.15, detail: `the page is on free hosting (${hosting})` });
  return signals;
}
