/**
 * Windows the person confirmed as fine ("this is my bank's page, leave it"). Matched by exact
 * title (ignoring case, spacing and the browser's " - Chromium" suffix) or by a host name that
 * appears in the title as a whole word.
 */

/** One allow-list entry the person confirmed. */
export type AllowEntry = { readonly kind: 'title'; readonly value: string } | { readonly kind: 'host'; readonly value: string };

const BROWSER_SUFFIX = /\s+[-–—]\s+(google chrome|chromium|microsoft\s*edge|mozilla firefox|firefox|brave|opera|vivaldi)$/i;

/** Title as compared: browser suffix dropped, spaces collapsed, lower case. */
export function normaliseTitle(title: string): string {
  return title.normalize('NFKC').replace(BROWSER_SUFFIX, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** True when an entry allows this title. */
export function isAllowed(entries: readonly AllowEntry[], title: string): boolean {
  const normal = normaliseTitle(title);
  return entries.some((entry) => {
    switch (entry.kind) {
      case 'title':
        return normaliseTitle(entry.value) === normal && normal !== '';
      case 'host': {
        const host = entry.value.trim().toLowerCase();
        if (host === '') return false;
        return new RegExp(`(^|[^a-z0-9.-])${escapeRegExp(host)}(?![a-z0-9-]|\\.[a-z0-9])`).test(normal);
      }
    }
  });
}
