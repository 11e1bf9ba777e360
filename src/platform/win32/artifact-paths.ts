/**
 * Pure handling of catalog artifact paths on Windows: `%VAR%` expansion (case-insensitive),
 * a leading `~` for the user's profile, and `*` wildcards turned into per-segment matchers.
 * Linux-style paths (`/…`, `~/…`) are not for this adapter and are skipped.
 */

/** A path split into its root (`C:\`, `\\server\share\`) and segments, each literal or a wildcard. */
export interface ArtifactPattern {
  readonly root: string;
  readonly segments: ReadonlyArray<{ readonly literal: string } | { readonly match: RegExp; readonly glob: string }>;
}

/** Case-insensitive environment lookup, as Windows does it. */
export function envLookup(env: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(env)) if (key.toLowerCase() === wanted && value !== undefined && value !== '') return value;
  return undefined;
}

/** Expands `%VAR%` and a leading `~`; undefined when a variable is unset or the path is not a Windows one. */
export function expandWindowsPath(path: string, env: Readonly<Record<string, string | undefined>>): string | undefined {
  let expanded = path.trim();
  if (expanded.startsWith('/') || expanded.startsWith('~/')) return undefined;
  if (expanded === '~' || expanded.startsWith('~\\')) {
    const home = envLookup(env, 'USERPROFILE');
    if (home === undefined) return undefined;
    expanded = home + expanded.slice(1);
  }
  let missing = false;
  expanded = expanded.replace(/%([A-Za-z0-9_()]{1,64})%/g, (_whole, name: string) => {
    const value = envLookup(env, name);
    if (value === undefined) missing = true;
    return value ?? '';
  });
  if (missing) return undefined;
  expanded = expanded.replaceAll('/', '\\');
  return /^[A-Za-z]:\\/.test(expanded) || expanded.startsWith('\\\\') ? expanded : undefined;
}

function globToRegExp(glob: string): RegExp {
  const body = glob.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${body}$`, 'i');
}

/** Splits an expanded Windows path into a pattern; undefined when it has no usable root. */
export function toArtifactPattern(expanded: string): ArtifactPattern | undefined {
  const drive = /^([A-Za-z]:\\)(.*)$/.exec(expanded);
  const unc = /^(\\\\[^\\]+\\[^\\]+\\)(.*)$/.exec(expanded);
  const parts = drive ?? unc;
  if (parts === null) return undefined;
  const rest = (parts[2] ?? '').split('\\').filter((segment) => segment !== '' && segment !== '.');
  if (rest.includes('..')) return undefined; // catalog paths never climb; refuse rather than guess
  return {
    root: parts[1] ?? '',
    segments: rest.map((segment) => (segment.includes('*') ? { match: globToRegExp(segment), glob: segment } : { literal: segment })),
  };
}

/** Decodes a bounded artifact file: UTF-16LE when it starts with that BOM, else UTF-8. */
export function decodeArtifactText(bytes: Buffer): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  return bytes.toString('utf8');
}
