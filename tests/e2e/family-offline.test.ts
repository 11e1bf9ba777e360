/**
 * Offline and kill -9: with the servers down, alerts queue; the delivering process is killed
 * with SIGKILL mid-retry; when the servers and the app come back, each alert arrives exactly once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startSmtpServer, startWebhookServer, type SmtpTestServer, type WebhookTestServer } from './support/family-servers.js';
import { cliEnv, runCli, startCli, waitFor } from './support/scarestop-cli.js';

interface StatusJson {
  readonly counts: Record<'pending' | 'delivered' | 'expired', number>;
  readonly items: { readonly state: string; readonly attempts: number; readonly alertId: string; readonly lastError?: { readonly code: string } }[];
}

describe('family alerts survive being offline and kill -9', { timeout: 150_000 }, () => {
  const home = mkdtempSync(join(tmpdir(), 'scarestop-family-offline-'));
  const env = cliEnv(home);
  const servers: (SmtpTestServer | WebhookTestServer)[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    rmSync(home, { recursive: true, force: true });
  });

  async function ok(args: string[]): Promise<string> {
    const result = await runCli(args, env);
    expect(result.code, `${args.join(' ')}\n${result.stderr}`).toBe(0);
    return result.stdout;
  }

  it('queues while the servers are down, survives SIGKILL, then delivers each alert once', async () => {
    const smtpPort = await freePort();
    const hookPort = await freePort();
    await ok(['family', 'smtp', '--host', '127.0.0.1', '--port', String(smtpPort), '--security', 'none', '--from', 'guard@scarestop.test']);
    await ok(['family', 'add', '--name', '花子', '--email', 'hanako@family.test', '--webhook', `http://127.0.0.1:${hookPort}/hook`]);

    // One alert queued by a process that exits normally ...
    await ok(['family', 'enqueue', '--event', 'wizard-started', '--id', 'alert-wizard']);
    // ... and one by a process that queues, tries to send (servers are down), and is killed.
    const app = startCli(['family', 'enqueue', '--event', 'remote-tool', '--tool', 'AnyDesk', '--action', 'installed', '--id', 'alert-anydesk', '--run', '--json'], env);
    const failures = (): number => app.lines.filter((l) => l.includes('"alert not delivered yet"')).length;
    await waitFor(() => failures() >= 4, 60_000, 'four failed attempts in the app process');
    expect(app.lines.some((l) => l.includes('"queued"') && l.includes('"queued":2'))).toBe(true);
    app.child.kill('SIGKILL');
    const killed = await app.exited;
    expect(killed.signal).toBe('SIGKILL');

    const offline = JSON.parse(await ok(['family', 'status', '--json'])) as StatusJson;
    expect(offline.counts).toEqual({ pending: 4, delivered: 0, expired: 0 });
    expect(offline.items.every((i) => i.attempts >= 1 && i.lastError?.code === 'unreachable')).toBe(true);

    // The servers come back on the same ports; the app starts again and delivers.
    const smtp = await startSmtpServer({ port: smtpPort });
    const hook = await startWebhookServer({ port: hookPort });
    servers.push(smtp, hook);
    const flushed = JSON.parse(await ok(['family', 'flush', '--json'])) as { delivered: number; failed: number };
    expect(flushed).toMatchObject({ delivered: 4, failed: 0 });

    // A restarted delivery loop and another flush find nothing left to send.
    const again = startCli(['family', 'run', '--json'], env);
    await waitFor(() => again.lines.some((l) => l.includes('"delivery running"')), 60_000, 'the delivery loop to start');
    await ok(['family', 'flush']);
    again.child.kill('SIGTERM');
    expect((await again.exited).code).toBe(0);

    expect(smtp.mails).toHaveLength(2);
    expect(hook.requests).toHaveLength(2);
    const mailKeys = smtp.mails.map((m) => m.headers.get('x-scarestop-alert-id') ?? '').sort();
    const hookKeys = hook.requests.map((r) => String(r.headers['idempotency-key'])).sort();
    expect(mailKeys).toEqual([expect.stringMatching(/^alert-anydesk\/c-[0-9a-f]{8}\/email$/), expect.stringMatching(/^alert-wizard\/c-[0-9a-f]{8}\/email$/)]);
    expect(hookKeys).toEqual([expect.stringMatching(/^alert-anydesk\/c-[0-9a-f]{8}\/webhook$/), expect.stringMatching(/^alert-wizard\/c-[0-9a-f]{8}\/webhook$/)]);
    expect(smtp.mails.map((m) => m.subject).sort()).toEqual(['[ScareStop] 回復の手順が始まりました', '[ScareStop] 遠隔操作ソフト AnyDesk がインストールされました']);

    const done = JSON.parse(await ok(['family', 'status', '--json'])) as StatusJson;
    expect(done.counts).toEqual({ pending: 0, delivered: 4, expired: 0 });
  });
});
