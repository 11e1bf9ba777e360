/**
 * Real delivery over loopback: a real SMTP server (smtp-server) and a node:http webhook
 * receiver on 127.0.0.1 get the alert from the real `scarestop family` commands.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpServer, startWebhookServer, type SmtpTestServer, type WebhookTestServer } from './support/family-servers.js';
import { cliEnv, runCli } from './support/scarestop-cli.js';
import type { WebhookPayload } from '../../src/platform/net/webhook-sender.js';

describe('family alerts over loopback SMTP and HTTP', { timeout: 90_000 }, () => {
  let home: string;
  let env: NodeJS.ProcessEnv;
  let smtp: SmtpTestServer;
  let hook: WebhookTestServer;
  const homes: string[] = [];

  beforeEach(async () => {
    home = mkdtempSync(join(tmpdir(), 'scarestop-family-e2e-'));
    homes.push(home);
    env = cliEnv(home, { SMTP_PASS: 'correct horse' });
    smtp = await startSmtpServer({ login: { user: 'scarestop', pass: 'correct horse' } });
    hook = await startWebhookServer();
  });
  afterEach(async () => {
    await smtp.close();
    await hook.close();
  });
  afterAll(() => homes.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  async function ok(args: string[]): Promise<string> {
    const result = await runCli(args, env);
    expect(result.stderr + result.stdout).not.toContain('correct horse');
    expect(result.code, `${args.join(' ')}\n${result.stderr}`).toBe(0);
    return result.stdout;
  }

  it('sends a Japanese alert by mail and a JSON webhook, each once, with the idempotency key', async () => {
    await ok(['family', 'smtp', '--host', '127.0.0.1', '--port', String(smtp.port), '--security', 'none', '--user', 'scarestop', '--password-env', 'SMTP_PASS', '--from', 'guard@scarestop.test', '--allow-plaintext-login']);
    await ok(['family', 'set', '--device-name', '母のパソコン', '--time-zone', 'Asia/Tokyo']);
    await ok(['family', 'add', '--name', '花子', '--email', 'hanako@family.test', '--webhook', hook.url('/alerts?token=s3cret')]);
    await ok(['family', 'enqueue', '--event', 'scam-page', '--at', '2026-11-22T13:05:00.000Z', '--title', 'Windows Defender セキュリティ警告', '--brand', 'Microsoft', '--phone', '03-6271-7243', '--id', 'alert-e2e-1']);
    const flushed = JSON.parse(await ok(['family', 'flush', '--json'])) as { delivered: number; failed: number };
    expect(flushed).toMatchObject({ delivered: 2, failed: 0 });

    expect(smtp.mails).toHaveLength(1);
    const mail = smtp.mails[0];
    expect(mail?.to).toEqual(['hanako@family.test']);
    expect(mail?.subject).toBe('[ScareStop] 偽の警告画面を検出しました');
    expect(mail?.headers.get('content-language')).toBe('ja');
    expect(mail?.headers.get('x-scarestop-alert-id')).toMatch(/^alert-e2e-1\/c-[0-9a-f]{8}\/email$/);
    expect(mail?.headers.get('message-id')).toMatch(/^<alert-e2e-1\/c-[0-9a-f]{8}\/email@alert\.scarestop\.invalid>$/);
    expect(mail?.text).toContain('「母のパソコン」に偽の警告画面（サポート詐欺）が表示されました。');
    expect(mail?.text).toContain('日時: 2026年11月22日 22:05');
    expect(mail?.text).toContain('画面のタイトル: 「Windows Defender セキュリティ警告」');
    expect(mail?.text).toContain('画面の電話番号: 03-6271-7243（既知の詐欺番号） — この番号には絶対に電話しないでください。');

    expect(hook.requests).toHaveLength(1);
    const request = hook.requests[0];
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/alerts?token=s3cret');
    expect(request?.headers['content-type']).toBe('application/json');
    const payload = JSON.parse(request?.body ?? '{}') as WebhookPayload;
    expect(payload).toMatchObject({ type: 'scarestop.alert', version: 1, event: 'scam-page', at: '2026-11-22T13:05:00.000Z', language: 'ja', title: '[ScareStop] 偽の警告画面を検出しました' });
    expect(request?.headers['idempotency-key']).toBe(payload.id);
    expect(payload.id).toMatch(/^alert-e2e-1\/c-[0-9a-f]{8}\/webhook$/);

    // A second flush, and the same alert queued again, send nothing more.
    await ok(['family', 'enqueue', '--event', 'scam-page', '--at', '2026-11-22T13:05:00.000Z', '--id', 'alert-e2e-1']);
    await ok(['family', 'flush']);
    expect(smtp.mails).toHaveLength(1);
    expect(hook.requests).toHaveLength(1);

    const status = JSON.parse(await ok(['family', 'status', '--json'])) as { counts: Record<string, number>; items: { state: string; channel: string }[] };
    expect(status.counts).toEqual({ pending: 0, delivered: 2, expired: 0 });
    // History sees state and channel, never the address or the webhook token.
    expect(JSON.stringify(status)).not.toContain('s3cret');
    expect(JSON.stringify(status)).not.toContain('hanako@family.test');
  });

  it('writes English for an English contact and uses ntfy plain text with an encoded title', async () => {
    await ok(['family', 'add', '--name', 'Ken', '--lang', 'en', '--webhook', hook.url('/scarestop-topic'), '--ntfy', '--triggers', 'remote-tool']);
    await ok(['family', 'add', '--name', 'Yuki', '--webhook', hook.url('/yuki'), '--ntfy', '--triggers', 'scam-page']);
    await ok(['family', 'enqueue', '--event', 'remote-tool', '--tool', 'AnyDesk', '--action', 'connected', '--at', '2026-11-22T13:05:00.000Z']);
    await ok(['family', 'flush']);
    // Yuki did not ask for remote-tool alerts.
    expect(hook.requests).toHaveLength(1);
    const request = hook.requests[0];
    expect(request?.url).toBe('/scarestop-topic');
    expect(request?.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(request?.headers['title']).toBe('[ScareStop] Remote-access tool AnyDesk has someone connected');
    expect(request?.headers['priority']).toBe('high');
    expect(request?.body).toContain('Remote-access tool AnyDesk has someone connected on the PC.');
    expect(request?.body).toContain('When: 22 Nov 2026, 13:05');

    await ok(['family', 'enqueue', '--event', 'scam-page', '--title', 'ウイルス警告']);
    await ok(['family', 'flush']);
    const yuki = hook.requests[1];
    expect(yuki?.url).toBe('/yuki');
    expect(yuki?.headers['title']).toBe(`=?UTF-8?B?${Buffer.from('[ScareStop] 偽の警告画面を検出しました').toString('base64')}?=`);
  });

  it('`family test` reaches every channel and says so', async () => {
    await ok(['family', 'smtp', '--host', '127.0.0.1', '--port', String(smtp.port), '--security', 'none', '--user', 'scarestop', '--password-env', 'SMTP_PASS', '--from', 'guard@scarestop.test', '--allow-plaintext-login']);
    await ok(['family', 'add', '--name', 'Ken', '--lang', 'en', '--email', 'ken@family.test', '--webhook', hook.url()]);
    const out = await ok(['family', 'test']);
    expect(out).toMatch(/Ken \(email\): sent/);
    expect(out).toMatch(/Ken http:\/\/127\.0\.0\.1:\d+\/… \(webhook\): sent/);
    expect(smtp.mails[0]?.subject).toBe('[ScareStop] Test message');
    expect(smtp.mails[0]?.headers.get('content-language')).toBe('en');
    expect(hook.requests).toHaveLength(1);
    expect(out).not.toContain(String(smtp.port));
  });
});
