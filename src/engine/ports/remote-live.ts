/**
 * Ports of the live remote-access watch: a cheap process watch, suspend/resume/end of one
 * re-identified process, the tools' session logs (tailed), and a process's TCP connections.
 * Implementations: src/platform/linux (/proc, signals) and src/platform/win32 (Toolhelp,
 * NtSuspendProcess through koffi). None of them throws for an OS failure.
 */

/**
 * Who a process is: pid plus what makes it unique over pid reuse (start time) plus its image.
 * The control port acts only when the process still has all three.
 */
export interface ProcessIdentity {
  readonly pid: number;
  /** Opaque start stamp as the adapter reads it (Linux start ticks, Windows creation FILETIME ms). */
  readonly start: string;
  /** Executable path, or the name when the path cannot be read. */
  readonly image: string;
}

/** A process that appeared since the last poll. */
export interface StartedProcess {
  readonly identity: ProcessIdentity;
  readonly ppid?: number;
  /** File name of the executable, e.g. `AnyDesk.exe`, `anydesk`. */
  readonly name: string;
  readonly path?: string;
  /** PE version info where the adapter reads it (finds a renamed AnyDesk.exe). */
  readonly productName?: string;
  readonly originalFilename?: string;
}

/** A cheap process watch: each poll reports only processes it has not seen before. */
export interface ProcessWatchPort {
  /**
   * Processes that started since the previous poll. The first poll reports every running
   * process (the baseline). Processes that ended are forgotten, so a reused pid is new again.
   */
  poll(): Promise<readonly StartedProcess[]>;
  /** Pids of the given set that are still running (same identity). */
  alive(identities: readonly ProcessIdentity[]): Promise<readonly ProcessIdentity[]>;
}

/** Outcome of one control action on one process. */
export type ControlOutcome =
  | { readonly status: 'done' }
  | { readonly status: 'gone'; readonly detail: string }
  /** The pid now belongs to another process (reused) or another image: left alone. */
  | { readonly status: 'changed'; readonly detail: string }
  | { readonly status: 'needs-admin'; readonly detail: string }
  | { readonly status: 'failed'; readonly detail: string };

/**
 * Suspend, resume or end one process. Every call re-reads the process's identity right before
 * acting and refuses (`changed`) unless pid, start stamp and image all still match.
 */
export interface ProcessControlPort {
  suspend(identity: ProcessIdentity): Promise<ControlOutcome>;
  resume(identity: ProcessIdentity): Promise<ControlOutcome>;
  /** Ends the process (a suspended one too); `done` once it is gone. */
  terminate(identity: ProcessIdentity): Promise<ControlOutcome>;
}

/** What was appended to one session log since the last poll. */
export interface LogChange {
  readonly path: string;
  /** New text (UTF-8/UTF-16 decoded), bounded. */
  readonly text: string;
  /** The text is the file from its start (first read, or the file was replaced/truncated). */
  readonly fromStart: boolean;
  /**
   * The text was already there when the watch first looked for this file (its past, not news).
   * False for a file that appeared later and for text appended after the first look.
   */
  readonly history: boolean;
}

/** Tails the tools' session logs by size and modification time. */
export interface SessionLogPort {
  /**
   * Text appended to the files these catalog paths point at (`~`, `%VAR%`, `*` as in the
   * inventory port) since the previous poll. Missing files are skipped silently.
   */
  poll(paths: readonly string[]): Promise<readonly LogChange[]>;
}

/** One TCP connection of a watched process. */
export interface ProcessConnection {
  readonly pid: number;
  readonly remoteAddress: string;
  readonly remotePort: number;
  /** The pid holding the other end when it is one of the pids asked about (local IPC). */
  readonly peerPid?: number;
}

/** Established TCP connections of some processes. */
export interface ConnectionPort {
  established(pids: readonly number[]): Promise<readonly ProcessConnection[]>;
}

/** All the live watch needs from the OS. `logs` and `connections` are optional sources. */
export interface RemoteLivePorts {
  readonly processes: ProcessWatchPort;
  readonly control: ProcessControlPort;
  readonly logs?: SessionLogPort;
  readonly connections?: ConnectionPort;
}
