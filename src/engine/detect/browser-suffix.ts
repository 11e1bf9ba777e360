/**
 * Removes what the browser adds to a page title (" - Google Chrome", " - Personal - Microsoft
 * Edge", " - Mozilla Firefox Private Browsing", "and 3 more pages", "、他 2 ページ"), so that
 * "Google Chrome" in the suffix is not read as the page naming a brand.
 */
import { BROWSER_NAMES, BROWSER_NAME_MARKERS, MORE_PAGES, PROFILE_NAMES } from './rules/browser-suffixes.js';

const alternatives = (items: readonly string[]): string => items.join('|');

const BROWSER_SUFFIX = new RegExp(
  `(?:^| - )(?:${alternatives(BROWSER_NAMES)})(?: (?:${alternatives(BROWSER_NAME_MARKERS)}))?$`,
);
const PROFILE_SUFFIX = new RegExp(` - (?:${alternatives(PROFILE_NAMES)})$`);
const MORE_PAGES_SUFFIX = new RegExp(` ?(?:${alternatives(MORE_PAGES)})$`);

/** Title without the browser's suffix, and whether one was found. Input is normalised text. */
export interface StrippedTitle {
  readonly title: string;
  readonly hadBrowserSuffix: boolean;
}

/** Strips browser suffix, profile name and "N more pages" from a normalised title. */
export function stripBrowserSuffix(plainTitle: string): StrippedTitle {
  const withoutBrowser = plainTitle.replace(BROWSER_SUFFIX, '');
  if (withoutBrowser === plainTitle) return { title: plainTitle, hadBrowserSuffix: false };
  let title = withoutBrowser;
  // Edge: "<title> - <profile> - Microsoft Edge"; at most two such segments ("Work - InPrivate").
  for (let i = 0; i < 2; i += 1) {
    const next = title.replace(PROFILE_SUFFIX, '');
    if (next === title) break;
    title = next;
  }
  title = title.replace(MORE_PAGES_SUFFIX, '');
  return { title: title.trim(), hadBrowserSuffix: true };
}
