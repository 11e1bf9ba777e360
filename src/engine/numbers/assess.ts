/**
 * Is a number's format typical of tech-support and billing scams? Facts about the format only;
 * whether this exact number is known is the table's job.
 */
import type { NormalizedNumber } from './normalize.js';

/** A format observation. `typical` ones are the formats these scams use most. */
export interface FormatFlag {
  readonly code: 'jp-ip-phone-050' | 'nanp-toll-free' | 'premium-rate' | 'international' | 'non-geographic' | 'jp-toll-free';
  readonly typical: boolean;
  readonly detail: string;
}

const NANP_TOLL_FREE = /^\+18(00|33|44|55|66|77|88)/;

/** Flags for a normalised number, seen from `homeRegion`. */
export function assessFormat(number: NormalizedNumber, homeRegion = 'JP'): FormatFlag[] {
  const flags: FormatFlag[] = [];
  if (number.countryCallingCode === '81' && number.e164.startsWith('+8150')) {
    flags.push({
      code: 'jp-ip-phone-050',
      typical: true,
      detail: 'Japanese 050 IP-phone number: cheap to get and hard to trace, often shown on fake virus warnings.',
    });
  }
  if (NANP_TOLL_FREE.test(number.e164)) {
    flags.push({
      code: 'nanp-toll-free',
      typical: true,
      detail: 'North American toll-free number (800/833/844/855/866/877/888): the classic fake "Microsoft support" line.',
    });
  }
  if (number.type === 'PREMIUM_RATE') {
    flags.push({ code: 'premium-rate', typical: true, detail: 'Premium-rate number: calling it costs a lot per minute.' });
  }
  if (number.type === 'SHARED_COST' || number.type === 'UAN' || number.type === 'PERSONAL_NUMBER' || number.region === undefined) {
    flags.push({ code: 'non-geographic', typical: false, detail: 'Non-geographic number: it does not say where the caller is.' });
  }
  if (number.countryCallingCode === '81' && number.type === 'TOLL_FREE') {
    flags.push({ code: 'jp-toll-free', typical: false, detail: 'Japanese toll-free number (0120/0800): real companies use these too.' });
  }
  if (number.region !== homeRegion) {
    flags.push({
      code: 'international',
      typical: true,
      detail: 'International number: a real support desk for your PC would not ask you to call abroad; the call may be expensive.',
    });
  }
  return flags;
}
