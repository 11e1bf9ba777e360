/** Small plain-words helpers for evidence details (English; the UI translates by kind). */
import { cleanRemoteText } from './evidence/types.js';
import { pathSegments } from './normalise.js';

/** Where a file is, in words a user knows: "Downloads", "the Desktop", "a temporary folder". */
export function folderLabel(path: string): string | undefined {
  const segments = pathSegments(path).slice(0, -1);
  if (segments.includes('downloads')) return 'Downloads';
  if (segments.includes('desktop')) return 'the Desktop';
  if (segments.includes('documents')) return 'Documents';
  if (segments.includes('temp') || segments.includes('tmp')) return 'a temporary folder';
  return undefined;
}

/** True for a program started from a user folder rather than installed (a portable copy). */
export function isUserFolder(path: string | undefined): boolean {
  return path !== undefined && folderLabel(path) !== undefined;
}

/** `2022-08-23T10:23:00.000Z` → `2022-08-23 10:23 UTC`. */
export function shortTime(iso: string | undefined): string {
  if (iso === undefined) return 'an unknown time';
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 'an unknown time' : `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** A name that came from the machine (program names, unit names): bounded plain text. */
export function shown(value: string, max = 80): string {
  return cleanRemoteText(value, max);
}

/** The program a command line starts: `"C:\A B\x.exe" --tray` → `C:\A B\x.exe`. */
export function programOf(command: string): string {
  const trimmed = command.trim();
  if (trimmed.startsWith('"')) {
    const end = trimmed.indexOf('"', 1);
    return end > 0 ? trimmed.slice(1, end) : trimmed.slice(1);
  }
  const exe = /^.*?\.exe(?=\s|$)/i.exec(trimmed);
  if (exe !== null) return exe[0];
  return trimmed.split(/\s+/)[0] ?? '';
}
