/**
 * Ports for telling the family: an SMTP mail sender, a webhook sender, and the durable outbox
 * they deliver from. Implementations: `src/platform/net/*` (senders), `src/storage/outbox-repo.ts`
 * (outbox). Errors are values with a stable code and a message that never names the server,
 * port or credentials (settings are kept out of logs and reports).
 */

/** Why a delivery attempt failed. */
export type SendErrorCode =
  /** Settings are missing or malformed (no SMTP server configured, not an http(s) URL...). */
  | 'bad-config'
  /** The server name could not be resolved. */
  | 'bad-host'
  /** Nothing listens there (connection refused) or the network is down. */
  | 'unreachable'
  /** The server did not answer in time. */
  | 'timeout'
  /** The mail server refused the login. */
  | 'auth-failed'
  /** TLS could not be set up (certificate, protocol). */
  | 'tls-failed'
  /** The server answered but refused the message (SMTP 5xx, HTTP 4xx). */
  | 'rejected'
  /** The server had a temporary problem (SMTP 4xx, HTTP 5xx/429). */
  | 'server-error'
  /** Anything else. */
  | 'unknown';

/** Outcome of one send. */
export type SendResult =
  | { readonly ok: true; readonly detail?: string }
  | {
      readonly ok: false;
      readonly code: SendErrorCode;
      /** Plain words for the user and History; never host, port, URL or credentials. */
      readonly message: string;
      /** False when retrying without a settings change cannot help (bad config, refused login). */
      readonly retryable: boolean;
    };

/** One plain-text mail. */
export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  /** Sent as the Message-ID and `X-ScareStop-Alert-Id` so the receiver can drop duplicates. */
  readonly idempotencyKey: string;
  /** BCP 47 language of the text (`ja`, `en`), sent as Content-Language. */
  readonly language: string;
}

/** Sends mail over SMTP with settings fixed at construction. */
export interface MailSender {
  send(message: MailMessage, signal?: AbortSignal): Promise<SendResult>;
}

/** `json`: POST a small JSON document. `ntfy`: POST the text as the body (ntfy-compatible). */
export type WebhookMode = 'json' | 'ntfy';

/** One webhook call. */
export interface WebhookMessage {
  readonly url: string;
  readonly mode: WebhookMode;
  readonly title: string;
  readonly text: string;
  readonly idempotencyKey: string;
  readonly language: string;
  /** Machine-readable event kind (e.g. `scam-page`), included in JSON mode. */
  readonly event: string;
  /** When it happened, ISO 8601. */
  readonly at: string;
}

/** Calls webhooks (HTTP POST). */
export interface WebhookSender {
  send(message: WebhookMessage, signal?: AbortSignal): Promise<SendResult>;
}

/** Where one outbox item goes. The target is a snapshot taken at enqueue time. */
export type OutboxTarget =
  | { readonly channel: 'email'; readonly address: string }
  | { readonly channel: 'webhook'; readonly url: string; readonly mode: WebhookMode };

/** Delivery state of one outbox item. */
export type OutboxState = 'pending' | 'delivered' | 'expired';

/** A composed alert for one contact and channel, as stored in the outbox. */
export interface OutboxItem {
  readonly id: number;
  /** Unique; enqueueing the same key twice keeps the first. */
  readonly idempotencyKey: string;
  readonly alertId: string;
  readonly event: string;
  readonly contactId: string;
  readonly contactName: string;
  readonly target: OutboxTarget;
  readonly language: string;
  readonly subject: string;
  readonly text: string;
  /** When the event happened, ISO 8601. */
  readonly at: string;
  readonly createdAt: number;
  readonly state: OutboxState;
  readonly attempts: number;
  readonly nextAttemptAt: number;
  readonly deliveredAt?: number;
  readonly lastError?: { readonly code: SendErrorCode; readonly message: string; readonly at: number };
}

/** What the outbox needs to store a new item. */
export type NewOutboxItem = Omit<OutboxItem, 'id' | 'state' | 'attempts' | 'nextAttemptAt' | 'deliveredAt' | 'lastError'>;

/** The process holding an outbox lease: pid plus an OS start-time token ('' when unknown). */
export interface LeaseOwner {
  readonly pid: number;
  readonly started: string;
}

/**
 * The durable outbox. Every write is committed before the call returns, so an alert survives a
 * crash right after `enqueue`. `claim` is an atomic lease so two processes (app and CLI) never
 * send the same item at the same time.
 */
export interface OutboxStore {
  /**
   * Stores the items in one transaction (one disk flush), skipping idempotency keys that exist;
   * returns, per item, true when it was new.
   */
  enqueue(items: readonly NewOutboxItem[]): boolean[];
  /** Pending items whose next attempt is due (all pending ones when `ignoreSchedule`). */
  due(now: number, options?: { readonly limit?: number; readonly ignoreSchedule?: boolean }): OutboxItem[];
  /**
   * Takes the lease on one pending item until `until`; false when another live process holds
   * it. A lease whose holder has ended is taken over at once, without waiting for it to run out.
   */
  claim(id: number, now: number, until: number): boolean;
  /** Pushes this process's lease further while a send is still running; false when it lost it. */
  extendLease(id: number, until: number): boolean;
  markDelivered(id: number, at: number): void;
  markFailed(id: number, failure: { readonly at: number; readonly code: SendErrorCode; readonly message: string; readonly nextAttemptAt: number }): void;
  markExpired(id: number, at: number): void;
  /** Earliest next attempt among pending items, or undefined when none is pending. */
  nextDueAt(): number | undefined;
  /** Most recent first, for History and `family status`. */
  list(options?: { readonly limit?: number; readonly state?: OutboxState }): OutboxItem[];
}
