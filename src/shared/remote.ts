/** Kinds of evidence that a remote-access tool is present or active. */
export type EvidenceKind =
  | 'installed'
  | 'running'
  | 'service'
  | 'portable'
  | 'autostart'
  | 'unattended'
  | 'incoming-session'
  | 'connected';

/** One piece of evidence, in plain words plus where it was found. */
export interface Evidence {
  readonly kind: EvidenceKind;
  readonly detail: string;
  readonly path?: string;
  readonly pid?: number;
  /** When this thing happened or appeared, ISO 8601. */
  readonly at?: string;
}

/** How dangerous a finding is right now (highest first). */
export type RiskLevel = 'connected' | 'running' | 'unattended' | 'installed';

/** A remote-access tool found on this machine. */
export interface RemoteFinding {
  readonly toolId: string;
  readonly name: string;
  /** 1 = most used by scammers; larger = less common. */
  readonly priority: number;
  /** Windows Remote Desktop / Quick Assist: report with their own advice, never as malware. */
  readonly builtIn?: boolean;
  readonly evidence: readonly Evidence[];
  readonly risk: RiskLevel;
  /** Earliest known appearance (install date, file time, first session), ISO 8601. */
  readonly firstSeen?: string;
}
