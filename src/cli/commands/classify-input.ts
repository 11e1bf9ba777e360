/**
 * `scarestop classify`'s input lines: JSON window observations checked with zod. A module of
 * its own so that classifying one title given on the command line never loads zod.
 */
import { z } from 'zod';
import type { WindowObservation } from '../../shared/observation.js';

const rect = z.object({ x: z.number().finite(), y: z.number().finite(), width: z.number().finite(), height: z.number().finite() });
const observationSchema = z.object({
  title: z.string(),
  process: z.string().optional(),
  pid: z.number().int().nonnegative().optional(),
  windowId: z.string().optional(),
  bounds: rect.optional(),
  screen: rect.optional(),
  text: z.string().optional(),
  at: z.number().finite().optional(),
});

/** One input line as an observation, or why it is not one. */
export type ParsedLine = { readonly ok: true; readonly observation: WindowObservation } | { readonly ok: false; readonly error: string };

/** Parses one JSON line of `scarestop classify`'s input. */
export function parseLine(line: string): ParsedLine {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { ok: false, error: `not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const result = observationSchema.safeParse(value);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `${issue.path.join('.') || '(line)'}: ${issue.message}`);
    return { ok: false, error: `not an observation: ${issues.join('; ')}` };
  }
  return { ok: true, observation: result.data };
}

