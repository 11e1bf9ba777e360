/** Times in the report: local date and time with the zone on every one ("2026/12/06 8:40:12 JST"). */
import type { Lang } from '../cleanup/texts.js';

/** Formats epoch ms (or an ISO string) in the zone, with the zone's short name. */
export function formatTime(at: number | string, lang: Lang, timeZone?: string): string {
  const ms = typeof at === 'number' ? at : Date.parse(at);
  if (Number.isNaN(ms)) return String(at);
  return new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', {
    year: 'numeric',
    month: lang === 'ja' ? '2-digit' : 'short',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'short',
    ...(timeZone === undefined ? {} : { timeZone }),
  }).format(ms);
}

/** The zone in words for the header: its IANA name and the offset ("Asia/Tokyo (GMT+9)"). */
export function zoneDescription(timeZone: string | undefined, at: number): string {
  const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const offset = new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'shortOffset' }).formatToParts(at).find((part) => part.type === 'timeZoneName')?.value;
  return offset === undefined ? zone : `${zone} (${offset})`;
}
