/**
 * The report's "Who was in this PC" section: one plain account per remote session the tools'
 * logs told of while ScareStop watched (tool, the other side's ID and name, start and end in
 * local time with the zone, how it was let in, files moved). Self-contained: render.ts only
 * places it.
 */
import type { TimelineEvent } from '../ports/store.js';
import type { RemoteSessionAccount } from '../../shared/remote-live.js';
import { describeSession, sessionKey } from '../remote/live/session-account.js';
import type { Lang } from '../cleanup/texts.js';
import { el, raw, text, type Html } from './html.js';

const WORDS = {
  heading: { ja: 'パソコンに入っていた人（遠隔操作の記録）', en: 'Who was in this PC (remote sessions)' },
  none: { ja: '遠隔操作ソフトの記録には、接続はありませんでした。', en: 'The remote-access tools\u2019 logs recorded no session.' },
  note: {
    ja: '遠隔操作ソフト自身の記録から書き出しました。銀行や警察に伝えるときは、ID と時刻をそのまま伝えてください。',
    en: 'Taken from the remote-access tools\u2019 own logs. Give the bank or the police the IDs and times exactly as written.',
  },
} as const;

/** Sessions recorded in the timeline, each once (the newest account of it), oldest first. */
export function sessionsOf(timeline: readonly TimelineEvent[]): RemoteSessionAccount[] {
  const byKey = new Map<string, RemoteSessionAccount>();
  for (const event of timeline) {
    if (event.payload.kind === 'remote' && event.payload.session !== undefined) byKey.set(sessionKey(event.payload.session), event.payload.session);
  }
  return [...byKey.values()].sort((a, b) => (a.startedAt ?? '').localeCompare(b.startedAt ?? ''));
}

/** The section, or a short "none" when no session was recorded. */
export function remoteSessionsSection(timeline: readonly TimelineEvent[], lang: Lang, timeZone?: string): Html {
  const sessions = sessionsOf(timeline);
  if (sessions.length === 0) return el('section', [el('h2', WORDS.heading[lang]), el('p', WORDS.none[lang])]);
  const items = sessions.map((session) => `<li>${text(describeSession(session, lang, timeZone), 1200)}</li>`).join('');
  return el('section', [el('h2', WORDS.heading[lang]), raw(`<ul class="sessions">${items}</ul>`), el('p', WORDS.note[lang])]);
}
