/**
 * Lookup-key normalisation shared by the catalog generator and the matcher, so both sides agree
 * on what "the same name" means.
 */

const EXECUTABLE_EXTENSIONS = /\.(exe|msi|com|bat|cmd|scr|appimage|app|bin|run|sh|pkg|dmg|deb|rpm)$/;
const NOISE_WORDS = new Set(['x64', 'x86', 'amd64', 'arm64', '64-bit', '32-bit', '64bit', '32bit', 'win64', 'win32']);

/** Lower-case file name without directories. Accepts `\` and `/`. */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return (parts[parts.length - 1] ?? '').trim().toLowerCase();
}

/** Lower-case name without its executable extension: `AnyDesk.exe` → `anydesk`. */
export function exeStem(name: string): string {
  return name.trim().toLowerCase().replace(EXECUTABLE_EXTENSIONS, '');
}

/**
 * First word of a file name, for downloads like `AnyDesk (1).exe`, `TeamViewer_Setup_x64.exe` or
 * `RustDesk-1.2.3-x86_64.AppImage` → `anydesk`, `teamviewer`, `rustdesk`.
 */
export function leadingToken(name: string): string {
  const stem = exeStem(name);
  const match = /^[a-z][a-z0-9]*(?:\.[a-z]{2,3}(?=$|[^a-z0-9]))?/.exec(stem);
  return match?.[0] ?? '';
}

/**
 * Normalised product / program name: NFKC, lower-case, no ®/™, no bracketed parts, no version
 * numbers or architecture words. `TeamViewer 15 (x64)` → `teamviewer`.
 */
export function normaliseProduct(name: string): string {
  // Plain ASCII (most names) skips the costly Unicode normalisation and property classes.
  const ascii = /^[\x20-\x7e]*$/.test(name);
  const lower = (ascii ? name : name.normalize('NFKC')).toLowerCase().replace(/[®™©]/g, '').replace(/\([^)]*\)|\[[^\]]*\]/g, ' ');
  return (ascii ? lower.replace(/[^a-z0-9.+&-]+/g, ' ') : lower.replace(/[^\p{L}\p{N}.+&-]+/gu, ' '))
    .split(' ')
    .filter((word) => word !== '' && word !== '-' && !NOISE_WORDS.has(word) && !/^v?\d[\d.]*$/.test(word))
    .join(' ')
    .trim();
}

/** Leading word sequences of a normalised name, longest first: `a b c` → `a b c`, `a b`, `a`. */
export function leadingPhrases(normalised: string, maxWords = 4): string[] {
  const words = normalised.split(' ').filter((w) => w !== '');
  const out: string[] = [];
  for (let n = Math.min(words.length, maxWords); n >= 1; n -= 1) out.push(words.slice(0, n).join(' '));
  return out;
}

/** Path segments, lower-case, for folder-token lookups. */
export function pathSegments(path: string): string[] {
  return path
    .split(/[\\/]+/)
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
}

/** A glob with `*` (only wildcard) as an anchored regular expression. */
export function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

/** The literal text before the first `*` of a glob. */
export function globPrefix(glob: string): string {
  const star = glob.indexOf('*');
  return star < 0 ? glob : glob.slice(0, star);
}
