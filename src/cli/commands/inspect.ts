/**
 * `scarestop inspect [--window ID] [--json] [--lang LANGS]`: the content check on demand. Captures
 * one window (default: the one in front), reads its text on this PC, classifies title + text and
 * prints the text it read (bounded) and the verdict. Nothing is closed.
 */
import { classify } from '../../engine/detect/index.js';
import { toObservation } from '../../engine/watch/watched-window.js';
import { PlatformError } from '../../engine/ports/errors.js';
import type { PageTextReading } from '../../engine/ports/page-text.js';
import type { ForegroundWatcher, WindowInfo } from '../../engine/ports/windows.js';
import { createPageTextReader, createWindowPlatform } from '../../platform/index.js';
import { toDisplayText } from '../../shared/display-text.js';
import type { Verdict } from '../../shared/verdict.js';
import { writeLine, type CliCommand } from '../io.js';

const HELP = `Usage: scarestop inspect [--window ID] [--json] [--lang LANGS]

Reads the text of a browser window from its pixels (on this PC, nothing is sent anywhere) and
says whether it looks like a fake virus warning. Nothing is closed.
  --window ID   the window to read (X11 id like 0x3a00004, or HWND); default: the window in front
  --json        one JSON object: window, text, timings, verdict
  --lang LANGS  OCR languages (Linux: Tesseract codes, default jpn+eng; Windows: e.g. ja-JP)`;

/** Longest text printed to the terminal (the detector saw all of the bounded text). */
const MAX_PRINTED_CHARS = 2_000;

interface InspectArgs {
  readonly windowId?: string;
  readonly json: boolean;
  readonly languages?: string;
}

/** Parses arguments; a string is an error message. */
export function parseInspectArgs(args: readonly string[]): InspectArgs | string | 'help' {
  let windowId: string | undefined;
  let languages: string | undefined;
  let json = false;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--json') json = true;
    else if (arg === '--window' || arg === '--lang') {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('--')) return `${arg} needs a value`;
      if (arg === '--window') windowId = value;
      else languages = value;
      i += 1;
    } else if (arg.startsWith('--window=')) windowId = arg.slice('--window='.length);
    else if (arg.startsWith('--lang=')) languages = arg.slice('--lang='.length);
    else return `unknown option ${arg}`;
  }
  if (windowId !== undefined && !/^(0x[0-9a-f]{1,16}|[0-9]{1,20})$/i.test(windowId)) return `not a window id: ${windowId.slice(0, 40)}`;
  return { json, ...(windowId !== undefined ? { windowId } : {}), ...(languages !== undefined ? { languages } : {}) };
}

/** The same window id written in hex or decimal compares equal. */
function sameWindowId(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    return BigInt(a) === BigInt(b);
  } catch {
    return false;
  }
}

async function pickWindow(windows: ForegroundWatcher, windowId: string | undefined): Promise<WindowInfo | string> {
  if (windowId === undefined) return (await windows.foreground()) ?? 'there is no window in front';
  const found = (await windows.listWindows()).find((w) => sameWindowId(w.id, windowId));
  // A window the list does not show (e.g. a child) can still be captured: its title is unknown.
  return found ?? { id: windowId, title: '' };
}

/** The JSON answer: window facts, the text read, timings and the verdict. */
export function inspectJson(window: WindowInfo, reading: PageTextReading, verdict: Verdict): Record<string, unknown> {
  return {
    windowId: window.id,
    title: toDisplayText(window.title),
    pid: window.pid ?? null,
    process: window.processName ?? null,
    text: reading.text,
    textChars: reading.text.length,
    captureMs: Math.round(reading.captureMs),
    ocrMs: Math.round(reading.ocrMs),
    languages: reading.languages ?? null,
    verdict: verdict.verdict,
    score: verdict.score,
    brand: verdict.brand ?? null,
    phones: verdict.phones,
    reasons: verdict.reasons,
  };
}

/** Plain lines for a person; page text is quoted line by line and cut, never interpreted. */
export function inspectText(window: WindowInfo, reading: PageTextReading, verdict: Verdict): string[] {
  const shown = reading.text.length > MAX_PRINTED_CHARS ? `${reading.text.slice(0, MAX_PRINTED_CHARS)}\n[… ${reading.text.length - MAX_PRINTED_CHARS} more characters]` : reading.text;
  return [
    `Window ${window.id} ${JSON.stringify(toDisplayText(window.title))}${window.pid !== undefined ? ` pid ${window.pid}` : ''}`,
    `Text read (${reading.text.length} characters; capture ${Math.round(reading.captureMs)} ms, OCR ${Math.round(reading.ocrMs)} ms${reading.languages !== undefined ? `, ${reading.languages}` : ''}):`,
    ...(shown === '' ? ['  (no text found)'] : shown.split('\n').map((line) => `  | ${line}`)),
    `Verdict: ${verdict.verdict} (score ${verdict.score.toFixed(2)})${verdict.brand !== undefined ? `, pretends to be ${verdict.brand}` : ''}`,
    ...verdict.reasons.map((reason) => `  - ${reason.signal}: ${toDisplayText(reason.detail, 200)}`),
  ];
}

export const run: CliCommand = async (args, io) => {
  const parsed = parseInspectArgs(args);
  if (parsed === 'help') {
    writeLine(io.stdout, HELP);
    return 0;
  }
  if (typeof parsed === 'string') {
    writeLine(io.stderr, `scarestop inspect: ${parsed}\n\n${HELP}`);
    return 2;
  }
  let platform;
  try {
    platform = await createWindowPlatform({ env: io.env });
  } catch (error) {
    writeLine(io.stderr, `scarestop inspect: cannot see windows: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  try {
    const window = await pickWindow(platform.windows, parsed.windowId);
    if (typeof window === 'string') {
      writeLine(io.stderr, `scarestop inspect: ${window}`);
      return 1;
    }
    const reader = await createPageTextReader({ env: io.env, ...(parsed.languages !== undefined ? { languages: parsed.languages } : {}) });
    const reading = await reader.read(window);
    const verdict = classify(toObservation(window, Date.now(), reading.text));
    if (parsed.json) writeLine(io.stdout, JSON.stringify(inspectJson(window, reading, verdict)));
    else for (const line of inspectText(window, reading, verdict)) writeLine(io.stdout, line);
    return 0;
  } catch (error) {
    const code = error instanceof PlatformError ? ` [${error.code}]` : '';
    writeLine(io.stderr, `scarestop inspect: could not read the window${code}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    platform.dispose();
  }
};
