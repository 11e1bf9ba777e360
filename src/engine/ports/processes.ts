/**
 * Who a process is. A pid alone is not enough: pids are reused, so the closer names a process by
 * pid + start time + executable image and checks all three again right before any signal.
 */

/** One running process, identified well enough that a reused pid is told apart. */
export interface ProcessIdentity {
  readonly pid: number;
  /**
   * When the process started, in the OS's own units (Linux: clock ticks since boot, field 22 of
   * `/proc/PID/stat`; Windows: creation time from GetProcessTimes as ms since epoch). Only
   * compared for equality and order between processes of the same machine.
   */
  readonly startTime: number;
  /** Full path of the executable (`/proc/PID/exe`, QueryFullProcessImageNameW). */
  readonly image: string;
}

/** One row of a process listing: an identity and its parent. */
export interface ProcessRow extends ProcessIdentity {
  readonly ppid: number;
}

/** Why the closer left a process of the browser's tree running. */
export type SparedReason =
  /** A descendant that is not a process of the judged browser (a program opened from it). */
  | 'not-part-of-browser'
  /** The pid now belongs to another process (reused or re-executed) than the one judged. */
  | 'identity-changed';

/** A process deliberately left running, named in the close report. */
export interface SparedProcess {
  readonly pid: number;
  /** Executable path as seen when it was spared. */
  readonly image: string;
  readonly reason: SparedReason;
}
