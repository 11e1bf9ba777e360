import type { Database, Statement } from 'better-sqlite3';
import type {
  AppendOutcome,
  Incident,
  IncidentId,
  IncidentStore,
  IncidentSummary,
  Settings,
  StoreOpenReport,
  TimelineEvent,
  TimelineKind,
  WizardRecord,
  WizardSaveError,
} from '../engine/ports/store.js';
import { err, ok, type AppError, type Result } from '../shared/result.js';
import { safeText } from '../engine/report/redact.js';
import { parsePayload, sanitizePayload } from './events.js';
import { defaultSettings, isSettingKey, settingKeys, validateSetting } from './settings.js';

interface IncidentRow {
  id: string;
  opened_at: number;
  closed_at: number | null;
  title: string;
}
interface EventRow {
  id: string;
  incident_id: string;
  at: number;
  data: string;
}

function toIncident(row: IncidentRow): Incident {
  return row.closed_at === null
    ? { id: row.id, openedAt: row.opened_at, title: row.title }
    : { id: row.id, openedAt: row.opened_at, closedAt: row.closed_at, title: row.title };
}

/** Generates a readable incident id (`inc-20261122-223551-k3f9`). */
export function newIncidentId(at: number): IncidentId {
  const stamp = new Date(at).toISOString().replace(/[-:]/gu, '').replace('T', '-').slice(0, 15);
  const random = Math.floor(Math.random() * 36 ** 4).toString(36).padStart(4, '0');
  return `inc-${stamp}-${random}`;
}

/**
 * {@link IncidentStore} on better-sqlite3. Every write is one transaction committed with
 * `synchronous=FULL`: when a method returns, the data is on disk. Sibling modules of
 * src/storage (the alert outbox) use {@link SqliteIncidentStore.database} for their own tables.
 */
export class SqliteIncidentStore implements IncidentStore {
  /** Rows whose data could not be read since opening (shown as a warning, never a crash). */
  unreadableEvents = 0;
  private readonly insertEvent: Statement;
  private readonly selectTimeline: Statement;

  constructor(
    readonly database: Database,
    readonly openReport: StoreOpenReport,
  ) {
    this.insertEvent = database.prepare(
      `INSERT OR IGNORE INTO events (id, incident_id, at, kind, data, seq)
       VALUES (@id, @incidentId, @at, @kind, @data, (SELECT COALESCE(MAX(seq), 0) + 1 FROM events))`,
    );
    this.selectTimeline = database.prepare('SELECT id, incident_id, at, data FROM events WHERE incident_id = ? ORDER BY seq');
  }

  createIncident(input: { readonly openedAt: number; readonly title: string; readonly id?: IncidentId }): Incident {
    const incident: Incident = { id: input.id ?? newIncidentId(input.openedAt), openedAt: input.openedAt, title: safeText(input.title, 200) };
    this.database
      .prepare('INSERT INTO incidents (id, opened_at, title) VALUES (?, ?, ?)')
      .run(incident.id, incident.openedAt, incident.title);
    return incident;
  }

  getIncident(id: IncidentId): Incident | undefined {
    const row = this.database.prepare('SELECT * FROM incidents WHERE id = ?').get(id) as IncidentRow | undefined;
    return row === undefined ? undefined : toIncident(row);
  }

  listIncidents(options: { readonly limit?: number } = {}): IncidentSummary[] {
    const rows = this.database
      .prepare(
        `SELECT i.*, COUNT(e.id) AS event_count, MAX(e.at) AS last_event_at
         FROM incidents i LEFT JOIN events e ON e.incident_id = i.id
         GROUP BY i.id ORDER BY i.opened_at DESC, i.rowid DESC LIMIT ?`,
      )
      .all(options.limit ?? 100) as (IncidentRow & { event_count: number; last_event_at: number | null })[];
    return rows.map((row) => ({
      ...toIncident(row),
      eventCount: row.event_count,
      ...(row.last_event_at === null ? {} : { lastEventAt: row.last_event_at }),
    }));
  }

  latestOpenIncident(): Incident | undefined {
    const row = this.database
      .prepare('SELECT * FROM incidents WHERE closed_at IS NULL ORDER BY opened_at DESC, rowid DESC LIMIT 1')
      .get() as IncidentRow | undefined;
    return row === undefined ? undefined : toIncident(row);
  }

  closeIncident(id: IncidentId, at: number): void {
    this.database.prepare('UPDATE incidents SET closed_at = ? WHERE id = ? AND closed_at IS NULL').run(at, id);
  }

  appendEvent(event: TimelineEvent): AppendOutcome {
    const payload = sanitizePayload(event.payload);
    const info = this.insertEvent.run({ id: event.id, incidentId: event.incidentId, at: event.at, kind: payload.kind, data: JSON.stringify(payload) });
    return info.changes === 1 ? 'added' : 'duplicate';
  }

  timeline(incidentId: IncidentId): TimelineEvent[] {
    return this.readEvents(this.selectTimeline.all(incidentId) as EventRow[]);
  }

  eventsSince(since: number, kinds?: readonly TimelineKind[]): TimelineEvent[] {
    const rows = this.database.prepare('SELECT id, incident_id, at, kind, data FROM events WHERE at >= ? ORDER BY at, seq').all(since) as (EventRow & { kind: string })[];
    const wanted = kinds === undefined ? undefined : new Set<string>(kinds);
    return this.readEvents(rows.filter((row) => wanted === undefined || wanted.has(row.kind)));
  }

  getSettings(): Settings {
    const rows = this.database.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
    const settings: Record<string, unknown> = { ...defaultSettings };
    for (const row of rows) {
      if (!isSettingKey(row.key)) continue; // a newer version's key: kept in the table, ignored here
      let raw: unknown;
      try {
        raw = JSON.parse(row.value);
      } catch {
        continue; // unreadable value: the default stands
      }
      const checked = validateSetting(row.key, raw);
      if (checked.ok) settings[row.key] = checked.value;
    }
    return settings as unknown as Settings;
  }

  updateSettings(patch: Partial<Settings>): Result<Settings, AppError> {
    const entries: [string, unknown][] = [];
    for (const [key, value] of Object.entries(patch)) {
      if (!isSettingKey(key)) return err({ code: 'unknown-setting', message: `Unknown setting "${key}". Known: ${settingKeys.join(', ')}` });
      const checked = validateSetting(key, value);
      if (!checked.ok) return err({ code: 'invalid-setting', message: checked.message });
      entries.push([key, checked.value]);
    }
    const upsert = this.database.prepare(
      'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
    );
    const at = Date.now();
    this.database.transaction(() => {
      for (const [key, value] of entries) upsert.run(key, JSON.stringify(value), at);
    })();
    return ok(this.getSettings());
  }

  loadWizard(incidentId: IncidentId): WizardRecord | undefined {
    const row = this.database.prepare('SELECT * FROM wizard_state WHERE incident_id = ?').get(incidentId) as
      | { incident_id: string; seq: number; state: string; updated_at: number }
      | undefined;
    if (row === undefined) return undefined;
    return { incidentId: row.incident_id, seq: row.seq, state: JSON.parse(row.state) as unknown, updatedAt: row.updated_at };
  }

  saveWizard(
    incidentId: IncidentId,
    expectedSeq: number,
    state: unknown,
    events: readonly TimelineEvent[],
    at: number,
  ): Result<WizardRecord, WizardSaveError> {
    const json = JSON.stringify(state);
    return this.database.transaction((): Result<WizardRecord, WizardSaveError> => {
      const current = this.database.prepare('SELECT seq FROM wizard_state WHERE incident_id = ?').get(incidentId) as { seq: number } | undefined;
      const currentSeq = current?.seq ?? 0;
      if (currentSeq !== expectedSeq) {
        return err({ code: 'stale-state', message: `Wizard state moved on (saved ${currentSeq}, expected ${expectedSeq}).` });
      }
      for (const event of events) this.appendEvent(event);
      const seq = currentSeq + 1;
      this.database
        .prepare(
          `INSERT INTO wizard_state (incident_id, seq, state, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (incident_id) DO UPDATE SET seq = excluded.seq, state = excluded.state, updated_at = excluded.updated_at`,
        )
        .run(incidentId, seq, json, at);
      return ok({ incidentId, seq, state: JSON.parse(json) as unknown, updatedAt: at });
    })();
  }

  close(): void {
    if (this.database.open) this.database.close();
  }

  private readEvents(rows: readonly EventRow[]): TimelineEvent[] {
    const events: TimelineEvent[] = [];
    for (const row of rows) {
      const payload = parsePayload(row.data);
      if (payload === undefined) {
        this.unreadableEvents += 1;
        continue;
      }
      events.push({ id: row.id, incidentId: row.incident_id, at: row.at, payload });
    }
    return events;
  }
}
