/** An installed program from the OS package list / Uninstall registry keys. */
export interface InstalledProgram {
  readonly name: string;
  readonly publisher?: string;
  readonly version?: string;
  readonly installLocation?: string;
  readonly uninstallCommand?: string;
  readonly quietUninstallCommand?: string;
  /** ISO 8601 date when known. */
  readonly installedAt?: string;
  /** Where this entry came from, e.g. `HKLM\...\Uninstall\AnyDesk` or `dpkg`. */
  readonly source: string;
}

/** A running process. */
export interface ProcessEntry {
  readonly pid: number;
  readonly ppid?: number;
  readonly name: string;
  readonly path?: string;
  readonly commandLine?: string;
  /** ISO 8601 start time when known. */
  readonly startedAt?: string;
  /** PE version info of the image when the adapter can read it (finds a renamed AnyDesk.exe). */
  readonly productName?: string;
  readonly originalFilename?: string;
  readonly companyName?: string;
}

/** A service / systemd unit. */
export interface ServiceEntry {
  readonly name: string;
  readonly displayName?: string;
  readonly state: 'running' | 'stopped' | 'other';
  readonly imagePath?: string;
  readonly pid?: number;
}

/** An executable file in a user folder (Downloads, Desktop, Documents, Temp). */
export interface UserFileEntry {
  readonly path: string;
  readonly name: string;
  readonly size?: number;
  /** ISO 8601 modification/creation time. */
  readonly modifiedAt?: string;
  /** PE version info when it is a Windows executable. */
  readonly productName?: string;
  readonly originalFilename?: string;
  readonly companyName?: string;
  readonly fileDescription?: string;
}

/** A Run key value, Startup folder item, autostart .desktop file or systemd user unit. */
export interface AutostartEntry {
  readonly name: string;
  readonly command: string;
  readonly source: string;
}

/**
 * A tool-specific file that tells more (config with a password = unattended, connection logs).
 * Contents may hold secrets (AnyDesk's password hash): the engine reads them to decide, and never
 * copies them into evidence or logs.
 */
export interface ArtifactFile {
  readonly path: string;
  /**
   * Bounded contents (UTF-8 text) when read: at most {@link ARTIFACT_MAX_BYTES}. For a larger
   * file, its LAST bytes (logs append at the end) and `truncated: true`.
   */
  readonly content?: string;
  readonly truncated?: boolean;
  readonly size?: number;
  readonly modifiedAt?: string;
}

/** Upper bound of {@link ArtifactFile.content}, in bytes. */
export const ARTIFACT_MAX_BYTES = 256 * 1024;

/** A TCP connection with its owning process. */
export interface NetConnection {
  readonly pid?: number;
  readonly localAddress: string;
  readonly remoteAddress: string;
  readonly remotePort: number;
  readonly state: string;
}

/** Result of one inventory source: data, or why it failed (the scan goes on). */
export type SourceResult<T> =
  | { readonly ok: true; readonly items: readonly T[] }
  | { readonly ok: false; readonly error: string };

/** Everything the platform could list in one pass. */
export interface InventorySnapshot {
  readonly installed: SourceResult<InstalledProgram>;
  readonly processes: SourceResult<ProcessEntry>;
  readonly services: SourceResult<ServiceEntry>;
  readonly userFiles: SourceResult<UserFileEntry>;
  readonly autostart: SourceResult<AutostartEntry>;
  readonly artifacts: SourceResult<ArtifactFile>;
  readonly connections: SourceResult<NetConnection>;
}

/** What to list. */
export interface SnapshotOptions {
  readonly artifactPaths: readonly string[];
  /**
   * A cheap re-check (the periodic new-tool watch): the adapter MAY skip slow sources (the
   * user-folder walk, connections) and report them as `{ ok: false, error: 'skipped (quick)' }`.
   */
  readonly quick?: boolean;
}

/**
 * Lists what is on the machine.
 *
 * `artifactPaths` are catalog paths to read as {@link ArtifactFile}s. They may contain `%VAR%`
 * (Windows environment variables, case-insensitive), a leading `~` (the user's home) and `*` as a
 * whole path segment or inside the last segment (e.g. `C:\Users\*\AppData\Roaming\AnyDesk\*.trace`).
 * A path starting `HKLM\` or `HKCU\` names a registry key: the Windows adapter returns its values as
 * `Name=value` lines ({@link isRegistryKeyPath}); binary values as `Name=(binary, N bytes)`.
 * Each adapter reads only the paths that make sense on its OS (a Linux adapter skips `C:\...`),
 * expands wildcards with a bound, and skips missing files silently (absence is not an error).
 * A source that fails as a whole (no rights, missing command) is `{ ok: false, error }`; `snapshot`
 * itself never rejects for an OS failure.
 */
export interface InventorySource {
  snapshot(options: SnapshotOptions): Promise<InventorySnapshot>;
}

/**
 * True for an artifact path that names a Windows event log and a provider prefix
 * (`EVENTLOG\Application\ScreenConnect Client`), not a file: the Windows adapter returns that
 * log's recent events of those providers as `wevtutil qe <log> /f:xml` prints them.
 */
export function isEventLogPath(path: string): boolean {
  return /^EVENTLOG\\[^\\]+\\./i.test(path);
}

/** True for an artifact path that names a registry key (`HKLM\SOFTWARE\TeamViewer`), not a file. */
export function isRegistryKeyPath(path: string): boolean {
  return /^HK(?:LM|CU)\\/i.test(path);
}
