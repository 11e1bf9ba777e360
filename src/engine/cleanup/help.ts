/** Where to get help, by region. Japan has fixed public numbers; elsewhere the settings list. */
import type { HelpContact } from '../ports/store.js';

/** Japan: police consultation, emergency, consumer hotline (public numbers, not editable). */
export const japanHelp: readonly HelpContact[] = [
  { name: '警察相談専用電話 (Police consultation)', phone: '#9110', note: '被害の相談。緊急のときは110番。 / Advice on fraud; in an emergency call 110.' },
  { name: '警察 (Police emergency)', phone: '110', note: 'お金を今まさに取られそうなとき。 / If money is being taken right now.' },
  { name: '消費者ホットライン (Consumer hotline)', phone: '188', note: '最寄りの消費生活センターにつながります。 / Connects to your local consumer centre.' },
];

/** Help contacts for a region (`JP` → built-in list; others → the user's editable list). */
export function helpContactsFor(region: string, configured: readonly HelpContact[]): readonly HelpContact[] {
  return region.toUpperCase() === 'JP' ? japanHelp : configured;
}
