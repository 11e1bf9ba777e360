/**
 * {@link MailSender} over SMTP with nodemailer. The server's host, port, security and login
 * never reach a log line or an error message: errors are mapped to a code and plain words.
 */
import type { MailMessage, MailSender, SendErrorCode, SendResult } from '../../engine/ports/notify.js';
import type { SmtpSettings } from '../../engine/family/settings.js';

/** Timeouts (ms). Defaults suit a slow home connection without blocking delivery for long. */
export interface SmtpSenderOptions {
  readonly connectionTimeoutMs?: number;
  readonly greetingTimeoutMs?: number;
  readonly socketTimeoutMs?: number;
  /** Hard cap on one whole send. */
  readonly totalTimeoutMs?: number;
}

/** Sends one connection per message (alerts are rare; no pool to keep open). */
export class NodemailerSmtpSender implements MailSender {
  constructor(
    private readonly settings: SmtpSettings,
    private readonly options: SmtpSenderOptions = {},
  ) {}

  async send(message: MailMessage, signal?: AbortSignal): Promise<SendResult> {
    if (signal?.aborted === true) return { ok: false, code: 'unknown', message: 'Sending was cancelled.', retryable: true };
    const { settings, options } = this;
    // Loaded on the first mail only: the guard runs for days without sending one, and nodemailer
    // costs a long-running watcher several MB (see scripts/bench/cli.bench.ts).
    const { default: nodemailer } = await import('nodemailer');
    const transport = nodemailer.createTransport({
      host: settings.host,
      port: settings.port,
      secure: settings.security === 'tls',
      requireTLS: settings.security === 'starttls',
      ignoreTLS: settings.security === 'none',
      ...(settings.user !== undefined && settings.password !== undefined ? { auth: { user: settings.user, pass: settings.password } } : {}),
      connectionTimeout: options.connectionTimeoutMs ?? 15_000,
      greetingTimeout: options.greetingTimeoutMs ?? 15_000,
      socketTimeout: options.socketTimeoutMs ?? 50_000,
      logger: false,
      debug: false,
    });
    const total = options.totalTimeoutMs ?? 60_000;
    let timer: NodeJS.Timeout | undefined;
    const onAbort = (): void => transport.close();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const sending = transport.sendMail({
        from: settings.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        messageId: `<${message.idempotencyKey}@alert.scarestop.invalid>`,
        headers: { 'X-ScareStop-Alert-Id': message.idempotencyKey, 'Content-Language': message.language, 'Auto-Submitted': 'auto-generated' },
      });
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(Object.assign(new Error('send took too long'), { code: 'ETIMEDOUT' })), total);
      });
      await Promise.race([sending, timeout]);
      return { ok: true };
    } catch (error) {
      if (isAborted(signal)) return { ok: false, code: 'unknown', message: 'Sending was cancelled.', retryable: true };
      return smtpFailure(error);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      transport.close();
    }
  }
}

// A function, so the compiler does not assume `aborted` is unchanged since the first check.
function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

interface MailerError {
  readonly code?: string;
  readonly responseCode?: number;
  readonly cause?: unknown;
  readonly message?: string;
}

function causeCode(error: MailerError): string | undefined {
  const cause = error.cause as { code?: unknown } | undefined;
  if (typeof cause?.code === 'string') return cause.code;
  // nodemailer puts the socket error's code in the message ("connect ECONNREFUSED ...").
  return /\b(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|EHOSTUNREACH|ENETUNREACH)\b/.exec(error.message ?? '')?.[1];
}

const fail = (code: SendErrorCode, message: string, retryable: boolean): SendResult => ({ ok: false, code, message, retryable });

/** Maps a nodemailer error to a result. Never copies the error text (it names the server). */
export function smtpFailure(error: unknown): SendResult {
  const e = (typeof error === 'object' && error !== null ? error : {}) as MailerError;
  const low = causeCode(e);
  if (e.code === 'EDNS' || low === 'ENOTFOUND' || low === 'EAI_AGAIN') return fail('bad-host', 'The mail server name could not be found. Check the server setting or the internet connection.', true);
  if (low === 'ECONNREFUSED') return fail('unreachable', 'The mail server refused the connection (nothing answers at that server and port).', true);
  if (low === 'EHOSTUNREACH' || low === 'ENETUNREACH') return fail('unreachable', 'The mail server cannot be reached: the PC seems to be offline.', true);
  if (e.code === 'ETIMEDOUT' || low === 'ETIMEDOUT') return fail('timeout', 'The mail server did not answer in time.', true);
  if (e.code === 'EAUTH' || e.code === 'ENOAUTH') return fail('auth-failed', 'The mail server refused the login: check the user name and password.', false);
  // Certificate and handshake failures arrive as ESOCKET with the TLS reason in the message.
  const tlsProblem = e.code === 'ESOCKET' && /certificate|self[- ]signed|handshake|\bssl\b|\btls\b|wrong version number/i.test(e.message ?? '');
  if (e.code === 'ETLS' || e.code === 'EREQUIRETLS' || tlsProblem) return fail('tls-failed', 'A secure connection to the mail server could not be set up: check the security setting.', false);
  if (typeof e.responseCode === 'number' && e.responseCode >= 400 && e.responseCode < 500) {
    return fail('server-error', `The mail server asked to try again later (SMTP ${e.responseCode}).`, true);
  }
  if (e.code === 'EENVELOPE' || (typeof e.responseCode === 'number' && e.responseCode >= 500)) {
    return fail('rejected', `The mail server refused the message${typeof e.responseCode === 'number' ? ` (SMTP ${e.responseCode})` : ''}: check the addresses.`, false);
  }
  if (e.code === 'ECONNECTION' || e.code === 'ESOCKET' || e.code === 'EPROTOCOL') {
    return fail('unreachable', 'The connection to the mail server failed.', true);
  }
  return fail('unknown', `Sending the mail failed (${typeof e.code === 'string' ? e.code : 'unknown error'}).`, true);
}
