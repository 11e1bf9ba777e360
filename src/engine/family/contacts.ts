/**
 * Family contacts: who is told, in which language, over which channel, about what.
 * Validation lives here so the CLI and the settings UI accept exactly the same things.
 */
import type { WebhookMode } from '../ports/notify.js';
import { err, ok, type Result } from '../../shared/result.js';

/** Languages alert messages are written in. */
export type AlertLanguage = 'ja' | 'en';

/** Events a contact can be told about; each one can be switched off per contact. */
export type TriggerKind = 'scam-page' | 'remote-tool' | 'wizard-started' | 'guard-stopped';

/** Every trigger, in the order settings show them. */
export const ALL_TRIGGERS: readonly TriggerKind[] = ['scam-page', 'remote-tool', 'wizard-started', 'guard-stopped'];

/** A relative or helper who wants to know. At least one channel is set. */
export interface FamilyContact {
  /** Short stable id, e.g. `c-1a2b3c`. */
  readonly id: string;
  readonly name: string;
  readonly language: AlertLanguage;
  readonly email?: string;
  readonly webhook?: { readonly url: string; readonly mode: WebhookMode };
  /** Triggers switched on for this contact. */
  readonly triggers: readonly TriggerKind[];
}

/** Where contacts are kept (the incident store). Writes are durable when they return. */
export interface ContactStore {
  list(): FamilyContact[];
  get(id: string): FamilyContact | undefined;
  /** Inserts or replaces by id. */
  save(contact: FamilyContact): void;
  /** True when a contact was removed. */
  remove(id: string): boolean;
}

/** Raw input from the CLI or settings form. */
export interface ContactInput {
  readonly name: string;
  readonly language?: string;
  readonly email?: string;
  readonly webhookUrl?: string;
  readonly webhookMode?: string;
  /** Triggers to switch on (default: all). */
  readonly triggers?: readonly string[];
}

const MAX_NAME = 80;
// Deliberately simple: one @, no spaces, a dot in the domain. The mail server has the last word.
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

/** Is this one of the trigger names? */
export function isTriggerKind(value: string): value is TriggerKind {
  return (ALL_TRIGGERS as readonly string[]).includes(value);
}

/** Checks a webhook URL: http(s) only, parseable. The message never echoes the URL (it may hold a token). */
export function validateWebhookUrl(url: string): Result<string> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    return err({ code: 'bad-url', message: 'The webhook address is not a valid URL.', cause });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return err({ code: 'bad-url', message: 'The webhook address must start with http:// or https://.' });
  }
  // `https://user:token@host/…` is dropped by fetch (it refuses such URLs), so every alert would
  // fail as a network error; and the token would show wherever the address is shown.
  if (parsed.username !== '' || parsed.password !== '') {
    return err({
      code: 'url-credentials',
      message: 'The webhook address has a user name or password in it (user:token@…). Remove it and give the token the way the service asks (for example in the address path or as a topic).',
    });
  }
  return ok(parsed.toString());
}

/** Validates input and builds a contact with the given id. */
export function buildContact(id: string, input: ContactInput): Result<FamilyContact> {
  const name = input.name.trim();
  if (name === '' || name.length > MAX_NAME) {
    return err({ code: 'bad-name', message: `The name must be 1 to ${MAX_NAME} characters.` });
  }
  const language = input.language ?? 'ja';
  if (language !== 'ja' && language !== 'en') {
    return err({ code: 'bad-language', message: 'The language must be "ja" or "en".' });
  }
  const email = input.email?.trim();
  if (email !== undefined && !EMAIL.test(email)) {
    return err({ code: 'bad-email', message: 'The email address does not look right.' });
  }
  let webhook: FamilyContact['webhook'];
  if (input.webhookUrl !== undefined) {
    const url = validateWebhookUrl(input.webhookUrl.trim());
    if (!url.ok) return url;
    const mode = input.webhookMode ?? 'json';
    if (mode !== 'json' && mode !== 'ntfy') {
      return err({ code: 'bad-webhook-mode', message: 'The webhook mode must be "json" or "ntfy".' });
    }
    webhook = { url: url.value, mode };
  }
  if (email === undefined && webhook === undefined) {
    return err({ code: 'no-channel', message: 'Give an email address or a webhook URL.' });
  }
  const requested = input.triggers ?? ALL_TRIGGERS;
  const unknown = requested.filter((t) => !isTriggerKind(t));
  if (unknown.length > 0) {
    return err({ code: 'bad-trigger', message: `Unknown trigger(s): ${unknown.join(', ')}. Known: ${ALL_TRIGGERS.join(', ')}.` });
  }
  const triggers = ALL_TRIGGERS.filter((t) => requested.includes(t));
  return ok({ id, name, language, triggers, ...(email !== undefined ? { email } : {}), ...(webhook !== undefined ? { webhook } : {}) });
}

/** Shows a webhook URL without path, query or credentials (they often carry a secret topic/token). */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}/…`;
  } catch {
    return '(invalid URL)';
  }
}
