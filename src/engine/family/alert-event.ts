/**
 * What can happen that the family should hear about. Only facts safe to send: the page title,
 * the impersonated brand, the phone number shown, tool names, times. Never screenshots,
 * passwords or page text.
 */
import type { RemoteSessionAccount } from '../../shared/remote-live.js';
import type { TriggerKind } from './contacts.js';

/** A phone number shown on a scam page. */
export interface AlertPhone {
  /** As shown (bounded and cleaned before it is put in a message). */
  readonly display: string;
  /** E.164 when normalised. */
  readonly e164?: string;
  /** In the known scam-number table. */
  readonly known: boolean;
}

/** One alertable event. `at` is when it happened (ISO 8601). */
export type AlertEvent =
  | {
      readonly kind: 'scam-page';
      readonly at: string;
      readonly title?: string;
      readonly brand?: string;
      readonly phone?: AlertPhone;
      /** ScareStop closed the page. */
      readonly closed?: boolean;
    }
  | {
      readonly kind: 'remote-tool';
      readonly at: string;
      readonly tool: string;
      /** `paused`: ScareStop suspended it because a scam was under way; `ended`: its session ended. */
      readonly action: 'started' | 'installed' | 'connected' | 'paused' | 'ended';
      /** Who was connected, when, how it was let in (from the tool's log), when known. */
      readonly session?: RemoteSessionAccount;
    }
  | { readonly kind: 'wizard-started'; readonly at: string }
  | {
      readonly kind: 'guard-stopped';
      /** When the app noticed (its next start). */
      readonly at: string;
      /** Last heartbeat before the stop, ISO 8601. */
      readonly lastSeenAt?: string;
    };

/** The switchable trigger an event belongs to. */
export function triggerOf(event: AlertEvent): TriggerKind {
  return event.kind;
}
