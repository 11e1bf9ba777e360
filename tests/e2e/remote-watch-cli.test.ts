/**
 * `scarestop watch --close=auto --json` as a person runs it, with stand-in remote-access tools:
 * a copy of /bin/sleep named AnyDesk and a copy of /bin/bash named RustDesk that opens a TCP
 * connection to a local listener, both in ~/Downloads of a temporary HOME. After a scam page
 * (closed), both are stopped (state T) and the JSON lines say so; "end" and "known" on stdin
 * end / resume them. Without a scam page the same start is only reported and recorded.
 *
 * Each scenario runs in its own PID namespace (tests/e2e/drivers/remote-watch.ts): the command
 * sees only the scenario's processes, so it never pauses another test's stand-ins on this
 * shared machine, and everything left ends with the namespace.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { RemoteWatchConfig, RemoteWatchResults } from './drivers/remote-watch.js';
import { useStaticStage } from './support/stages.js';

const DRIVER = fileURLToPath(new URL('./drivers/remote-watch.ts', import.meta.url));
const stage = useStaticStage();
const root = mkdtempSync(join(tmpdir(), 'scarestop-e2e-remote-'));

afterAll(() => rmSync(root, { recursive: true, force: true }));

async function scenario(mode: RemoteWatchConfig['mode']): Promise<RemoteWatchResults> {
  const config: RemoteWatchConfig = {
    mode,
    home: join(root, mode),
    displayEnv: { DISPLAY: stage.display.env['DISPLAY'] ?? '' },
    pageUrl: stage.server.url('defender-fullscreen.html'),
    results: join(root, `${mode}.json`),
  };
  const configFile = join(root, `${mode}-config.json`);
  writeFileSync(configFile, JSON.stringify(config));
  const child = spawn('unshare', ['--pid', '--fork', '--mount-proc', '--', process.execPath, '--import', 'tsx', DRIVER, configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d: Buffer) => (log += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (log += d.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`the ${mode} scenario failed (exit ${code}):\n${log.slice(-4000)}`);
  return JSON.parse(readFileSync(config.results, 'utf8')) as RemoteWatchResults;
}

const lineOf = (results: RemoteWatchResults, event: string, toolId: string) => results.lines.find((l) => l['event'] === event && l['toolId'] === toolId);

describe('scarestop watch: remote-access tools', () => {
  it('after a scam page, stand-in tools are stopped at once; "end" ends one, "known" resumes the other', async () => {
    const r = await scenario('scam');
    const { anydesk, rustdesk } = r.pids;
    expect(lineOf(r, 'remote-started', 'anydesk')).toMatchObject({ tool: 'AnyDesk', decision: 'pause', pids: [anydesk] });
    expect(lineOf(r, 'remote-paused', 'anydesk')).toMatchObject({ reason: 'scam-page', pids: [anydesk], failed: [] });
    expect(r.states['anydeskPaused']).toBe('T');
    expect(lineOf(r, 'remote-paused', 'rustdesk')).toMatchObject({ reason: 'scam-page', pids: [rustdesk], failed: [] });
    expect(r.states['rustdeskPaused']).toBe('T');
    expect(lineOf(r, 'remote-ended', 'anydesk')).toMatchObject({ how: 'ended-by-person', pids: [anydesk], failed: [] });
    expect(r.states['anydeskEnded']).toBe('gone');
    expect(lineOf(r, 'remote-resumed', 'rustdesk')).toMatchObject({ pids: [rustdesk] });
    expect(r.states['rustdeskResumed']).not.toBe('T');
    expect(r.accepted).toBeGreaterThan(0); // resumed, it went on to connect
    expect(r.exitCode).toBe(0);
    expect(r.remoteTimeline).toEqual(expect.arrayContaining(['started:anydesk:pause', 'paused:anydesk:scam-page', 'ended:anydesk:ended-by-person', 'paused:rustdesk:scam-page', 'resumed:rustdesk:']));
    expect(r.helpers).toEqual(['rustdesk']);
  }, 180_000);

  it('with no scam context the same start is reported and recorded, and keeps running', async () => {
    const r = await scenario('calm');
    const { rustdesk } = r.pids;
    expect(lineOf(r, 'remote-started', 'rustdesk')).toMatchObject({ decision: 'notify', pids: [rustdesk] });
    expect(lineOf(r, 'remote-connected', 'rustdesk')).toMatchObject({ via: 'network', decision: 'notify', remoteAddress: `127.0.0.1:${r.listenerPort}` });
    expect(r.states['rustdeskRunning']).not.toBe('T');
    expect(r.lines.some((l) => l['event'] === 'remote-paused')).toBe(false);
    expect(r.remoteTimeline).toEqual(['started:rustdesk:notify', 'connected:rustdesk:network']);
    expect(r.exitCode).toBe(0);
  }, 120_000);
});
