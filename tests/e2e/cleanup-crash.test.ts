/**
 * The whole `scarestop cleanup` in a terminal, for real, killed with SIGKILL between questions,
 * between steps and in the middle of a step. It runs in its own network namespace (veth pair;
 * the disconnect step really takes the link down) and pid namespace (the scanner sees only this
 * test's fake AnyDesk: a bash copy that ignores SIGTERM, so stopping it takes a few seconds —
 * the window in which the wizard is killed). Each restart must resume at the right screen, and
 * the timeline must hold every event exactly once.
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openIncidentStore } from '../../src/storage/index.js';
import { childOf, createNetns, innerState, isAlive, startHolder, type Holder, type TestNetns } from './cleanup-netns.js';

let ns: TestNetns;
let holder: Holder;
let home: string;
let env: NodeJS.ProcessEnv;
let toolPid: number | undefined;
const fifo = () => join(home, 'tmp', 'hold');

/** One run of the CLI inside the namespaces, driven like a person at the keyboard. */
class WizardRun {
  private output = '';
  private mark = 0;
  readonly child: ChildProcess;

  constructor() {
    this.child = holder.spawn(process.execPath, [join(process.cwd(), 'bin/scarestop.mjs'), 'cleanup', '--lang', 'en', '--region', 'JP'], env);
    this.child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
  }

  /** Waits until the output after the last match matches; moves the mark past it. */
  async expect(pattern: RegExp, ms = 90_000): Promise<string> {
    for (let waited = 0; waited < ms; waited += 50) {
      const match = pattern.exec(this.output.slice(this.mark));
      if (match !== null) {
        this.mark += match.index + match[0].length;
        return match[0];
      }
      if (this.child.exitCode !== null && waited > 500) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`did not see ${pattern} in:\n${this.output.slice(this.mark)}\n--- full ---\n${this.output}`);
  }

  send(line: string): void {
    this.child.stdin?.write(`${line}\n`);
  }

  /** SIGKILL the wizard's node process (nsenter's child), like pulling the plug. */
  async kill9(): Promise<void> {
    const node = childOf(this.child.pid ?? -1);
    if (node === undefined) throw new Error('wizard process not found');
    process.kill(node, 'SIGKILL');
    await new Promise((resolve) => this.child.once('close', resolve));
  }

  async exitCode(): Promise<number | null> {
    if (this.child.exitCode === null) await new Promise((resolve) => this.child.once('close', resolve));
    return this.child.exitCode;
  }

  get text(): string {
    return this.output;
  }
}

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'scarestop-crash-'));
  for (const dir of ['Downloads', 'tmp', 'data']) mkdirSync(join(home, dir));
  env = { PATH: process.env['PATH'], HOME: home, TMPDIR: join(home, 'tmp'), SCARESTOP_HOME: join(home, 'data'), SCARESTOP_NETWORK_BACKEND: 'ip-link', LANG: 'C.UTF-8' };
  ns = createNetns();
  holder = await startHolder(ns);
  const tool = join(home, 'Downloads', 'AnyDesk');
  copyFileSync('/bin/bash', tool);
  const child = holder.spawn(tool, ['-c', `trap '' TERM; mkfifo ${fifo()}; read -r _ <> ${fifo()}`], env);
  for (let i = 0; i < 200 && !existsSync(fifo()); i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
  toolPid = childOf(child.pid ?? -1);
});

afterAll(async () => {
  await holder?.stop();
  ns?.remove();
  if (home !== undefined) rmSync(home, { recursive: true, force: true });
});

describe('scarestop cleanup survives kill -9', () => {
  it('resumes at the right screen after each kill, finishes, and records every event once', async () => {
    expect(toolPid).toBeDefined();
    expect(innerState(ns)).toEqual({ up: true, defaultRoute: true });

    // Run 1: hang up, then the disconnect; killed between steps (the page is still to close).
    const run1 = new WizardRun();
    await run1.expect(/\(1\/9\) Hang up the phone ==[\s\S]*?> /);
    run1.send('');
    await run1.expect(/\(2\/9\) Disconnect from the internet ==[\s\S]*?unplug the network cable[\s\S]*?> /);
    run1.send('');
    await run1.expect(/… Turn the network off \(and check\)\s+→ done: Turned off/);
    await run1.expect(/\(3\/9\) Close the warning page ==[\s\S]*?> /);
    expect(innerState(ns)).toEqual({ up: false, defaultRoute: false });
    await run1.kill9();

    // Run 2: resumes at step 3; killed while AnyDesk is being stopped (it ignores SIGTERM).
    const run2 = new WizardRun();
    await run2.expect(/\(3\/9\) Close the warning page ==[\s\S]*?> /);
    expect(run2.text).not.toContain('(1/9)');
    run2.send('');
    await run2.expect(/\(4\/9\) End the remote session: AnyDesk ==[\s\S]*?> /);
    expect(run2.text).not.toContain('stopped in the middle');
    run2.send('');
    await run2.expect(/… Stop AnyDesk \(process \d+\)/);
    await run2.kill9();
    expect(isAlive(toolPid ?? -1)).toBe(true);

    // Run 3: the interrupted step again; three answers, then killed on the fourth question.
    const run3 = new WizardRun();
    await run3.expect(/\(4\/9\) End the remote session: AnyDesk ==\n[^\n]*\n！ Last time this step stopped in the middle[\s\S]*?> /);
    run3.send('');
    await run3.expect(/Force-stopped AnyDesk/);
    await run3.expect(/→ Result: Done \(checked\)/);
    await run3.expect(/\(1\/5\) Did you call the phone number[\s\S]*?> /);
    run3.send('1');
    await run3.expect(/\(2\/5\)[\s\S]*?> /);
    run3.send('1');
    await run3.expect(/\(3\/5\)[\s\S]*?> /);
    run3.send('1');
    await run3.expect(/\(4\/8\) How much did you pay\?[\s\S]*?> /);
    await run3.kill9();

    // Run 4: resumes at the same question; everything to the end.
    const run4 = new WizardRun();
    await run4.expect(/\(4\/8\) How much did you pay\?[\s\S]*?> /);
    run4.send('30,000 yen');
    await run4.expect(/\(5\/8\)[\s\S]*?> /);
    run4.send('');
    await run4.expect(/\(6\/8\) Which gift cards[\s\S]*?> /);
    run4.send('Apple 1111-2222');
    await run4.expect(/\(7\/8\) Did you type — or say on the phone —[\s\S]*?> /);
    run4.send('4');
    await run4.expect(/\(8\/8\)[\s\S]*?> /);
    run4.send('2');
    await run4.expect(/\(6\/9\) Remove the remote-access tool: AnyDesk ==[\s\S]*?> /);
    run4.send('');
    await run4.expect(/… Move to the safe-keeping folder [^\n]*AnyDesk\s+→ done/);
    await run4.expect(/Scan again: nothing left/);
    await run4.expect(/\(7\/9\) Protect your money and accounts ==[\s\S]*?1\. ☐ Contact the gift-card company[\s\S]*?> /);
    run4.send('1');
    await run4.expect(/\(8\/9\) Where to get help ==[\s\S]*?#9110[\s\S]*?188[\s\S]*?03-5978-7509[\s\S]*?> /);
    run4.send('');
    await run4.expect(/\(9\/9\) Reconnect to the internet ==[\s\S]*?> /);
    run4.send('');
    await run4.expect(/Well done\. Some steps are still open\./);
    await run4.expect(/The record was saved: /);
    expect(await run4.exitCode()).toBe(0);

    // The machine: tool gone and quarantined, network back.
    expect(isAlive(toolPid ?? -1)).toBe(false);
    expect(existsSync(join(home, 'Downloads', 'AnyDesk'))).toBe(false);
    const quarantined = readdirSync(join(home, 'data', 'quarantine'));
    expect(quarantined).toHaveLength(1);
    expect(innerState(ns)).toEqual({ up: true, defaultRoute: true });

    // The record: nothing lost, nothing doubled.
    const store = openIncidentStore({ dataHome: join(home, 'data') });
    try {
      expect(store.openReport.kind).toBe('opened');
      const [incident] = store.listIncidents();
      if (incident === undefined) throw new Error('no incident');
      const events = store.timeline(incident.id);
      expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
      const answers = events.flatMap((event) => (event.payload.kind === 'answer' ? [event.payload.question] : []));
      expect(answers).toEqual(['calledNumber', 'remoteControl', 'paid', 'paidAmount', 'paidWhen', 'giftCards', 'typedSecrets', 'openedAttachment']);
      const steps = events.flatMap((event) => (event.payload.kind === 'step' ? [`${event.payload.step}:${event.payload.status}`] : []));
      expect(steps).toEqual([
        'wizard:started',
        'hang-up:done',
        'disconnect:started',
        'disconnect:done',
        'close-browser:done',
        'end-session:anydesk:started',
        'end-session:anydesk:started',
        'end-session:anydesk:done',
        'questions:done',
        'remove:anydesk:started',
        'remove:anydesk:done',
        'accounts:started',
        'accounts:skipped',
        'help:started',
        'help:done',
        'reconnect:started',
        'reconnect:done',
        'wizard:done',
      ]);
      const actions = events.flatMap((event) => (event.payload.kind === 'action' ? [`${event.payload.action}:${event.payload.status}`] : []));
      expect(actions).toEqual(['network-off:done', 'stop-process:done', 'check-stopped:done', 'quarantine:done', 'rescan:done', 'network-on:done']);
      expect(events.filter((event) => event.payload.kind === 'finding')).toHaveLength(1);
      expect(store.getIncident(incident.id)?.closedAt).toBeDefined();
    } finally {
      store.close();
    }

    // History and the report see the same.
    const history = JSON.parse(execFileSync(process.execPath, ['bin/scarestop.mjs', 'history', '--json'], { env: { ...process.env, ...env } }).toString()) as {
      incidents: { wizard?: { phase: string } }[];
    };
    expect(history.incidents[0]?.wizard?.phase).toBe('finished');
    const reportPath = join(home, 'report.html');
    execFileSync(process.execPath, ['bin/scarestop.mjs', 'report', '--lang', 'en', '--out', reportPath], { env: { ...process.env, ...env } });
    const html = readFileSync(reportPath, 'utf8');
    expect(html).toContain('Stopped and removed (scanned again: nothing left)');
    expect(html).toContain('Apple 1111-2222');
    expect(html).toContain('From another device, change the passwords');

    // The quarantined tool can be put back (nothing is ever deleted outright).
    const listed = JSON.parse(execFileSync(process.execPath, ['bin/scarestop.mjs', 'cleanup', '--quarantine', '--json'], { env: { ...process.env, ...env } }).toString()) as {
      entries: { id: string; originalPath: string }[];
    };
    expect(listed.entries.map((entry) => entry.originalPath)).toEqual([join(home, 'Downloads', 'AnyDesk')]);
    execFileSync(process.execPath, ['bin/scarestop.mjs', 'cleanup', '--restore', listed.entries[0]?.id ?? ''], { env: { ...process.env, ...env } });
    expect(existsSync(join(home, 'Downloads', 'AnyDesk'))).toBe(true);
  }, 300_000);
});
