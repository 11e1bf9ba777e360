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
function planWithAnyDeskRunning(extra: string[] = [], fileName = 'AnyDesk'): { plan: PlanJson; toolStillRunning: boolean } {
  const tool = join(home, 'Downloads', fileName);
  if (!existsSync(tool)) copyFileSync('/bin/sleep', tool);
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
  it('lists hang-up and disconnect before any question, then the rest — and changes nothing', () => {
    const { plan, toolStillRunning } = planWithAnyDeskRunning(['--region', 'JP', '--lang', 'ja']);
    expect(plan.findings).toEqual([{ toolId: 'anydesk', name: 'AnyDesk', risk: 'running' }]);
    const kinds = plan.steps.map((step) => step.kind);
    expect(kinds).toEqual(['hang-up', 'disconnect', 'close-browser', 'end-session', 'questions', 'remove', 'accounts', 'help', 'reconnect']);
    expect(kinds.indexOf('hang-up')).toBeLessThan(kinds.indexOf('questions'));
    expect(kinds.indexOf('disconnect')).toBeLessThan(kinds.indexOf('questions'));
    const byKind = (kind: string) => plan.steps.find((step) => step.kind === kind);
    expect(byKind('end-session')).toMatchObject({ id: 'end-session:anydesk', toolId: 'anydesk', actions: [{ kind: 'stop-process', path: join(home, 'Downloads', 'AnyDesk') }, { kind: 'check-stopped' }] });
    expect(byKind('remove')?.actions.map((action) => action.kind)).toEqual(['quarantine', 'rescan']);
    expect(byKind('remove')?.actions[0]?.path).toBe(join(home, 'Downloads', 'AnyDesk'));
    const help = byKind('help')?.actions.map((action) => action.label) ?? [];
    expect(help[0]).toContain('#9110');
    expect(help.join('\n')).toContain('IPA 情報セキュリティ安心相談窓口　03-5978-7509（平日10時〜12時、13時30分〜17時。時間外は、IPAのホームページのチャットボットで相談できます）');
    // Nothing changed: the tool still runs, it is still in Downloads, no database was created.
    expect(toolStillRunning).toBe(true);
    expect(existsSync(join(home, 'Downloads', 'AnyDesk'))).toBe(true);
    expect(existsSync(join(home, 'data'))).toBe(false);
  }, 150_000);

  it('gives a running stand-in Quick Assist its own "end the session" step and no removal', () => {
    const { plan } = planWithAnyDeskRunning(['--region', 'US', '--lang', 'en'], 'QuickAssist.exe');
    const session = plan.steps.find((step) => step.id === 'end-session:quick-assist');
    expect(session?.actions.map((action) => action.kind)).toEqual(['manual', 'stop-process', 'check-stopped']);
    expect(session?.actions[0]?.label).toBe('In Quick Assist (built into Windows), click “Leave” to end the screen sharing');
    expect(plan.steps.some((step) => step.id === 'remove:quick-assist')).toBe(false);
    const help = plan.steps.find((step) => step.kind === 'help')?.actions.map((action) => action.label).join('\n') ?? '';
    expect(help).toContain('reportfraud.ftc.gov');
    expect(help).toContain('ic3.gov');
  }, 150_000);
});
