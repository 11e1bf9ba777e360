/**
 * A readable account of a verdict, for `scarestop classify --explain` and logs. Everything
 * that may come from a page is passed through printableText first: a title can carry terminal
 * control sequences.
 */
import { cleanHostileText } from '../../shared/hostile-text.js';
import type { Verdict } from '../../shared/verdict.js';

/** Removes control, bidi and invisible characters (the shared cleaner), and caps the length. */
export function printableText(text: string, limit = 200): string {
  return cleanHostileText(text, { limit, ellipsis: true });
}

function signed(weight: number | undefined): string {
  if (weight === undefined) return '     ';
  const sign = weight < 0 ? '-' : '+';
  return `${sign}${Math.abs(weight).toFixed(2)}`;
}

/** Multi-line explanation of a verdict. */
export function explainVerdict(verdict: Verdict, title?: string): string {
  const lines: string[] = [];
  if (title !== undefined) lines.push(`Title:   ${printableText(title)}`);
  lines.push(`Verdict: ${verdict.verdict.toUpperCase()} (score ${verdict.score.toFixed(2)})`);
  if (verdict.brand !== undefined) lines.push(`Brand:   pretends to be ${verdict.brand}`);
  for (const phone of verdict.phones) {
    const notes = [phone.region, phone.tollFree === true ? 'toll-free' : undefined, phone.known === true ? 'KNOWN SCAM NUMBER' : undefined]
      .filter((note): note is string => note !== undefined)
      .join(', ');
    lines.push(`Phone:   ${printableText(phone.e164 ?? phone.raw, 40)}${notes === '' ? '' : ` (${notes})`}`);
  }
  if (verdict.reasons.length === 0) {
    lines.push('Why:     nothing alarming in this title.');
  } else {
    lines.push('Why:');
    for (const reason of verdict.reasons) {
      const where = reason.source === undefined ? '' : `[${reason.source}] `;
      lines.push(`  ${signed(reason.weight)} ${reason.signal.padEnd(17)} ${where}${printableText(reason.detail)}`);
    }
  }
  return lines.join('\n');
}
