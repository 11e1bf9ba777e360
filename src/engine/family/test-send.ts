/**
 * A test message to one contact, sent now on each of its channels (not through the outbox): what
 * `scarestop family test` and the Settings screen's "Send a test" do.
 */
import type { MailSender, SendResult, WebhookSender } from '../ports/notify.js';
import type { FamilyContact } from './contacts.js';
import { composeTestMessage } from './messages.js';
import type { FamilySettings } from './settings.js';

/** The result on one channel. */
export interface TestSendLine {
  readonly channel: 'email' | 'webhook';
  readonly result: SendResult;
}

/** Sends the test message on every channel of the contact. */
export async function sendTestMessage(
  contact: FamilyContact,
  settings: FamilySettings,
  senders: { readonly mail?: MailSender; readonly webhook: WebhookSender },
  at: string,
): Promise<TestSendLine[]> {
  const context = { ...(settings.deviceName !== undefined ? { deviceName: settings.deviceName } : {}), ...(settings.timeZone !== undefined ? { timeZone: settings.timeZone } : {}) };
  const message = composeTestMessage(contact.language, context, at);
  const key = `test-${at}/${contact.id}`;
  const lines: TestSendLine[] = [];
  if (contact.email !== undefined) {
    const result: SendResult =
      senders.mail === undefined
        ? { ok: false, code: 'bad-config', message: 'No mail server is set up.', retryable: false }
        : await senders.mail.send({ to: contact.email, subject: message.subject, text: message.text, idempotencyKey: `${key}/email`, language: contact.language });
    lines.push({ channel: 'email', result });
  }
  if (contact.webhook !== undefined) {
    const result = await senders.webhook.send({ url: contact.webhook.url, mode: contact.webhook.mode, title: message.subject, text: message.text, idempotencyKey: `${key}/webhook`, language: contact.language, event: 'test', at });
    lines.push({ channel: 'webhook', result });
  }
  return lines;
}
