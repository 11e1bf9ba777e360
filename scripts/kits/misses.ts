/**
 * The misses list for the detector's engineer: every kit the detector did not call scam (or the
 * watcher did not close), every honest page it called scam (or closed), with the title, the
 * visible text that shows the scam, and the detector's own reasons: what it saw and what it
 * weighed. Page text is hostile: it goes into a fenced block, cut short.
 */
import type { Verdict } from '../../src/shared/verdict.js';
import type { E2eResult } from './eval-e2e.js';
import type { KitManifest, RenderedPage } from './kit-files.js';

export interface TextResult {
  readonly page: RenderedPage;
  readonly verdict: Verdict;
}

const EXCERPT_CHARS = 900;

/** The visible text, squeezed and cut, inside a fence no page can close (backticks are dropped). */
function excerpt(page: RenderedPage): string {
  const text = [page.text, ...page.dialogs.map((d) => `[alert] ${d}`)]
    .join('\n')
    .replace(/`/g, "'")
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)} …` : text;
}

function reasons(verdict: Verdict): string {
  if (verdict.reasons.length === 0) return 'no signal at all';
  return verdict.reasons.map((r) => `${r.signal}${r.source !== undefined ? `@${r.source}` : ''}${r.weight !== undefined ? ` ${r.weight >= 0 ? '+' : ''}${r.weight.toFixed(2)}` : ''} (${r.detail})`).join('; ');
}

/** Our reading of why it was missed, from the reasons the detector gave. */
function why(result: TextResult): string {
  const signals = new Set(result.verdict.reasons.map((r) => r.signal));
  const parts: string[] = [];
  if (result.page.text.trim().length < 40) parts.push('almost no text in the DOM (warning drawn as images/canvas or behind a click): only OCR of the screen can read it');
  if (signals.has('benign-context')) parts.push('a benign-context phrase pulled the score down');
  if (!signals.has('phone') && result.page.kind === 'kit') parts.push('no phone number seen (the kit takes it from the landing page or the number is split/obfuscated)');
  if (!signals.has('brand')) parts.push('no brand recognised');
  if (!signals.has('threat')) parts.push('no threat wording recognised');
  return parts.length > 0 ? parts.join('; ') : `score ${result.verdict.score.toFixed(2)} below the scam threshold`;
}

function section(result: TextResult, e2e: E2eResult | undefined, note: string | undefined): string {
  const { page, verdict } = result;
  return [
    `### ${page.id} (${page.language}) — text: ${verdict.verdict} ${verdict.score.toFixed(2)}${e2e !== undefined ? `, e2e: ${e2e.closed ? `closed (${e2e.stage ?? '?'})` : 'left open'}` : ''}`,
    note !== undefined ? `Source: ${note}` : '',
    `Title: ${JSON.stringify(page.title)}`,
    `Detector reasons: ${reasons(verdict)}`,
    page.kind === 'kit' ? `Why missed (our reading): ${why(result)}` : 'Why it matters: an honest page must never be called scam or closed.',
    e2e !== undefined && e2e.trail.length > 0 ? `Watcher trail:\n${e2e.trail.map((t) => `- ${t}`).join('\n')}` : '',
    `Screenshot: ${page.screenshot}`,
    'Visible text:',
    '```text',
    excerpt(page),
    '```',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

/** The whole Markdown file. */
export function missesReport(results: readonly TextResult[], e2e: readonly E2eResult[] | undefined, manifest: KitManifest): string {
  const e2eById = new Map((e2e ?? []).map((r) => [r.id, r]));
  const source = new Map(manifest.kits.map((k) => [k.id, `${k.repo}@${k.commit.slice(0, 12)}:${k.path}${k.notes !== undefined ? ` — ${k.notes}` : ''}`]));
  const kitMisses = results.filter((r) => r.page.kind === 'kit' && (r.verdict.verdict !== 'scam' || e2eById.get(r.page.id)?.closed === false));
  const falseAlarms = results.filter((r) => r.page.kind === 'honest' && (r.verdict.verdict === 'scam' || e2eById.get(r.page.id)?.closed === true));
  const kits = results.filter((r) => r.page.kind === 'kit').length;
  return [
    '# Kit misses (written by `npm run kits:eval` on branch `kits`)',
    '',
    `Generated ${new Date().toISOString()}. ${kits} kit pages, ${results.length - kits} honest pages${e2e !== undefined ? ', with the end-to-end run' : ', title + text only (run with --e2e for the watcher)'}.`,
    'Regenerate: `npm run kits:cache && npm run kits:render && npm run kits:eval -- --e2e`. Screenshots are in the local cache.',
    '',
    `## Scam kits not called scam (text) or not closed (e2e): ${kitMisses.length}`,
    '',
    ...kitMisses.map((r) => section(r, e2eById.get(r.page.id), source.get(r.page.id))),
    `## Honest pages called scam or closed: ${falseAlarms.length}`,
    '',
    ...falseAlarms.map((r) => section(r, e2eById.get(r.page.id), undefined)),
  ].join('\n');
}
