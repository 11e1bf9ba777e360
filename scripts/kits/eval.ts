/**
 * `npm run kits:eval [-- --e2e] [-- <id-part>...]`: the real-kit yardstick.
 *
 * 1. Title + text only: every rendered page (render.ts) through the real detector's `classify`.
 * 2. With `--e2e`: every page full screen in Chromium under `scarestop watch --close=auto --json`
 *    on a private Xvfb display (eval-e2e.ts).
 *
 * Prints the table, how many distinct kits and repositories it covers, and writes every miss (and
 * every honest page called scam or closed) to the misses file for the detector's engineer.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { classify } from '../../src/engine/detect/index.js';
import { CACHE_DIR, MISSES_FILE, loadManifest, readRenders, serveCache, type RenderedPage } from './kit-files.js';
import { runEndToEnd, type E2eResult } from './eval-e2e.js';
import { missesReport, type TextResult } from './misses.js';

const pct = (part: number, whole: number): string => (whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`);

/** The page as the detector would get it from the content check: title, visible text, alert text. */
function judgeText(page: RenderedPage): TextResult {
  const text = [page.text, ...page.dialogs].join('\n');
  const verdict = classify({ title: page.title, text, process: 'chromium' });
  return { page, verdict };
}

function printTextTable(results: readonly TextResult[]): void {
  const kits = results.filter((r) => r.page.kind === 'kit');
  const honest = results.filter((r) => r.page.kind === 'honest');
  const count = (list: readonly TextResult[], kind: string): number => list.filter((r) => r.verdict.verdict === kind).length;
  console.log('\nTitle + visible text only (classify):');
  console.log('| pages | n | scam | suspicious | clean |');
  console.log('|---|---|---|---|---|');
  console.log(`| scam kits | ${kits.length} | ${count(kits, 'scam')} (${pct(count(kits, 'scam'), kits.length)}) | ${count(kits, 'suspicious')} | ${count(kits, 'clean')} |`);
  console.log(`| honest look-alikes | ${honest.length} | ${count(honest, 'scam')} | ${count(honest, 'suspicious')} | ${count(honest, 'clean')} |`);
}

function printE2eTable(results: readonly E2eResult[]): void {
  const kits = results.filter((r) => r.kind === 'kit');
  const honest = results.filter((r) => r.kind === 'honest');
  const closed = (list: readonly E2eResult[]): E2eResult[] => list.filter((r) => r.closed);
  const byStage = (stage: string): number => closed(kits).filter((r) => r.stage === stage).length;
  const times = closed(kits)
    .map((r) => r.closedAfterMs ?? 0)
    .sort((a, b) => a - b);
  const median = times.length === 0 ? 0 : (times[Math.floor(times.length / 2)] ?? 0);
  console.log('\nEnd to end (full screen in Chromium under `scarestop watch --close=auto --json`, Xvfb):');
  const ocrTrouble = kits.filter((r) => !r.closed && r.errors.some((code) => code === 'ocr-timeout' || code === 'capture-failed')).length;
  console.log('| pages | n | closed | by title | by page text | median time to close | left open after an OCR timeout |');
  console.log('|---|---|---|---|---|---|---|');
  console.log(`| scam kits | ${kits.length} | ${closed(kits).length} (${pct(closed(kits).length, kits.length)}) | ${byStage('title')} | ${byStage('content')} | ${(median / 1000).toFixed(1)} s | ${ocrTrouble} |`);
  console.log(`| honest look-alikes | ${honest.length} | ${closed(honest).length} | | | | |`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const e2e = args.includes('--e2e');
  const filters = args.filter((a) => !a.startsWith('--'));
  const manifest = loadManifest();
  const pages = readRenders().filter((p) => filters.length === 0 || filters.some((f) => p.id.includes(f)));
  const textResults = pages.map(judgeText);
  const kitIds = new Set(pages.filter((p) => p.kind === 'kit').map((p) => p.id));
  const kits = manifest.kits.filter((k) => kitIds.has(k.id));
  console.log(`Coverage: ${kits.length} distinct kit pages (distinct entry-page blobs: ${new Set(kits.map((k) => k.blob)).size}) from ${new Set(kits.map((k) => k.repo)).size} repositories; ${pages.length - kitIds.size} honest look-alike pages.`);
  console.log(`Kit languages: ${[...new Set(kits.map((k) => k.language))].join(', ')}; disguises: ${[...new Set(kits.map((k) => k.disguise))].join(', ')}.`);
  printTextTable(textResults);
  let e2eResults: E2eResult[] | undefined;
  if (e2e) {
    const server = await serveCache();
    try {
      e2eResults = await runEndToEnd(server, pages);
    } finally {
      await server.close();
    }
    printE2eTable(e2eResults);
    writeFileSync(join(CACHE_DIR, 'e2e-results.json'), JSON.stringify(e2eResults, null, 1));
  }
  writeFileSync(MISSES_FILE, missesReport(textResults, e2eResults, manifest));
  console.log(`\nMisses written to ${MISSES_FILE}`);
}

await main();
