/**
 * Family contacts, family-alert settings and the guard's running marker, in the incident
 * database (migration 0052). Every write is committed before the method returns. The secrets
 * among them (a webhook URL, which often carries a token, and the SMTP password) go through a
 * {@link SecretSealer}: DPAPI on Windows, so they are never in the file in plain text.
 */
import type { Database } from 'better-sqlite3';
import { ALL_TRIGGERS, isTriggerKind, type AlertLanguage, type ContactStore, type FamilyContact } from '../engine/family/contacts.js';
import type { Heartbeat, HeartbeatStore } from '../engine/family/guard-heartbeat.js';
import type { FamilySettings, FamilySettingsStore } from '../engine/family/settings.js';
import type { WebhookMode } from '../engine/ports/notify.js';
import type { SecretSealer } from '../engine/ports/secrets.js';

interface ContactRow {
  id: string;
  name: string;
  language: AlertLanguage;
  email: string | null;
  webhook_url: string | null;
  webhook_mode: WebhookMode | null;
  triggers: string;
  created_at: number;
}

/**
 * Opens a stored secret; one that cannot be opened (sealed by another Windows user or PC) reads
 * as missing, so the rest of the contact or settings still works and the user can enter it again.
 */
function openSecret(secrets: SecretSealer, stored: string): string | undefined {
  try {
    return secrets.open(stored);
  } catch {
    return undefined;
  }
}

function toContact(row: ContactRow, secrets: SecretSealer): FamilyContact {
  const webhookUrl = row.webhook_url === null ? undefined : openSecret(secrets, row.webhook_url);
  let triggers: FamilyContact['triggers'] = ALL_TRIGGERS;
  try {
    const parsed: unknown = JSON.parse(row.triggers);
    if (Array.isArray(parsed)) triggers = parsed.filter((t): t is string => typeof t === 'string').filter(isTriggerKind);
  } catch {
    // An unreadable trigger list keeps every trigger on: telling the family too much is safer than too little.
    triggers = ALL_TRIGGERS;
  }
  return {
    id: row.id,
    name: row.name,
    language: row.language,
    triggers,
    ...(row.email !== null ? { email: row.email } : {}),
    ...(webhookUrl !== undefined ? { webhook: { url: webhookUrl, mode: row.webhook_mode ?? 'json' } } : {}),
  };
}

/** {@link ContactStore} on the incident database. */
export class SqliteContactStore implements ContactStore {
  constructor(
    private readonly db: Database,
    private readonly secrets: SecretSealer,
    private readonly now: () => number = Date.now,
  ) {}

  list(): FamilyContact[] {
    return (this.db.prepare('SELECT * FROM family_contacts ORDER BY created_at, id').all() as ContactRow[]).map((row) => toContact(row, this.secrets));
  }

  get(id: string): FamilyContact | undefined {
    const row = this.db.prepare('SELECT * FROM family_contacts WHERE id = ?').get(id) as ContactRow | undefined;
    return row === undefined ? undefined : toContact(row, this.secrets);
  }

  save(contact: FamilyContact): void {
    this.db
      .prepare(
        `INSERT INTO family_contacts (id, name, language, email, webhook_url, webhook_mode, triggers, created_at)
         VALUES (@id, @name, @language, @email, @url, @mode, @triggers, @now)
         ON CONFLICT (id) DO UPDATE SET name = @name, language = @language, email = @email,
           webhook_url = @url, webhook_mode = @mode, triggers = @triggers`,
      )
      .run({
        id: contact.id,
        name: contact.name,
        language: contact.language,
        email: contact.email ?? null,
        url: contact.webhook === undefined ? null : this.secrets.seal(contact.webhook.url),
        mode: contact.webhook?.mode ?? null,
        triggers: JSON.stringify(contact.triggers),
        now: this.now(),
      });
  }

  remove(id: string): boolean {
    return this.db.prepare('DELETE FROM family_contacts WHERE id = ?').run(id).changes === 1;
  }
}

const SETTINGS_KEY = 'family';

/** {@link FamilySettingsStore}: one JSON value in `family_settings`. */
export class SqliteFamilySettings implements FamilySettingsStore {
  constructor(
    private readonly db: Database,
    private readonly secrets: SecretSealer,
    private readonly now: () => number = Date.now,
  ) {}

  get(): FamilySettings {
    const row = this.db.prepare('SELECT value FROM family_settings WHERE key = ?').get(SETTINGS_KEY) as { value: string } | undefined;
    if (row === undefined) return {};
    let stored: FamilySettings;
    try {
      stored = JSON.parse(row.value) as FamilySettings;
    } catch {
      // A damaged value means "not set up"; `family smtp` writes a fresh one.
      return {};
    }
    if (stored.smtp?.password === undefined) return stored;
    const { password: sealed, ...smtp } = stored.smtp;
    const password = openSecret(this.secrets, sealed);
    return { ...stored, smtp: password === undefined ? smtp : { ...smtp, password } };
  }

  set(settings: FamilySettings): void {
    const sealed = settings.smtp?.password === undefined ? settings : { ...settings, smtp: { ...settings.smtp, password: this.secrets.seal(settings.smtp.password) } };
    this.db
      .prepare(
        `INSERT INTO family_settings (key, value, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      )
      .run(SETTINGS_KEY, JSON.stringify(sealed), this.now());
  }
}

/** {@link HeartbeatStore}: the single row of `guard_heartbeat`. */
export class SqliteHeartbeatStore implements HeartbeatStore {
  constructor(private readonly db: Database) {}

  read(): Heartbeat | undefined {
    const row = this.db.prepare('SELECT state, started_at, last_seen_at FROM guard_heartbeat WHERE id = 1').get() as
      | { state: Heartbeat['state']; started_at: number; last_seen_at: number }
      | undefined;
    return row === undefined ? undefined : { state: row.state, startedAt: row.started_at, lastSeenAt: row.last_seen_at };
  }

  write(heartbeat: Heartbeat): void {
    this.db
      .prepare(
        `INSERT INTO guard_heartbeat (id, state, started_at, last_seen_at) VALUES (1, @state, @startedAt, @lastSeenAt)
         ON CONFLICT (id) DO UPDATE SET state = @state, started_at = @startedAt, last_seen_at = @lastSeenAt`,
      )
      .run(heartbeat);
  }
}
