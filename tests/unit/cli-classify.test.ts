import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MAX_LINE_BYTES, run } from '../../src/cli/commands/classify.js';
import type { CliIo } from '../../src/cli/io.js';

interface Outcome {
  readonly status: number;
  readonly lines: string[];
  readonly stderr: string;
}

async function runClassify(args: readonly string[], stdin = ''): Promise<Outcome> {
  const input = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  stderr.on('data', (chunk: Buffer) => err.push(chunk));
  const io: CliIo = { stdin: input, stdout, stderr, env: {} };
  input.end(stdin);
  const status = await run(args, io);
  const text = Buffer.concat(out).toString('utf8');
  return { status, lines: text.split('\n').filter((line) => line !== ''), stderr: Buffer.concat(err).toString('utf8') };
}

const json = (line: string | undefined): Record<string, unknown> => JSON.parse(line ?? 'null') as Record<string, unknown>;

describe('scarestop classify (JSON lines)', () => {
  it('writes one verdict per line in order, an error for each bad line, and exits 1', async () => {
    const input = [
      JSON.stringify({ title: 'Virus detected! Call 1-888-254-7811 - Google Chrome', process: 'chrome.exe' }),
      'this is not json',
      JSON.stringify({ title: 42 }),
      JSON.stringify({ title: 'Weather', bounds: { x: 0, y: 0, width: 'wide', height: 1 } }),
      '',
      JSON.stringify({ title: 'Recipes - Google Chrome', process: 'chrome.exe' }),
    ].join('\n');
    const outcome = await runClassify([], input);
    expect(outcome.status).toBe(1);
    expect(outcome.lines).toHaveLength(5);
    expect(json(outcome.lines[0])).toMatchObject({ verdict: 'scam' });
    expect(json(outcome.lines[1]).error).toMatch(/not JSON/);
    expect(json(outcome.lines[2]).error).toMatch(/title/);
    expect(json(outcome.lines[3]).error).toMatch(/bounds\.width/);
    expect(json(outcome.lines[4])).toMatchObject({ verdict: 'clean', score: 0 });
  });

  it('exits 0 when every line is good, and accepts CRLF and page text', async () => {
    const screen = { x: 0, y: 0, width: 1920, height: 1080 };
    const input = `${JSON.stringify({ title: 'Security Center', process: 'msedge.exe', bounds: screen, screen, text: 'Windows Defender\r\nYour PC is infected with a Trojan\r\nCall Microsoft Support 1-844-555-0132' })}\r\n${JSON.stringify({ title: 'Google' })}`;
    const outcome = await runClassify([], input);
    expect(outcome.status).toBe(0);
    expect(outcome.lines.map((line) => json(line).verdict)).toEqual(['scam', 'clean']);
  });

  it('turns an over-long line into one error and goes on', async () => {
    const huge = `{"title":"${'a'.repeat(MAX_LINE_BYTES + 10)}"}`;
    const outcome = await runClassify([], `${huge}\n${JSON.stringify({ title: 'ok' })}\n`);
    expect(outcome.status).toBe(1);
    expect(outcome.lines).toHaveLength(2);
    expect(json(outcome.lines[0]).error).toMatch(/longer than/);
    expect(json(outcome.lines[1]).verdict).toBe('clean');
  });

  it('escapes terminal and bidi control characters from hostile titles in its JSON', async () => {
    const outcome = await runClassify([], JSON.stringify({ title: 'x', process: 'evil\u009b31m\u202e.exe' }));
    expect(outcome.lines[0]).not.toMatch(/[\u009b\u202e]/);
  });
});

describe('scarestop classify "title"', () => {
  it('classifies one title given as arguments', async () => {
    const outcome = await runClassify(['Windows', 'Security', 'Alert', '-', 'Call', '1-888-254-7811']);
    expect(outcome.status).toBe(0);
    expect(outcome.lines).toHaveLength(1);
    expect(json(outcome.lines[0])).toMatchObject({ verdict: 'scam', brand: 'Microsoft' });
  });

  it('honours --process: a non-browser window is never a scam', async () => {
    const outcome = await runClassify(['--process', 'notepad.exe', 'Virus detected! Call 1-888-254-7811']);
    expect(json(outcome.lines[0]).verdict).toBe('clean');
  });

  it('--explain prints a readable account', async () => {
    const outcome = await runClassify(['--explain', 'ウイルスに感染しています 050-5865-1234']);
    const text = outcome.lines.join('\n');
    expect(text).toMatch(/Verdict: SCAM/);
    expect(text).toMatch(/Phone: +\+815058651234 \(JP\)/);
    expect(text).toMatch(/threat/);
  });

  it('--help explains the input format; an unknown option is a usage error', async () => {
    const help = await runClassify(['--help']);
    expect(help.status).toBe(0);
    expect(help.lines.join('\n')).toMatch(/one window observation per line/);
    const bad = await runClassify(['--frobnicate']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/unknown option/);
  });
});

describe('scarestop classify through bin/scarestop.mjs', () => {
  it('runs as a real process: stdin in, verdicts out, exit status', () => {
    const bin = join(dirname(fileURLToPath(import.meta.url)), '../../bin/scarestop.mjs');
    const result = spawnSync(process.execPath, [bin, 'classify'], {
      input: `${JSON.stringify({ title: 'Your computer has been blocked - Google Chrome' })}\n{bad\n`,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ verdict: 'scam' });
    expect(JSON.parse(lines[1] ?? '{}')).toHaveProperty('error');
  }, 60_000);
});
