/** Builds the real senders for the family-alert settings (the engine's `SenderFactory`). */
import type { FamilySettings } from '../../engine/family/settings.js';
import type { MailSender, WebhookSender } from '../../engine/ports/notify.js';
import { NodemailerSmtpSender, type SmtpSenderOptions } from './smtp-sender.js';
import { FetchWebhookSender } from './webhook-sender.js';

/** Timeouts for both channels (tests shorten them). */
export interface FamilySenderOptions {
  readonly smtp?: SmtpSenderOptions;
  readonly webhookTimeoutMs?: number;
}

/** The mail sender exists only when a mail server is set up. */
export function createFamilySenders(settings: FamilySettings, options: FamilySenderOptions = {}): { readonly mail?: MailSender; readonly webhook: WebhookSender } {
  const webhook = new FetchWebhookSender(options.webhookTimeoutMs !== undefined ? { timeoutMs: options.webhookTimeoutMs } : {});
  if (settings.smtp === undefined) return { webhook };
  return { mail: new NodemailerSmtpSender(settings.smtp, options.smtp), webhook };
}
