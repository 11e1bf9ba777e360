/**
 * {@link WebhookSender} with Node's fetch: a small JSON document, or ntfy-compatible plain text
 * (body = message, `Title`/`Priority`/`Tags` headers). Redirects are not followed, every call
 * has a timeout, and errors never repeat the URL (it often carries a secret topic or token).
 */
import type { SendErrorCode, SendResult, WebhookMessage, WebhookSender } from '../../engine/ports/notify.js';

/** The JSON document POSTed in `json` mode. */
export interface WebhookPayload {
  readonly type: 'scarestop.alert';
  readonly version: 1;
  /** Idempotency key: the same alert always has the same id. */
  readonly id: string;
  readonly event: string;
  readonly at: string;
  readonly language: string;
  readonly title: string;
  readonly message: string;
}

/** Encodes a header value as an RFC 2047 encoded word when it is not plain ASCII (ntfy decodes it). */
export function encodeHeader(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) return value;
  return `=?UTF-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`;
}

/** HTTP POST sender. */
export class FetchWebhookSender implements WebhookSender {
  constructor(private readonly options: { readonly timeoutMs?: number } = {}) {}

  async send(message: WebhookMessage, signal?: AbortSignal): Promise<SendResult> {
    let url: URL;
    try {
      url = new URL(message.url);
    } catch {
      return fail('bad-config', 'The webhook address is not a valid URL.', false);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return fail('bad-config', 'The webhook address must start with http:// or https://.', false);
    const timeout = AbortSignal.timeout(this.options.timeoutMs ?? 45_000);
    const combined = signal === undefined ? timeout : AbortSignal.any([signal, timeout]);
    const headers: Record<string, string> = { 'Idempotency-Key': message.idempotencyKey, 'X-ScareStop-Alert-Id': message.idempotencyKey };
    let body: string;
    if (message.mode === 'ntfy') {
      headers['Content-Type'] = 'text/plain; charset=utf-8';
      headers['Title'] = encodeHeader(message.title);
      headers['Priority'] = 'high';
      headers['Tags'] = 'warning';
      body = message.text;
    } else {
      headers['Content-Type'] = 'application/json';
      const payload: WebhookPayload = {
        type: 'scarestop.alert',
        version: 1,
        id: message.idempotencyKey,
        event: message.event,
        at: message.at,
        language: message.language,
        title: message.title,
        message: message.text,
      };
      body = JSON.stringify(payload);
    }
    try {
      const response = await fetch(url, { method: 'POST', headers, body, redirect: 'manual', signal: combined });
      // Drain the body so the connection is released; its content is not needed.
      await response.arrayBuffer().catch(() => undefined);
      if (response.status >= 200 && response.status < 300) return { ok: true, detail: `HTTP ${response.status}` };
      if (response.status === 429 || response.status >= 500) return fail('server-error', `The webhook server had a problem (HTTP ${response.status}); will retry.`, true);
      if (response.status >= 300 && response.status < 400) return fail('rejected', `The webhook server redirected (HTTP ${response.status}); use the final address.`, false);
      return fail('rejected', `The webhook server refused the message (HTTP ${response.status}): check the address.`, false);
    } catch (error) {
      if (signal?.aborted === true) return fail('unknown', 'Sending was cancelled.', true);
      if (timeout.aborted) return fail('timeout', 'The webhook server did not answer in time.', true);
      return fetchFailure(error);
    }
  }
}

const fail = (code: SendErrorCode, message: string, retryable: boolean): SendResult => ({ ok: false, code, message, retryable });

/** Maps a fetch network error (undici puts the system error in `cause`). */
export function fetchFailure(error: unknown): SendResult {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  // fetch refuses ports browsers block (1, 25, 6000, ...) before connecting.
  if (code === undefined && cause?.message === 'bad port') return fail('bad-config', 'The webhook address uses a port that cannot be used for web requests.', false);
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return fail('bad-host', 'The webhook server name could not be found. Check the address or the internet connection.', true);
    case 'ECONNREFUSED':
      return fail('unreachable', 'The webhook server refused the connection.', true);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return fail('unreachable', 'The webhook server cannot be reached: the PC seems to be offline.', true);
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'ETIMEDOUT':
      return fail('timeout', 'The webhook server did not answer in time.', true);
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'CERT_HAS_EXPIRED':
      return fail('tls-failed', 'The webhook server\'s certificate is not valid.', false);
    default:
      return fail('unknown', `Calling the webhook failed (${code ?? 'network error'}).`, true);
  }
}
