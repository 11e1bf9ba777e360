/**
 * `scarestop classify`: JSON lines of window observations on stdin → one JSON verdict per line,
 * same order; or `scarestop classify "some title"` for one title. A thin front door: every
 * decision is the engine's (src/engine/detect).
 */
import type { Readable } from 'node:stream';
import { classify } from '../../engine/detect/index.js';
import { explainVerdict, printableText } from '../../engine/detect/explain.js';
import type { WindowObservation } from '../../shared/observation.js';
import type { Verdict } from '../../shared/verdict.js';
import { writeLine, type CliCommand, type CliIo } from '../io.js';
import type { ParsedLine } from './classify-input.js';

const USAGE = `Usage:
  scarestop classify [--explain] < observations.jsonl
  scarestop classify [--explain] [--process NAME] "window title"

Reads one window observation per line as JSON, e.g.
  {"title":"Virus Alert - Google Chrome","process":"chrome.exe",
   "bounds":{"x":0,"y":0,"width":1920,"height":1080},
   "screen":{"x":0,"y":0,"width":1920,"height":1080},"text":"(page text)"}
and writes one verdict per line: {"verdict":"scam"|"suspicious"|"clean","score":0..1,
"reasons":[{"signal","detail",...}],"brand"?,"phones":[...]}. A line that is not a valid
observation gets {"error":"..."} and the rest go on; the exit status is then 1.
Blank lines are skipped. Without --process a title is judged as if shown in a browser.

Options:
  --explain        print a readable account instead of JSON
  --process NAME   executable that owns the window (single-title mode)
  -h, --help       this help`;

/** Longest input line accepted (a page text of a few hundred kB is plenty). */
export const MAX_LINE_BYTES = 2 * 1024 * 1024;

// JSON.stringify leaves C1 controls, bidi overrides and line separators raw; escape them so a
// hostile title cannot drive the terminal or split a JSON line.
const UNSAFE_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
function safeJson(value: unknown): string {
  return JSON.stringify(value).replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

async function write(io: CliIo, text: string): Promise<void> {
  if (!io.stdout.write(`${text}\n`)) await new Promise<void>((resolve) => io.stdout.once('drain', resolve));
}

function render(verdict: Verdict, explain: boolean, title: string): string {
  return explain ? `${explainVerdict(verdict, title)}\n` : safeJson(verdict);
}

/** One input line, or the note that a line was too long and was skipped. */
export type InputLine = { readonly kind: 'line'; readonly text: string } | { readonly kind: 'too-long' };

/**
 * Splits a stream into lines without ever holding more than `maxBytes` of one line: an
 * endless line from a hostile source becomes one `too-long` entry, not an out-of-memory crash.
 * Handles \n and \r\n; a last line without newline counts.
 */
export async function* readBoundedLines(input: Readable, maxBytes: number): AsyncGenerator<InputLine> {
  input.setEncoding('utf8');
  let buffer = '';
  let overflowing = false;
  for await (const chunk of input as AsyncIterable<string>) {
    let rest = chunk;
    let newline = rest.indexOf('\n');
    while (newline >= 0) {
      const piece = rest.slice(0, newline);
      rest = rest.slice(newline + 1);
      if (overflowing || buffer.length + piece.length > maxBytes) yield { kind: 'too-long' };
      else yield { kind: 'line', text: stripCr(buffer + piece) };
      buffer = '';
      overflowing = false;
      newline = rest.indexOf('\n');
    }
    if (!overflowing) {
      buffer += rest;
      if (buffer.length > maxBytes) {
        overflowing = true;
        buffer = '';
      }
    }
  }
  if (overflowing) yield { kind: 'too-long' };
  else if (buffer !== '') yield { kind: 'line', text: stripCr(buffer) };
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

async function classifyStream(io: CliIo, explain: boolean): Promise<number> {
  let bad = 0;
  // The input schema (zod) is loaded only for stdin input: one title on the command line skips it.
  let parseLine: ((line: string) => ParsedLine) | undefined;
  for await (const line of readBoundedLines(io.stdin, MAX_LINE_BYTES)) {
    if (line.kind === 'too-long') {
      bad += 1;
      await write(io, safeJson({ error: `line longer than ${MAX_LINE_BYTES} bytes` }));
      continue;
    }
    if (line.text.trim() === '') continue;
    const parsed = (parseLine ??= (await import('./classify-input.js')).parseLine)(line.text);
    if (!parsed.ok) {
      bad += 1;
      await write(io, explain ? `Error: ${printableText(parsed.error)}\n` : safeJson({ error: parsed.error }));
      continue;
    }
    await write(io, render(classify(parsed.observation), explain, parsed.observation.title));
  }
  return bad > 0 ? 1 : 0;
}

/** Entry point of `scarestop classify`. */
export const run: CliCommand = async (args, io) => {
  let explain = false;
  let processName: string | undefined;
  const words: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '-h' || arg === '--help') {
      writeLine(io.stdout, USAGE);
      return 0;
    } else if (arg === '--explain') explain = true;
    else if (arg === '--process') {
      processName = args[i + 1];
      i += 1;
      if (processName === undefined) {
        writeLine(io.stderr, 'scarestop classify: --process needs a value');
        return 2;
      }
    } else if (arg === '--') {
      words.push(...args.slice(i + 1));
      break;
    } else if (arg.startsWith('-') && arg.length > 1) {
      writeLine(io.stderr, `scarestop classify: unknown option ${printableText(arg, 40)}\n\n${USAGE}`);
      return 2;
    } else words.push(arg);
  }
  if (words.length === 0) return classifyStream(io, explain);
  const title = words.join(' ');
  const observation: WindowObservation = processName === undefined ? { title } : { title, process: processName };
  await write(io, render(classify(observation), explain, title));
  return 0;
};
