/**
 * Runs inside a private PID namespace (`unshare --pid --fork --mount-proc`, see
 * tests/e2e/remote-watch-cli.test.ts) so `scarestop watch` sees only this scenario's processes
 * and can never pause another test's stand-ins on a shared machine. Starts the command, opens
 * the scam page (scam mode), starts the stand-in tools, answers "end"/"known" on stdin, and
 * writes what it observed (JSON lines, process states, the record) to the results file.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { openIncidentStore } from '../../../src/storage/index.js';
import { isProcessGone, launchChromium, processState } from '../support/chromium.js';
import { startJsonWatch } from '../support/scarestop-cli.js';
import { eventually, stopBrowser } from '../support/watch-harness.js';

/** What the test passes in. */
export interface RemoteWatchConfig {
  readonly mode: 'scam' | 'calm';
  readonly home: string;
  readonly displayEnv: Record<string, string>;
  readonly pageUrl: string;
  readonly results: string;
}

/** What the driver saw. */
export interface RemoteWatchResults {
  readonly lines: Record<string, unknown>[];
  readonly pids: Record<string, number>;
  /** Process state letters at each checkpoint (`T` = stopped; `gone`). */
  readonly states: Record<string, string>;
  readonly accepted: number;
  readonly listenerPort: number;
  readonly remoteTimeline: string[];
  readonly helpers: readonly string[];
  readonly exitCode: number | null;
}

const config = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as RemoteWatchConfig;
const state = (pid: number): string => (isProcessGone(pid) ? 'gone' : (processState(pid) ?? 'gone'));

const accepted: number[] = [];
const listener = createServer((socket) => {
  accepted.push(1);
  socket.on('error', () => undefined);
});
listener.listen(0, '127.0.0.1');
await once(listener, 'listening');
const address = listener.address();
const port = typeof address === 'object' && address !== null ? address.port : 0;

const downloads = join(config.home, 'Downloads');
mkdirSync(downloads, { recursive: true });
copyFileSync('/bin/sleep', join(downloads, 'AnyDesk'));
copyFileSync('/bin/bash', join(downloads, 'RustDesk'));
const env = { ...process.env, ...config.displayEnv, HOME: config.home, SCARESTOP_HOME: join(config.home, 'data'), TZ: 'Asia/Tokyo' };
const { child: cli, lines } = startJsonWatch(['--close=auto', '--json', '--no-content-check'], env, { remoteWatch: true });
cli.stderr.pipe(process.stderr); // the watch's own messages go to the test's log, as before
const exited = new Promise<number | null>((resolve) => cli.once('exit', (code) => resolve(code)));
const find = (event: string, toolId?: string) => () => lines.find((l) => l['event'] === event && (toolId === undefined || l['toolId'] === toolId));

function startTool(name: 'AnyDesk' | 'RustDesk'): number {
  const args = name === 'AnyDesk' ? ['600'] : ['-c', `exec 3<>/dev/tcp/127.0.0.1/${port}; read -r -u 3 line`];
  const child = spawn(join(downloads, name), args, { stdio: 'ignore' });
  if (child.pid === undefined) throw new Error(`${name} did not start`);
  return child.pid;
}

const pids: Record<string, number> = {};
const states: Record<string, string> = {};
await eventually(find('status'), 'the watch to start', 60_000);

if (config.mode === 'scam') {
  // Not openPage: the running watch may close the page before its window could be seen here.
  const browser = await launchChromium({ env: config.displayEnv, url: config.pageUrl, extraArgs: ['--window-size=1200,800'] });
  try {
    // Its title alone is a scam: the running watch closes it without a click.
    await eventually(find('action-taken'), 'the scam page to be closed', 60_000);
  } finally {
    await stopBrowser(browser);
  }
  pids['anydesk'] = startTool('AnyDesk');
  const paused = await eventually(find('remote-paused', 'anydesk'), 'AnyDesk to be paused');
  states['anydeskPaused'] = state(pids['anydesk']);
  pids['rustdesk'] = startTool('RustDesk');
  const rustPaused = await eventually(find('remote-paused', 'rustdesk'), 'RustDesk to be paused');
  states['rustdeskPaused'] = state(pids['rustdesk']);
  cli.stdin.write(`end ${String(paused['pauseId'])}\n`);
  await eventually(find('remote-ended', 'anydesk'), 'AnyDesk to be ended');
  await eventually(() => (isProcessGone(pids['anydesk'] ?? 0) ? true : undefined), 'the AnyDesk stand-in to be gone');
  states['anydeskEnded'] = state(pids['anydesk']);
  cli.stdin.write(`known ${String(rustPaused['pauseId'])}\n`);
  await eventually(find('remote-resumed', 'rustdesk'), 'RustDesk to be resumed');
  states['rustdeskResumed'] = state(pids['rustdesk']);
  await eventually(() => (accepted.length > 0 ? true : undefined), 'the resumed stand-in to connect');
} else {
  pids['rustdesk'] = startTool('RustDesk');
  await eventually(find('remote-started', 'rustdesk'), 'RustDesk to be reported');
  await eventually(find('remote-connected', 'rustdesk'), 'its connection to be reported');
  await eventually(() => (accepted.length > 0 ? true : undefined), 'the stand-in to connect');
  states['rustdeskRunning'] = state(pids['rustdesk']);
}

cli.kill('SIGINT');
const exitCode = await exited;
const store = openIncidentStore({ dataHome: join(config.home, 'data') });
let remoteTimeline: string[] = [];
let helpers: readonly string[] = [];
try {
  const incident = store.latestOpenIncident();
  remoteTimeline = store.timeline(incident?.id ?? '').flatMap((e) => (e.payload.kind === 'remote' ? [`${e.payload.event}:${e.payload.toolId}:${e.payload.code ?? ''}`] : []));
  helpers = store.getSettings().remoteHelpers;
} finally {
  store.close();
}
const results: RemoteWatchResults = { lines, pids, states, accepted: accepted.length, listenerPort: port, remoteTimeline, helpers, exitCode };
writeFileSync(config.results, JSON.stringify(results, null, 2));
listener.close();
process.exit(0); // PID 1 of the namespace: leaving ends every stand-in still running
