/**
 * Family-alert settings: the mail server used to send, how this PC is named in messages, and
 * the time zone of the times shown. The mail server's host, port, security and login are
 * secrets of a kind: they never appear in logs, reports or error messages (see {@link describeSmtp}).
 */
import { err, ok, type Result } from '../../shared/result.js';

/** How the SMTP connection is protected. */
export type SmtpSecurity = 'tls' | 'starttls' | 'none';

/** The outgoing mail server. */
export interface SmtpSettings {
  readonly host: string;
  readonly port: number;
  readonly security: SmtpSecurity;
  readonly user?: string;
  readonly password?: string;
  /** Sender address, e.g. `scarestop@example.jp`. */
  readonly from: string;
}

/** All family-alert settings. */
export interface FamilySettings {
  readonly smtp?: SmtpSettings;
  /** Shown in messages so the family knows which PC ("母のパソコン"). */
  readonly deviceName?: string;
  /** IANA time zone for times in messages; default: the system's. */
  readonly timeZone?: string;
}

/** Where family settings are kept; writes are durable when they return. */
export interface FamilySettingsStore {
  get(): FamilySettings;
  set(settings: FamilySettings): void;
}

/**
 * Why a login over an unencrypted connection is refused unless asked for: the password would
 * cross the network in plain text, readable by anyone on the same Wi-Fi.
 */
export const PLAINTEXT_LOGIN_WARNING =
  'With security "none", the mail password is sent unencrypted: anyone on the same network can read it. Use "tls" or "starttls" if the mail server offers it.';

/** Checks SMTP settings; messages never echo the values. */
export function validateSmtp(
  input: {
    readonly host?: string;
    readonly port?: number | string;
    readonly security?: string;
    readonly user?: string;
    readonly password?: string;
    readonly from?: string;
  },
  options: { readonly allowPlaintextLogin?: boolean } = {},
): Result<SmtpSettings> {
  const host = input.host?.trim() ?? '';
  if (host === '' || /[\s/@]/.test(host)) return err({ code: 'bad-host', message: 'The mail server name is missing or malformed.' });
  const security = input.security ?? 'starttls';
  if (security !== 'tls' && security !== 'starttls' && security !== 'none') {
    return err({ code: 'bad-security', message: 'Security must be "tls", "starttls" or "none".' });
  }
  const defaultPort = security === 'tls' ? 465 : 587;
  const port = input.port === undefined ? defaultPort : Number(input.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) return err({ code: 'bad-port', message: 'The mail server port must be 1 to 65535.' });
  const from = input.from?.trim() ?? '';
  if (!/^[^\s@]+@[^\s@]+$/.test(from)) return err({ code: 'bad-from', message: 'The sender address (--from) does not look right.' });
  if ((input.user === undefined) !== (input.password === undefined)) {
    return err({ code: 'bad-login', message: 'Give both the user name and the password, or neither.' });
  }
  if (security === 'none' && input.password !== undefined && options.allowPlaintextLogin !== true) {
    return err({ code: 'plaintext-login', message: `${PLAINTEXT_LOGIN_WARNING} To store it anyway, confirm that you accept this.` });
  }
  return ok({ host, port, security, from, ...(input.user !== undefined && input.password !== undefined ? { user: input.user, password: input.password } : {}) });
}

/** A description safe for logs and screens: says that a server is set, never which. */
export function describeSmtp(smtp: SmtpSettings | undefined): string {
  if (smtp === undefined) return 'not set up';
  return `set up (${smtp.security === 'none' ? 'no encryption' : 'encrypted'}${smtp.user !== undefined ? ', with login' : ''})`;
}

/** The warning to show next to stored settings that log in without encryption, if any. */
export function smtpWarning(smtp: SmtpSettings | undefined): string | undefined {
  return smtp?.security === 'none' && smtp.password !== undefined ? PLAINTEXT_LOGIN_WARNING : undefined;
}
