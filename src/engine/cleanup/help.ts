/**
 * Where to get help, by region, in the order the police and IPA give. The public lines are
 * named by id (their words are in texts.ts, per language); the person's own contacts from the
 * settings are always added after them.
 */
import type { HelpContact } from '../ports/store.js';
import type { Answers, OfficialContactId, PlanAction } from './types.js';

/** Japan (警察庁・消費者庁・IPA): police consultation, emergency, consumer hotline, IPA. */
const japan: readonly OfficialContactId[] = ['jp-police-consult', 'jp-police-emergency', 'jp-consumer', 'jp-ipa'];
/** United States: the FTC's fraud report and the FBI's IC3. */
const unitedStates: readonly OfficialContactId[] = ['us-ftc', 'us-ic3'];

/** The public lines for a region; elsewhere the local police. */
export function officialContactsFor(region: string): readonly OfficialContactId[] {
  const code = region.toUpperCase();
  if (code === 'JP') return japan;
  if (code === 'US') return unitedStates;
  return ['local-police'];
}

/** The money contacts that apply: the card company (24-hour line), the bank, the gift-card issuer. */
export function moneyContactsFor(answers: Answers): OfficialContactId[] {
  const paid = answers.paid ?? [];
  const typed = answers.typedSecrets ?? [];
  const unknown = answers.paid === undefined;
  const ids: OfficialContactId[] = [];
  if (unknown || paid.includes('card') || typed.includes('card')) ids.push('card-company');
  if (unknown || paid.includes('bank-transfer') || typed.includes('bank')) ids.push('bank');
  if (unknown || paid.includes('gift-card')) ids.push('gift-card-issuer');
  return ids;
}

/** The help step's actions: official lines, money contacts, then the person's own contacts. */
export function helpActions(region: string, answers: Answers, configured: readonly HelpContact[]): PlanAction[] {
  return [
    ...officialContactsFor(region).map((id): PlanAction => ({ kind: 'official', id })),
    ...moneyContactsFor(answers).map((id): PlanAction => ({ kind: 'official', id })),
    ...configured.slice(0, 10).map((contact): PlanAction => ({ kind: 'contact', contact })),
  ];
}
