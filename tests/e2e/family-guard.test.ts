/**
 * "The guard stopped unexpectedly — the next start says so": a guarding process is killed with
 * SIGKILL; the next start finds its running marker and tells the family (webhook on loopback).
 * A clean stop (SIGTERM) is not reported.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startWebhookServer, type WebhookTestServer } from './support/family-servers.js';
import { cliEnv, runCli, startCli, waitFor } from './support/scarestop-cli.js';

describe('guard stopped unexpectedly', { timeout: 120_000 }, () => {
  const home = mkdtempSync(join(tmpdir(), 'scarestop-family-guard-'));
  const env = cliEnv(home);
  let hook: WebhookTestServer | undefined;
  afterAll(async () => {
    await hook?.close();
    rmSync(home, { recursive: true, force: true });
  });

  async function guardUntil(signal: NodeJS.Signals): Promise<string[]> {
    const app = startCli(['family', 'run', '--guard', '--json'], env);
    await waitFor(() => app.lines.some((l) => l.includes('"delivery running"')), 60_000, 'the guard to start');
    app.child.kill(signal);
    const exit = await app.exited;
    expect(signal === 'SIGKILL' ? exit.signal : exit.code).toBe(signal === 'SIGKILL' ? 'SIGKILL' : 0);
    return app.lines;
  }

  it('reports a SIGKILL at the next start, and not a clean stop', async () => {
    hook = await startWebhookServer();
    expect((await runCli(['family', 'add', '--name', 'Ken', '--lang', 'en', '--webhook', hook.url('/guard'), '--triggers', 'guard-stopped'], env)).code).toBe(0);

    const first = await guardUntil('SIGKILL');
    expect(first.some((l) => l.includes('previous run: first-run'))).toBe(true);

    const second = startCli(['family', 'run', '--guard', '--json'], env);
    await waitFor(() => second.lines.some((l) => l.includes('"delivery running"')), 60_000, 'the guard to restart');
    expect(second.lines.some((l) => l.includes('previous run stopped unexpectedly'))).toBe(true);
    const server = hook;
    await waitFor(() => server.requests.length >= 1, 30_000, 'the guard-stopped alert');
    second.child.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);

    expect(server.requests).toHaveLength(1);
    const payload = JSON.parse(server.requests[0]?.body ?? '{}') as { event: string; title: string; message: string };
    expect(payload.event).toBe('guard-stopped');
    expect(payload.title).toBe('[ScareStop] Protection stopped unexpectedly');
    expect(payload.message).toContain('Last seen running:');

    // That run stopped cleanly: the next start reports nothing.
    const third = await guardUntil('SIGTERM');
    expect(third.some((l) => l.includes('previous run: clean'))).toBe(true);
    expect(server.requests).toHaveLength(1);
  });
});
