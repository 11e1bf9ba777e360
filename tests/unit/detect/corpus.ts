/** Loads the labelled title corpora in tests/fixtures/titles (JSON lines). */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { WindowObservation } from '../../../src/shared/observation.js';

const rect = z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() });
const item = z.object({
  label: z.enum(['scam', 'benign']),
  title: z.string(),
  process: z.string().optional(),
  bounds: rect.optional(),
  screen: rect.optional(),
  text: z.string().optional(),
  note: z.string().optional(),
});

/** One labelled observation. */
export type CorpusItem = z.infer<typeof item>;

export const TITLES_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/titles');

/** Reads and validates one corpus file. */
export function loadCorpus(file: string): CorpusItem[] {
  return readFileSync(join(TITLES_DIR, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const parsed = item.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file}:${index + 1}: ${parsed.error.message}`);
      return parsed.data;
    });
}

/** The observation part of an item. */
export function observationOf(entry: CorpusItem): WindowObservation {
  const { label: _label, note: _note, ...observation } = entry;
  return observation;
}
