/**
 * The built command as a script uses it: when the reader of its output goes away
 * (`scarestop classify … | head -1`), it ends quietly, with no stack trace.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/scarestop.mjs', import.meta.url));
const home = mkdtempSync(join(tmpdir(), 'scarestop-pipes-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('closed pipes', () => {
  it('classify ends quietly when stdout is closed after the first line', async () => {
    const child = spawn(process.execPath, [BIN, 'classify'], { env: { ...process.env, SCARESTOP_HOME: home }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    // Like `head -1`: take the first line, then close the pipe while the command still writes.
    const firstLine = new Promise<string>((resolve) => {
      let out = '';
      const onData = (chunk: Buffer): void => {
        out += chunk.toString('utf8');
        if (!out.includes('\n')) return;
        child.stdout.off('data', onData);
        child.stdout.destroy();
        resolve(out.split('\n')[0] ?? '');
      };
      child.stdout.on('data', onData);
    });
    const line = JSON.stringify({ title: 'Virus alert! Call Microsoft 0120-111-222 - Google Chrome' });
    child.stdin.on('error', () => undefined); // the command may be gone before all input is written
    child.stdin.end(`${line}\n`.repeat(20_000));
    expect(JSON.parse(await firstLine)).toMatchObject({ verdict: 'scam' });
    const code = await new Promise<number | null>((resolve) => child.once('close', (exitCode) => resolve(exitCode)));
    expect(stderr).not.toMatch(/EPIPE|Error|at /);
    expect(code).toBe(0);
  }, 60_000);
});
