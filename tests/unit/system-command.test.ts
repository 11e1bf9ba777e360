/** runCommand: the one way platform code runs a program (no shell, bounded time). */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/platform/system-command.js';

describe('runCommand', () => {
  it('collects output and the exit code', async () => {
    expect(await runCommand('sh', ['-c', 'echo hi; exit 3'])).toMatchObject({ code: 3, stdout: 'hi\n' });
  });

  it('gives up at its timeout even when a grandchild keeps the output pipe open', { timeout: 10_000 }, async () => {
    // sh is killed at the timeout, but the background sleep still holds stdout: waiting for the
    // pipe to close would wait for the sleep (longer than this test may run).
    const started = Date.now();
    await expect(runCommand('sh', ['-c', 'sleep 15 & sleep 15'], { timeoutMs: 300 })).rejects.toMatchObject({ code: 'command-timeout' });
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
