/**
 * The family section of Settings: list, add (the CLI's own validation, `buildContact`), remove
 * and test contacts over the open database. Webhook addresses leave main without their path.
 */
import { secretSealer } from '../platform/index.js';
import { randomBytes } from 'node:crypto';
import { buildContact, redactUrl, type FamilyContact } from '../engine/family/contacts.js';
import type { SenderFactory } from '../engine/family/family-alerts.js';
import { sendTestMessage } from '../engine/family/test-send.js';
import type { FamilyAdd, FamilyAddResult, FamilyTestResult, FamilyView } from '../shared/ipc.js';
import { toDisplayText } from '../shared/display-text.js';
import type { SqliteIncidentStore } from '../storage/index.js';
import { SqliteContactStore, SqliteFamilySettings } from '../storage/contacts-repo.js';

/** What Settings can do with family contacts. */
export interface FamilySettingsService {
  list(): FamilyView;
  add(input: FamilyAdd): FamilyAddResult;
  remove(id: string): FamilyView;
  test(id: string): Promise<FamilyTestResult>;
}

const ADD_ERRORS = new Set(['bad-name', 'bad-language', 'bad-email', 'bad-url', 'bad-webhook-mode', 'no-channel', 'bad-trigger'] as const);
type AddError = NonNullable<FamilyAddResult['error']>;
const isAddError = (code: string): code is AddError => (ADD_ERRORS as ReadonlySet<string>).has(code);

function view(contact: FamilyContact): FamilyView['contacts'][number] {
  return {
    id: contact.id,
    name: toDisplayText(contact.name, 80),
    language: contact.language,
    email: contact.email ?? null,
    webhook: contact.webhook === undefined ? null : redactUrl(contact.webhook.url),
    webhookMode: contact.webhook?.mode ?? null,
  };
}

/** Builds the service; without `senders` a test says the channel is not set up. */
export function createFamilySettings(database: SqliteIncidentStore['database'], senders: SenderFactory | undefined, now: () => number): FamilySettingsService {
  // The same sealed secrets as the CLI (DPAPI on Windows): the app reads what `family smtp` wrote.
  const secrets = secretSealer();
  const contacts = new SqliteContactStore(database, secrets);
  const settings = new SqliteFamilySettings(database, secrets);
  const list = (): FamilyView => ({ contacts: contacts.list().slice(0, 50).map(view), mailReady: settings.get().smtp !== undefined });
  return {
    list,
    add(input) {
      const email = input.email?.trim();
      const webhookUrl = input.webhookUrl?.trim();
      const built = buildContact(`c-${randomBytes(4).toString('hex')}`, {
        name: input.name,
        language: input.language,
        ...(email === undefined || email === '' ? {} : { email }),
        ...(webhookUrl === undefined || webhookUrl === '' ? {} : { webhookUrl, ...(input.webhookMode === undefined ? {} : { webhookMode: input.webhookMode }) }),
      });
      if (!built.ok) return { error: isAddError(built.error.code) ? built.error.code : 'no-channel', family: list() };
      contacts.save(built.value);
      return { error: null, family: list() };
    },
    remove(id) {
      contacts.remove(id);
      return list();
    },
    async test(id) {
      const contact = contacts.get(id);
      if (contact === undefined) throw new Error(`no family contact ${id}`);
      if (senders === undefined) return { results: [] };
      const lines = await sendTestMessage(contact, settings.get(), senders(settings.get()), new Date(now()).toISOString());
      return { results: lines.map((line) => ({ channel: line.channel, ok: line.result.ok, code: line.result.ok ? null : line.result.code })) };
    },
  };
}
