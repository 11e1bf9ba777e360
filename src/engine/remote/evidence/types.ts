import { cleanHostileText } from '../../../shared/hostile-text.js';

/** What an evidence file says, in a form the matcher turns into evidence. Never holds secrets. */

/** How an incoming session was let in. */
export type SessionAuth = 'user' | 'password' | 'token' | 'rejected' | 'unknown';

/** One incoming remote session found in a tool's log. */
export interface IncomingSession {
  /** ISO 8601 start. */
  readonly at?: string;
  readonly endedAt?: string;
  /** The caller's tool ID (digits) or address, bounded and cleaned. */
  readonly remoteId?: string;
  /** The caller's display name (attacker-chosen: bounded, cleaned, plain text only). */
  readonly remoteName?: string;
  readonly auth: SessionAuth;
}

/** The result of reading one evidence file. */
export interface ParsedEvidence {
  readonly sessions: readonly IncomingSession[];
  /** Why unattended access is on (plain words), when it is. Never the password or its hash. */
  readonly unattended?: string;
}

/** Bounds and cleans text that came from a remote party. */
export function cleanRemoteText(value: string, max = 40): string {
  return cleanHostileText(value, { limit: max, ellipsis: true });
}
