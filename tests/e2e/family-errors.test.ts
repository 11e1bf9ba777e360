/**
 * Wrong settings give a clear error in `family test` and in the outbox status (History), never
 * leak the server, port or password, and never hold up the caller that raised the alert.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FamilyAlerts } from '../../src/engine/family/family-alerts.js';
import { systemClock } from '../../src/engine/watch/system-clock.js';
import { ownerOnlySecrets } from '../../src/platform/linux/owner-only-secrets.js';
import { createFamilySenders } from '../../src/platform/net/family-senders.js';
import { NodemailerSmtpSender } from '../../src/platform/net/smtp-sender.js';
import { FetchWebhookSender } from '../../src/platform/net/webhook-sender.js';
import { SqliteContactStore, SqliteFamilySettings } from '../../src/storage/contacts-repo.js';
import { openDatabase } from '../../src/storage/open.js';
import { SqliteOutboxStore } from '../../src/storage/outbox-repo.js';
import { freePort, startSilentServer, startSmtpServer, startWebhookServer } from './support/family-servers.js';
import { cliEnv, runCli, waitFor } from './support/scarestop-cli.js';

const homes: string[] = [];
function newHome(): string {
  const home = mkdtempSync(join(tmpdir(), 'scarestop-family-errors-'));
  homes.push(home);
  return home;
}
afterAll(() => homes.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const mail = { to: 'a@family.test', subject: 's', text: 't', idempotencyKey: 'k/c/email', language: 'en' };
const smtpAt = (port: number, extra: Partial<{ user: string; password: string }> = {}) =>
  ({ host: '127.0.0.1', port, security: 'none', from: 'guard@scarestop.test', ...extra }) as const;
const quick = { connectionTimeoutMs: 1_500, greetingTimeoutMs: 1_500, socketTimeoutMs: 1_500, totalTimeoutMs: 5_000 };

describe('senders map wrong settings to clear errors', { timeout: 60_000 }, () => {
  it('refused login', async () => {
    const server = await startSmtpServer({ login: { user: 'scarestop', pass: 'right' } });
    try {
      const result = await new NodemailerSmtpSender(smtpAt(server.port, { user: 'scarestop', password: 'wrong-pw' }), quick).send(mail);
      expect(result).toMatchObject({ ok: false, code: 'auth-failed', retryable: false });
      expect(!result.ok && result.message).toBe('The mail server refused the login: check the user name and password.');
      expect(server.mails).toHaveLength(0);
    } finally {
      await server.close();
    }
  });

  it('TLS that cannot be trusted, or a server without STARTTLS when it is required', async () => {
    const { SMTPServer } = await import('smtp-server');
    // smtp-server's built-in test certificate is self-signed (and expired): never trusted.
    const tls = new SMTPServer({ secure: true, authOptional: true, logger: false });
    const plain = new SMTPServer({ secure: false, authOptional: true, disabledCommands: ['STARTTLS'], logger: false });
    for (const server of [tls, plain]) server.on('error', () => undefined);
    const listen = (server: InstanceType<typeof SMTPServer>): Promise<number> =>
      new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.server.address() as { port: number }).port)));
    try {
      const tlsResult = await new NodemailerSmtpSender({ ...smtpAt(await listen(tls)), security: 'tls' }, quick).send(mail);
      expect(tlsResult).toMatchObject({ ok: false, code: 'tls-failed', retryable: false });
      const starttls = await new NodemailerSmtpSender({ ...smtpAt(await listen(plain)), security: 'starttls' }, quick).send(mail);
      expect(starttls).toMatchObject({ ok: false, code: 'tls-failed' });
    } finally {
      await Promise.all([tls, plain].map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
    }
  });

  it('nothing listening (bad host or port)', async () => {
    const result = await new NodemailerSmtpSender(smtpAt(await freePort()), quick).send(mail);
    expect(result).toMatchObject({ ok: false, code: 'unreachable', retryable: true });
  });

  it('a server that never answers times out', async () => {
    const silent = await startSilentServer();
    try {
      const result = await new NodemailerSmtpSender(smtpAt(silent.port), quick).send(mail);
      expect(result).toMatchObject({ ok: false, code: 'timeout', retryable: true });
    } finally {
      await silent.close();
    }
  });

  it('bad webhook URLs: not a URL, wrong scheme, 404, refused, hung', async () => {
    const sender = new FetchWebhookSender({ timeoutMs: 1_500 });
    const base = { mode: 'json', title: 't', text: 'x', idempotencyKey: 'k', language: 'en', event: 'test', at: '2026-11-22T00:00:00Z' } as const;
    expect(await sender.send({ ...base, url: 'not a url' })).toMatchObject({ ok: false, code: 'bad-config' });
    expect(await sender.send({ ...base, url: 'file:///etc/passwd' })).toMatchObject({ ok: false, code: 'bad-config' });
    const notFound = await startWebhookServer({ status: 404 });
    const busy = await startWebhookServer({ status: 503 });
    const silent = await startSilentServer();
    try {
      const rejected = await sender.send({ ...base, url: notFound.url('/wrong/path?token=s3cret') });
      expect(rejected).toMatchObject({ ok: false, code: 'rejected', retryable: false });
      expect(!rejected.ok && rejected.message).toContain('HTTP 404');
      expect(JSON.stringify(rejected)).not.toContain('s3cret');
      expect(await sender.send({ ...base, url: busy.url() })).toMatchObject({ ok: false, code: 'server-error', retryable: true });
      expect(await sender.send({ ...base, url: `http://127.0.0.1:${await freePort()}/x` })).toMatchObject({ ok: false, code: 'unreachable' });
      expect(await sender.send({ ...base, url: `http://127.0.0.1:${silent.port}/x` })).toMatchObject({ ok: false, code: 'timeout' });
    } finally {
      await Promise.all([notFound.close(), busy.close(), silent.close()]);
    }
  });
});

describe('`family test` and History show the error', { timeout: 120_000 }, () => {
  it('refused login, unreachable server and a 404 webhook, without leaking settings', async () => {
    const home = newHome();
    const env = cliEnv(home, { SMTP_PASS: 'wrong-horse-battery' });
    const smtp = await startSmtpServer({ login: { user: 'scarestop', pass: 'right' } });
    const hook = await startWebhookServer({ status: 404 });
    try {
      const setup = [
        ['family', 'smtp', '--host', '127.0.0.1', '--port', String(smtp.port), '--security', 'none', '--user', 'scarestop', '--password-env', 'SMTP_PASS', '--from', 'guard@scarestop.test', '--allow-plaintext-login'],
        ['family', 'add', '--name', 'Ken', '--lang', 'en', '--email', 'ken@family.test', '--webhook', hook.url('/typo?token=s3cret')],
      ];
      for (const args of setup) expect((await runCli(args, env)).code).toBe(0);

      const tested = await runCli(['family', 'test'], env);
      expect(tested.code).toBe(1);
      expect(tested.stdout).toContain('(email): FAILED: The mail server refused the login: check the user name and password. [auth-failed]');
      expect(tested.stdout).toContain('(webhook): FAILED: The webhook server refused the message (HTTP 404): check the address. [rejected]');
      for (const secret of ['wrong-horse-battery', String(smtp.port), 's3cret', 'typo']) expect(tested.stdout + tested.stderr).not.toContain(secret);

      expect((await runCli(['family', 'enqueue', '--event', 'scam-page', '--title', 'Virus'], env)).code).toBe(0);
      const flushed = await runCli(['family', 'flush', '--json'], env);
      expect(flushed.code).toBe(1);
      expect(JSON.parse(flushed.stdout)).toMatchObject({ delivered: 0, failed: 2 });

      const status = await runCli(['family', 'status', '--json'], env);
      const view = JSON.parse(status.stdout) as { items: { channel: string; state: string; lastError?: { code: string; message: string } }[] };
      const byChannel = Object.fromEntries(view.items.map((i) => [i.channel, i]));
      expect(byChannel['email']).toMatchObject({ state: 'pending', lastError: { code: 'auth-failed' } });
      expect(byChannel['webhook']).toMatchObject({ state: 'pending', lastError: { code: 'rejected' } });
      const text = await runCli(['family', 'status'], env);
      expect(text.stdout).toContain('last error: The mail server refused the login');
      for (const secret of ['wrong-horse-battery', String(smtp.port), 's3cret']) expect(status.stdout + text.stdout).not.toContain(secret);

      // A server that is simply not there.
      expect((await runCli(['family', 'smtp', '--host', '127.0.0.1', '--port', String(await freePort()), '--security', 'none', '--from', 'guard@scarestop.test'], env)).code).toBe(0);
      const down = await runCli(['family', 'test'], env);
      expect(down.stdout).toContain('FAILED: The mail server refused the connection (nothing answers at that server and port). [unreachable]');
    } finally {
      await smtp.close();
      await hook.close();
    }
  });

  it('settings that cannot work are refused when given', async () => {
    const env = cliEnv(newHome());
    const badUrl = await runCli(['family', 'add', '--name', 'Ken', '--webhook', 'htp:/nowhere'], env);
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toContain('The webhook address must start with http:// or https://.');
    const badHost = await runCli(['family', 'smtp', '--host', 'smtp example', '--from', 'a@b.test'], env);
    expect(badHost.code).toBe(2);
    expect(badHost.stderr).toContain('The mail server name is missing or malformed.');
  });
});

describe('alerts never hold up detection or the wizard', { timeout: 60_000 }, () => {
  it('notify() returns with the alert saved while the mail server hangs', async () => {
    const silent = await startSilentServer();
    const home = newHome();
    const { db } = openDatabase(join(home, 'scarestop.db'));
    const contacts = new SqliteContactStore(db, ownerOnlySecrets);
    const settings = new SqliteFamilySettings(db, ownerOnlySecrets);
    const outbox = new SqliteOutboxStore(db);
    settings.set({ smtp: smtpAt(silent.port) });
    contacts.save({ id: 'c-1', name: 'Ken', language: 'en', email: 'ken@family.test', triggers: ['scam-page', 'wizard-started'] });
    const alerts = new FamilyAlerts({ contacts, outbox, settings, clock: systemClock, senders: (s) => createFamilySenders(s, { smtp: { ...quick, connectionTimeoutMs: 30_000, greetingTimeoutMs: 30_000, socketTimeoutMs: 30_000, totalTimeoutMs: 30_000 } }) });
    try {
      alerts.start();
      const result = alerts.notify({ kind: 'wizard-started', at: new Date().toISOString() });
      // Synchronous: a Result, not a promise the caller could be tempted to await.
      expect(result).toMatchObject({ ok: true, value: { queued: 1 } });
      // The send is under way against a server that never answers...
      await waitFor(() => silent.connections() >= 1, 10_000, 'the mail connection');
      // ...and the caller can go on: another alert is saved at once, the first is still pending.
      expect(alerts.notify({ kind: 'scam-page', at: new Date().toISOString(), title: 'x' })).toMatchObject({ ok: true });
      expect(outbox.list().map((i) => i.state)).toEqual(['pending', 'pending']);
    } finally {
      alerts.stop();
      await silent.close();
      db.close();
    }
  });
});
