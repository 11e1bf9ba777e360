/**
 * The terminal wizard tells the family like the app does: starting `scarestop cleanup` with a
 * remote-access tool running queues "recovery started" and "tool running" for each contact and
 * sends them at once (a real webhook server on 127.0.0.1); stopping at the first screen keeps
 * the wizard's progress. Findings come from a file, so nothing on this machine is touched.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookServer, type WebhookTestServer } from './support/family-servers.js';
import { cliEnv, runCli } from './support/scarestop-cli.js';

describe('scarestop cleanup tells the family', { timeout: 120_000 }, () => {
  let home: string;
  let hook: WebhookTestServer;

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'scarestop-cleanup-family-'));
    hook = await startWebhookServer();
  });
  afterAll(async () => {
    await hook?.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('sends "recovery started" and "AnyDesk is running" when the wizard starts', async () => {
    const env = cliEnv(home);
    const added = await runCli(['family', 'add', '--name', '花子', '--webhook', hook.url('/family-topic'), '--ntfy'], env);
    expect(added.code).toBe(0);
    const findings = join(home, 'findings.json');
    writeFileSync(findings, JSON.stringify({ findings: [{ toolId: 'anydesk', name: 'AnyDesk', priority: 1, risk: 'running', evidence: [{ kind: 'running', detail: 'Running now', pid: 999_999, path: '/nowhere/AnyDesk' }] }] }));
    // stdin is closed: the wizard shows its first screen, saves and stops.
    const run = await runCli(['cleanup', '--lang', 'ja', '--region', 'JP', '--findings', findings], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('(1/9) 電話を切ります');
    expect(run.stdout).toContain('保存しました');
    expect(hook.requests).toHaveLength(2);
    const bodies = hook.requests.map((request) => request.body).join('\n');
    expect(bodies).toContain('AnyDesk');
    expect(hook.requests.every((request) => request.url === '/family-topic')).toBe(true);
    // Running it again resumes: the family is not told twice.
    await runCli(['cleanup', '--lang', 'ja', '--region', 'JP', '--findings', findings], env);
    expect(hook.requests).toHaveLength(2);
  });
});
