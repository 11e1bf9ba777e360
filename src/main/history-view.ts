/**
 * Incidents and their timelines as History shows them: one line of plain words per event, in
 * the UI language. Page titles inside are hostile text; they stay text (bounded here).
 */
import type { IncidentStore, OutcomeStatus, TimelineEvent } from '../engine/ports.js';
import type { WizardState } from '../engine/cleanup/index.js';
import { describeEvent as describeWizardEvent } from '../engine/report/report-story.js';
import { toDisplayText } from '../shared/display-text.js';
import type { IncidentView, Language } from '../shared/ipc.js';
import { assertNever } from '../shared/result.js';
import { describeRemoteEvent, personAnswer } from '../engine/remote/live/remote-wording.js';
import { describeSession } from '../engine/remote/live/session-account.js';
import { sessionsOf } from '../engine/report/remote-sessions-section.js';

const words = {
  en: { detection: 'Fake warning seen', action: 'Action', finding: 'Remote-access tool found', answer: 'Answer', step: 'Recovery step', alert: 'Family alert', note: 'Note', number: 'number' },
  ja: { detection: '偽の警告を検出', action: '対応', finding: '遠隔操作ソフトを発見', answer: '回答', step: '回復の手順', alert: '家族への通知', note: 'メモ', number: '番号' },
} as const;

/** Outcomes in plain words (the store keeps machine-readable codes). */
const statusWords: Readonly<Record<Language, Readonly<Record<OutcomeStatus, string>>>> = {
  en: { done: 'done', 'not-needed': 'not needed', failed: 'did not work', skipped: 'skipped', started: 'started', 'needs-admin': 'needs administrator rights' },
  ja: { done: '済み', 'not-needed': '必要ありませんでした', failed: 'うまくいきませんでした', skipped: 'あとで', started: '始めました', 'needs-admin': '管理者の許可が必要です' },
};

/** Actions the app records, in plain words; unknown ones are shown as recorded. */
const actionWords: Readonly<Record<Language, Readonly<Record<string, string>>>> = {
  en: { 'close-scam-page': 'Close the fake warning page', 'person-closed-page': 'You closed the page', 'silence-scam-page': 'Silence the page’s sound' },
  ja: { 'close-scam-page': '偽の警告画面を閉じる', 'person-closed-page': 'あなたが画面を閉じました', 'silence-scam-page': '画面の音を消す' },
};

/** One timeline event in plain words. */
export function describeEvent(event: TimelineEvent, language: Language, wizard?: WizardState): string {
  const w = words[language];
  const payload = event.payload;
  switch (payload.kind) {
    case 'detection': {
      const parts = [`${w.detection}: ${toDisplayText(payload.title, 200)}`];
      if (payload.brand !== undefined) parts.push(`(${toDisplayText(payload.brand, 60)})`);
      if (payload.phones.length > 0) parts.push(`${w.number} ${payload.phones.slice(0, 3).map((p) => toDisplayText(p, 40)).join(', ')}`);
      return parts.join(' ');
    }
    case 'action': {
      const known = actionWords[language][payload.action];
      if (known === undefined) return `${w.action}: ${describeWizardEvent(payload, wizard, language)}`;
      return `${w.action}: ${known} — ${statusWords[language][payload.status]}${payload.detail !== undefined && language === 'en' ? ` (${toDisplayText(payload.detail, 150)})` : ''}`;
    }
    // The recovery wizard's events in the report's words: what was verified, never step ids.
    case 'finding':
      return describeWizardEvent(payload, wizard, language);
    case 'answer':
      return `${w.answer}: ${describeWizardEvent(payload, wizard, language)}`;
    case 'step':
      return `${w.step}: ${describeWizardEvent(payload, wizard, language)}`;
    case 'alert':
      return `${w.alert}: ${payload.channel} — ${statusWords[language][payload.status]}`;
    case 'note':
      return `${w.note}: ${toDisplayText(payload.text, 300)}`;
    case 'page':
      return `${language === 'ja' ? 'ページのアドレス' : 'Page address'}: ${toDisplayText(payload.url, 300)}`;
    case 'remote':
      return describeRemoteEvent(payload, language);
    default:
      return assertNever(payload, 'timeline payload');
  }
}

/**
 * The incident's heading in the UI language, from what started it (the stored title is written
 * once, in English, for the report and logs).
 */
export function incidentHeading(timeline: readonly TimelineEvent[], language: Language, stored: string): string {
  const first = timeline[0]?.payload;
  if (first?.kind === 'detection') {
    const brand = first.brand === undefined ? undefined : toDisplayText(first.brand, 60);
    if (language === 'ja') return brand === undefined ? '偽の警告画面' : `${brand}を装った偽の警告`;
    return brand === undefined ? 'Fake warning page' : `Fake ${brand} warning`;
  }
  if (first?.kind === 'finding') return `${words[language].finding}: ${toDisplayText(first.finding.name, 100)}`;
  return toDisplayText(stored);
}

/** The newest incidents with their timelines (bounded for the IPC contract). */
export function historyView(store: IncidentStore, language: Language, limit = 50): IncidentView[] {
  return store.listIncidents({ limit }).map((incident) => {
    const timeline = store.timeline(incident.id);
    const saved = store.loadWizard(incident.id)?.state as WizardState | undefined;
    const wizard = saved?.version === 2 ? saved : undefined;
    return {
      id: incident.id,
      startedAt: new Date(incident.openedAt).toISOString(),
      title: incidentHeading(timeline, language, incident.title),
      timeline: timeline
        .slice(-200)
        .map((event) => ({ at: new Date(event.at).toISOString(), kind: event.payload.kind, text: toDisplayText(describeEvent(event, language, wizard), 400) })),
      // Local time with its zone (this PC's), the same words as the report and the family alert.
      sessions: sessionsOf(timeline)
        .slice(-50)
        .map((session) => toDisplayText([describeSession(session, language), personAnswer(timeline, session.toolId, language)].filter((part) => part !== undefined).join(language === 'ja' ? '' : ' '), 1200)),
    };
  });
}
