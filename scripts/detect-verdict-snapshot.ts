/**
 * Detector regression snapshot: classifies every fixture input with classify and writes
 * one JSON line per classification (input label, verdict, score, reasons, brand, phones).
 * Take one before a detector change and one after, then compare them byte for byte:
 *
 *   npx tsx scripts/detect-verdict-snapshot.ts /tmp/before.jsonl
 *   ...change the detector...
 *   npx tsx scripts/detect-verdict-snapshot.ts /tmp/after.jsonl && cmp /tmp/before.jsonl /tmp/after.jsonl
 *
 * Inputs: every line of tests/fixtures/titles/*.jsonl (as given, without its process, and as a
 * full-screen browser window), every page-text fixture as page text (with the title and process
 * of tests/fixtures/page-text/cases.json when listed there, windowed and full screen), and every
 * line of every page-text fixture as a title of its own.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classify } from '../src/engine/detect/index.js';
import type { WindowObservation } from '../src/shared/observation.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const titlesDir = join(root, 'tests/fixtures/titles');
const pageTextDir = join(root, 'tests/fixtures/page-text');
const SCREEN = { x: 0, y: 0, width: 1920, height: 1080 };

interface PageCase {
  readonly file: string;
  readonly title?: string;
  readonly process?: string;
}

function lines(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
}

function* inputs(): Generator<[string, WindowObservation]> {
  for (const file of readdirSync(titlesDir).filter((name) => name.endsWith('.jsonl')).sort()) {
    for (const [index, line] of lines(join(titlesDir, file)).entries()) {
      const { title, process } = JSON.parse(line) as { title: string; process?: string };
      const at = `${file}:${index + 1}`;
      yield [`${at} as-given`, process === undefined ? { title } : { title, process }];
      yield [`${at} title-only`, { title }];
      yield [`${at} fullscreen`, { title, process: process ?? 'chrome.exe', bounds: SCREEN, screen: SCREEN }];
    }
  }
  const cases = JSON.parse(readFileSync(join(pageTextDir, 'cases.json'), 'utf8')) as PageCase[];
  for (const file of readdirSync(pageTextDir).filter((name) => name.endsWith('.txt')).sort()) {
    const text = readFileSync(join(pageTextDir, file), 'utf8');
    const known = cases.find((entry) => entry.file === file);
    const title = known?.title ?? '';
    const process = known?.process ?? 'chrome.exe';
    yield [`${file} text`, { title, process, text }];
    yield [`${file} text fullscreen`, { title, process, text, bounds: SCREEN, screen: SCREEN }];
    for (const [index, line] of lines(join(pageTextDir, file)).entries()) {
      yield [`${file}:${index + 1} line-as-title`, { title: line, process: 'chrome.exe' }];
    }
  }
}

function main(): void {
  const out = process.argv[2];
  if (out === undefined) {
    console.error('usage: tsx scripts/detect-verdict-snapshot.ts <output.jsonl>');
    process.exitCode = 2;
    return;
  }
  const rows: string[] = [];
  for (const [input, observation] of inputs()) {
    const v = classify(observation);
    rows.push(JSON.stringify({ input, verdict: v.verdict, score: v.score, reasons: v.reasons, brand: v.brand, phones: v.phones }));
  }
  writeFileSync(out, `${rows.join('\n')}\n`);
  console.log(`${rows.length} classifications written to ${out}`);
}

main();
