/**
 * The live remote-access watch: what it tells the front doors (tray app, `scarestop watch`,
 * History, the report, family alerts). One discriminated union on `type`. Remote names and IDs
 * come from the caller's tool: bounded, cleaned, rendered as text only.
 */

/** How an incoming session was let in (AnyDesk: User / Passwd / Token / REJECTED). */
export type SessionApproval = 'clicked-accept' | 'unattended-password' | 'remembered-login' | 'refused' | 'unknown';

/** Which way a session went: someone came into this PC, or this PC went out to someone. */
export type SessionDirection = 'incoming' | 'outgoing';

/** One session as a tool's log tells it: who, when, how it was let in, files moved. */
export interface RemoteSessionAccount {
  readonly toolId: string;
  /** Tool name, e.g. `AnyDesk`. */
  readonly tool: string;
  readonly direction: SessionDirection;
  /** The other side's tool ID (digits) or network address. */
  readonly remoteId?: string;
  /** The other side's display name or alias (chosen by the caller: hostile text). */
  readonly remoteName?: string;
  /** ISO 8601 (UTC) start and end when the log says. */
  readonly startedAt?: string;
  readonly endedAt?: string;
  readonly approval: SessionApproval;
  /** Files moved during the session, where the log says so (bounded list of names/folders). */
  readonly fileTransfers: readonly string[];
  /** The log file it came from (file name only). */
  readonly source: string;
}

/** Why a tool was paused: the scam context that held when it started or connected. */
export type PauseReason = 'scam-page' | 'open-incident' | 'on-the-phone' | 'always-ask';

/** What the watch decided for a tool that started or connected. */
export type RemoteDecision = 'pause' | 'notify' | 'known-helper';

/** How a paused tool's story ended. */
export type RemoteEndHow = 'ended-by-person' | 'session-ended' | 'exited';

/** A tool as events name it. */
export interface RemoteToolRef {
  readonly toolId: string;
  readonly tool: string;
  /** Part of Windows (Quick Assist, Remote Desktop): never removed, only stopped. */
  readonly builtIn: boolean;
}

/** Events of the live watch. `at` is ms since epoch. */
export type RemoteLiveEvent =
  | (RemoteToolRef & {
      /** A catalog tool's process started. */
      readonly type: 'remote-started';
      readonly at: number;
      readonly pids: readonly number[];
      readonly path?: string;
      readonly decision: RemoteDecision;
    })
  | (RemoteToolRef & {
      /** A tool opened a session: its log says so (strong) or it opened a network connection (weak). */
      readonly type: 'remote-connected';
      readonly at: number;
      readonly via: 'log' | 'network';
      readonly pids: readonly number[];
      readonly session?: RemoteSessionAccount;
      /** `network`: the address it connected to. */
      readonly remoteAddress?: string;
      readonly decision: RemoteDecision;
    })
  | (RemoteToolRef & {
      /** Its processes are suspended; the person is asked "End it" or "This is someone I know". */
      readonly type: 'remote-paused';
      readonly at: number;
      /** Start (or connect) seen → all processes suspended, ms. */
      readonly ms: number;
      readonly pauseId: string;
      readonly pids: readonly number[];
      readonly reason: PauseReason;
      /** Processes that could not be suspended (gone, changed, no rights). */
      readonly failed: readonly { readonly pid: number; readonly detail: string }[];
    })
  | (RemoteToolRef & {
      /** Resumed because the person said "This is someone I know" (the tool is now a known helper). */
      readonly type: 'remote-resumed';
      readonly at: number;
      readonly pauseId: string;
      readonly pids: readonly number[];
    })
  | (RemoteToolRef & {
      /** The tool's processes are gone: ended by the person, or exited, or its session ended. */
      readonly type: 'remote-ended';
      readonly at: number;
      readonly how: RemoteEndHow;
      readonly pauseId?: string;
      readonly pids: readonly number[];
      readonly session?: RemoteSessionAccount;
      /** Processes that could not be ended. */
      readonly failed: readonly { readonly pid: number; readonly detail: string }[];
    })
  | {
      /** A watch source failed (the watch goes on). */
      readonly type: 'remote-error';
      readonly at: number;
      readonly code: string;
      readonly message: string;
    };

/** The `type` names of live events. */
export type RemoteLiveEventType = RemoteLiveEvent['type'];
