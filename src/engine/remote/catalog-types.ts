/**
 * Shape of `assets/remote-catalog.json`, written by `scripts/build-remote-catalog.ts` from the
 * LOLRMM data (Apache-2.0, see NOTICE) plus `assets/remote-tools-curated.ts`.
 * Every lookup key is already normalised (see ./normalise.ts), so the engine only indexes it.
 */

/** How an evidence file is read (one parser per kind in ./evidence/). */
export type EvidenceParserKind =
  | 'anydesk-conf'
  | 'anydesk-connection-trace'
  | 'anydesk-trace'
  | 'teamviewer-connections'
  | 'ultraviewer-connections'
  | 'screenconnect-events'
  | 'teamviewer-registry'
  | 'rustdesk-config'
  | 'presence';

/** A tool-specific file to read, and how. Paths use the inventory port's syntax. */
export interface CatalogEvidenceFile {
  readonly path: string;
  readonly parser: EvidenceParserKind;
}

/** Text in both UI languages. */
export interface CatalogText {
  readonly en: string;
  readonly ja: string;
}

/** One remote-access tool. Optional arrays are omitted when empty (the file stays compact). */
export interface CatalogTool {
  readonly id: string;
  readonly name: string;
  readonly nameJa?: string;
  /** 1 = most used by scammers; LOLRMM-only tools get 50. */
  readonly priority: number;
  readonly builtIn?: boolean;
  /** Distinctive executable names and stems (`anydesk.exe`, `anydesk`): a match alone counts. */
  readonly exe?: readonly string[];
  /** Generic names (`setup.exe`, `agent.exe`): count only with a second piece of evidence. */
  readonly weakExe?: readonly string[];
  /** Lower-case globs with `*` (`aa_v*.exe`); `weakGlobs` need a second piece of evidence. */
  readonly exeGlobs?: readonly string[];
  readonly weakGlobs?: readonly string[];
  /** Normalised product / program display names. */
  readonly products?: readonly string[];
  /** Lower-case service / systemd unit names (without `.service`). */
  readonly services?: readonly string[];
  /** Linux package names. */
  readonly packages?: readonly string[];
  /** Distinctive install folder names (lower-case), and globs of them. */
  readonly dirs?: readonly string[];
  readonly dirGlobs?: readonly string[];
  /** Raw LOLRMM data kept for reference (install paths, disk and registry artifacts, domains). */
  readonly installPaths?: readonly string[];
  readonly artifacts?: readonly string[];
  readonly registry?: readonly string[];
  readonly domains?: readonly string[];
  readonly evidenceFiles?: readonly CatalogEvidenceFile[];
  readonly uninstall?: CatalogText & { readonly command?: string };
  readonly unattended?: CatalogText;
  readonly advice?: CatalogText;
  /** LOLRMM YAML file stems merged into this tool. */
  readonly lolrmm: readonly string[];
}

/** The whole catalog. */
export interface RemoteCatalog {
  readonly version: 1;
  readonly source: string;
  readonly license: string;
  readonly tools: readonly CatalogTool[];
  readonly excluded: readonly { readonly id: string; readonly reason: string }[];
}
