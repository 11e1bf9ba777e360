/**
 * Incidents and their timelines as History shows them: one line of plain words per event, in
 * the UI language. Page titles inside are hostile text; they stay text (bounded here).
 */
import type { IncidentStore, TimelineEvent } from '../engine/ports.js';
import { toDisplayText } from '../shared/display-text.js';
import type { IncidentView, Language } from '../shared/ipc.js';
import { assertNever } from '../shared/result.js';

const words = {
  en: { detection: 'Fake warning seen', action: 'Action', finding: 'Remote-access tool found', answer: 'Answer', step: 'Recovery step', alert: 'Family alert', note: 'Note', number: 'number' },
  ja: { detection: '偽の警告を検出', action: '対応', finding: '遠隔操作ソフトを発見', answer: '回答', step: '回復の手順', alert: '家族への通知', note: 'メモ', number: '番号' },
} as const;

/** One timeline event in plain words. */
export function describeEvent(event: TimelineEvent, language: Language): string {
  const w = words[language];
  const payload = event.payload;
  switch (payload.kind) {
    case 'detection': {
      const parts = [`${w.detection}: ${toDisplayText(payload.title, 200)}`];
      if (payload.brand !== undefined) parts.push(`(${toDisplayText(payload.brand, 60)})`);
      if (payload.phones.length > 0) parts.push(`${w.number} ${payload.phones.slice(0, 3).map((p) => toDisplayText(p, 40)).join(', ')}`);
      return parts.join(' ');
    }
    case 'action':
      return `${w.action}: ${payload.action} — ${payload.status}${payload.detail !== undefined ? ` (${toDisplayText(payload.detail, 150)})` : ''}`;
    case 'finding':
      return `${w.finding}: ${toDisplayText(payload.finding.name, 100)} (${payload.finding.risk})`;
    case 'answer':
      return `${w.answer}: ${payload.question} — ${Array.isArray(payload.answer) ? payload.answer.join(', ') : String(payload.answer)}`;
    case 'step':
      return `${w.step}: ${payload.step} — ${payload.status}`;
    case 'alert':
      return `${w.alert}: ${payload.channel} — ${payload.status}`;
    case 'note':
      return `${w.note}: ${toDisplayText(payload.text, 300)}`;
    default:
      return assertNever(payload, 'timeline payload');
  }
}

/** The newest incidents with their timelines (bounded for the IPC contract). */
export function historyView(store: IncidentStore, language: Language, limit = 50): IncidentView[] {
  return store.listIncidents({ limit }).map((incident) => ({
    id: incident.id,
    startedAt: new Date(incident.openedAt).toISOString(),
    title: toDisplayText(incident.title),
    timeline: store
      .timeline(incident.id)
      .slice(-200)
      .map((event) => ({ at: new Date(event.at).toISOString(), kind: event.payload.kind, text: toDisplayText(describeEvent(event, language), 400) })),
  }));
}
