/**
 * `scarestop cleanup --plan --json` on a machine with a portable AnyDesk running (a copy of
 * /bin/sleep in ~/Downloads), scanned for real. Runs in its own pid namespace so other tests'
 * stand-in tools are not on this "machine". Nothing may change: no data folder, tool running.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let home: string;
beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'scarestop-plan-'));
  mkdirSync(join(home, 'Downloads'));
  mkdirSync(join(home, 'tmp'));
  copyFileSync('/bin/sleep', join(home, 'Downloads', 'AnyDesk'));
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

interface PlanJson {
  region: string;
  findings: { toolId: string; risk: string }[];
  steps: { id: string; kind: string; toolId?: string; actions: { kind: string; path?: string; pid?: number; label: string }[] }[];
}

/** Starts the portable tool and runs the plan command in a fresh pid namespace; returns the JSON. */
function planWithAnyDeskRunning(extra: string[] = []): { plan: PlanJson; toolStillRunning: boolean } {
  const tool = join(home, 'Downloads', 'AnyDesk');
  const script = [
    `"${tool}" 600 &`,
    // Wait until the child has really become the tool (exec done), however busy the machine is.
    `for i in $(seq 200); do [ "$(readlink /proc/$!/exe)" = "${tool}" ] && break; sleep 0.05; done`,
    `"${process.execPath}" "${join(process.cwd(), 'bin/scarestop.mjs')}" cleanup --plan --json ${extra.join(' ')} > "${home}/plan.json"`,
    `if kill -0 $! 2>/dev/null; then echo running; else echo gone; fi`,
  ].join('\n');
  const out = execFileSync('unshare', ['--pid', '--fork', '--mount-proc', 'sh', '-c', script], {
    env: { PATH: process.env['PATH'], HOME: home, TMPDIR: join(home, 'tmp'), SCARESTOP_HOME: join(home, 'data'), LANG: 'C.UTF-8' },
    timeout: 120_000,
  }).toString();
  const plan = JSON.parse(readFileSync(join(home, 'plan.json'), 'utf8')) as PlanJson;
  return { plan, toolStillRunning: out.trim() === 'running' };
}

describe('scarestop cleanup --plan --json', () => {
  it('lists disconnect, end session (AnyDesk), remove (AnyDesk, quarantine), accounts, help, reconnect — and changes nothing', () => {
    const { plan, toolStillRunning } = planWithAnyDeskRunning(['--region', 'JP']);
    expect(plan.findings).toEqual([{ toolId: 'anydesk', name: 'AnyDesk', risk: 'running' }]);
    expect(plan.steps.map((step) => step.kind)).toEqual(['disconnect', 'end-session', 'remove', 'accounts', 'help', 'reconnect']);
    const [, end, remove, , help] = plan.steps;
    expect(end).toMatchObject({ id: 'end-session:anydesk', toolId: 'anydesk', actions: [{ kind: 'stop-process', path: join(home, 'Downloads', 'AnyDesk') }] });
    expect(remove?.toolId).toBe('anydesk');
    expect(remove?.actions.map((action) => action.kind)).toEqual(['quarantine', 'rescan']);
    expect(remove?.actions[0]?.path).toBe(join(home, 'Downloads', 'AnyDesk'));
    expect(help?.actions.map((action) => action.label).join(' ')).toContain('#9110');
    // Nothing changed: the tool still runs, it is still in Downloads, no database was created.
    expect(toolStillRunning).toBe(true);
    expect(existsSync(join(home, 'Downloads', 'AnyDesk'))).toBe(true);
    expect(existsSync(join(home, 'data'))).toBe(false);
  }, 150_000);
});
