/**
 * kill -9 during `scarestop family flush`: the flush is killed while a server is still holding
 * its first message (not yet accepted). The next flush takes the dead process's lease over at
 * once (no "busy elsewhere" for two minutes) and each alert is accepted exactly once, with its
 * idempotency key unchanged. Real SMTP and HTTP servers on 127.0.0.1.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, describe, expect, it } from 'vitest';
import { cliEnv, runCli, startCli, waitFor } from './support/scarestop-cli.js';

/** Servers that hold the very first message without answering; they count only what they accepted. */
async function startHoldingServers(): Promise<{ smtpPort: number; hookPort: number; accepted: string[]; arrived: () => number; close(): Promise<void> }> {
  const accepted: string[] = [];
  let arrived = 0;
  let holding = true;
  const smtp = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        arrived += 1;
        if (holding) {
          holding = false;
          return; // never answer: the sender is killed while waiting
        }
        accepted.push(/X-ScareStop-Alert-Id: (\S+)/iu.exec(raw)?.[1] ?? 'mail?');
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  const hook: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      arrived += 1;
      if (holding) {
        holding = false;
        return;
      }
      accepted.push(String(req.headers['idempotency-key'] ?? 'hook?'));
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  const port = (server: { address(): unknown }) => (server.address() as { port: number }).port;
  return {
    smtpPort: port(smtp.server),
    hookPort: port(hook),
    accepted,
    arrived: () => arrived,
    close: async () => {
      hook.closeAllConnections();
      await new Promise<void>((resolve) => hook.close(() => resolve()));
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    },
  };
}

describe('kill -9 during family flush', { timeout: 150_000 }, () => {
  const home = mkdtempSync(join(tmpdir(), 'scarestop-flush-kill-'));
  // Sends may wait a minute: only the kill ends the held one.
  const env = cliEnv(home, { SCARESTOP_NET_TIMEOUT_MS: '60000' });
  let close: () => Promise<void> = async () => undefined;
  afterAll(async () => {
    await close();
    rmSync(home, { recursive: true, force: true });
  });

  async function ok(args: string[]): Promise<string> {
    const result = await runCli(args, env);
    expect(result.code, `${args.join(' ')}\n${result.stderr}`).toBe(0);
    return result.stdout;
  }

  it('the next flush sends at once, and each alert is accepted once', async () => {
    const servers = await startHoldingServers();
    close = servers.close;
    await ok(['family', 'smtp', '--host', '127.0.0.1', '--port', String(servers.smtpPort), '--security', 'none', '--from', 'guard@scarestop.test']);
    await ok(['family', 'add', '--name', '花子', '--email', 'hanako@family.test', '--webhook', `http://127.0.0.1:${servers.hookPort}/hook`]);
    await ok(['family', 'enqueue', '--event', 'scam-page', '--title', 'Virus alert', '--id', 'alert-page']);
    await ok(['family', 'enqueue', '--event', 'wizard-started', '--id', 'alert-wizard']);

    const flush = startCli(['family', 'flush', '--json'], env);
    await waitFor(() => servers.arrived() >= 1, 60_000, 'the first message reaching a server');
    flush.child.kill('SIGKILL');
    expect((await flush.exited).signal).toBe('SIGKILL');

    // The dead flush's lease does not hold the alert back: nothing is "busy elsewhere".
    const again = JSON.parse(await ok(['family', 'flush', '--json'])) as { delivered: number; failed: number; busy: number };
    expect(again).toMatchObject({ delivered: 4, failed: 0, busy: 0 });

    // Each of the four messages (2 alerts × mail + webhook) was accepted once, keys unchanged.
    expect(servers.accepted).toHaveLength(4);
    expect(new Set(servers.accepted).size).toBe(4);
    const status = JSON.parse(await ok(['family', 'status', '--json'])) as { counts: Record<string, number> };
    expect(status.counts).toEqual({ pending: 0, delivered: 4, expired: 0 });
    const keys = servers.accepted.map((key) => key.replace(/@.*$/u, '')).sort();
    expect(keys.every((key) => key.startsWith('alert-page/') || key.startsWith('alert-wizard/'))).toBe(true);
  });
});
