/**
 * Windows the person confirmed as fine ("this is my bank's page, leave it"). An entry is exact:
 * a title entry allows that one title (after the detector's own cleaning: normalised text
 * without the browser's " - Google Chrome" suffix), never a part of another title. A page sets
 * its own title, so "example.com" allowed must not exempt "example.com.evil.test" or "Your
 * example.com account is blocked! Call ...".
 *
 * Site entries are a typed slot for when the watcher knows a page's real address (the
 * page-address work): they match that host and its subdomains in a real URL, never in a title.
 * Nothing creates them yet.
 */
import { stripBrowserSuffix } from '../detect/browser-suffix.js';
import { normalizeText } from '../detect/index.js';

/** One allow-list entry the person confirmed. */
export type AllowEntry = { readonly kind: 'title'; readonly value: string } | { readonly kind: 'site'; readonly host: string };

/** What an entry is compared with: the window's title and, once known, the page's address. */
export interface AllowSubject {
  readonly title: string;
  /** The page's real address (a URL the browser reported), never derived from the title. */
  readonly url?: string;
}

/** The title as compared: the detector's normalised form, browser suffix removed. */
export function cleanTitle(title: string): string {
  return stripBrowserSuffix(normalizeText(title)).title;
}

/** The host of a real http(s) address, lower case, or undefined. */
function hostOf(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.hostname.toLowerCase().replace(/\.$/, '') : undefined;
  } catch {
    return undefined; // not an address: a site entry cannot match it
  }
}

/** True when an entry allows this window. */
export function isAllowed(entries: readonly AllowEntry[], subject: AllowSubject): boolean {
  if (entries.length === 0) return false;
  const title = cleanTitle(subject.title);
  const host = hostOf(subject.url);
  return entries.some((entry) => {
    switch (entry.kind) {
      case 'title':
        return title !== '' && cleanTitle(entry.value) === title;
      case 'site': {
        const allowed = entry.host.trim().toLowerCase().replace(/\.$/, '');
        return host !== undefined && allowed !== '' && (host === allowed || host.endsWith(`.${allowed}`));
      }
    }
  });
}

/** The stored form of a title the person allowed (cleaned, fits the store's 200 characters). */
export function allowValueForTitle(title: string): string {
  return cleanTitle(title).slice(0, 200);
}

/** Stored values that look like a bare host name ("example.com"): older versions made host rules from them. */
const LEGACY_HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i;

/**
 * The stored allow list as entries. Every stored value is a title entry: a value that older
 * versions read as a host rule ("example.com") is kept as an exact title (it then allows only
 * a page titled exactly "example.com"); `onLegacyHost` hears about each one so it can be logged.
 */
export function allowEntriesFromStored(values: readonly string[], onLegacyHost: (value: string) => void = () => undefined): AllowEntry[] {
  return values.map((value) => {
    if (LEGACY_HOST.test(value.trim())) onLegacyHost(value);
    return { kind: 'title', value };
  });
}
