import { beforeEach, describe, expect, it } from 'vitest';
import { escalateClose, type CloseReport } from '../../../src/engine/watch/index.js';
import type { ActionOutcome } from '../../../src/engine/ports/windows.js';
import { browserWindow, FakeClock, FakeDesktop, SCAM_TITLE } from './fakes.js';

let clock: FakeClock;
let desktop: FakeDesktop;

beforeEach(() => {
  clock = new FakeClock();
  desktop = new FakeDesktop();
});

/** Runs an escalation while the fake clock moves. */
async function run(promise: Promise<CloseReport>): Promise<CloseReport> {
  let done: CloseReport | undefined;
  void promise.then((report) => (done = report));
  for (let i = 0; i < 200 && done === undefined; i += 1) await clock.advance(100);
  if (done === undefined) throw new Error('escalation did not finish');
  return done;
}
const statuses = (report: CloseReport) => Object.fromEntries(report.steps.map((s) => [s.step, s.status]));

describe('close escalation', () => {
  it('leaves full screen first and stops at a polite close that works', async () => {
    const scam = browserWindow('0x1', SCAM_TITLE, { fullscreen: true, bounds: { x: 0, y: 0, width: 1920, height: 1080 } });
    desktop.show(scam);
    const report = await run(escalateClose(scam, [], { actions: desktop, windows: desktop, clock }));
    expect(report).toMatchObject({ ok: true, outcome: 'closed' });
    expect(statuses(report)).toEqual({ 'exit-fullscreen': 'done', 'polite-close': 'done', 'confirm-leave': 'not-needed', terminate: 'not-needed', 'prevent-restore': 'not-needed' });
    expect(desktop.calls).toEqual(['exitFullScreen 0x1', 'closeWindow 0x1']);
  });

  it('confirms "Leave site?" when the polite close raises it', async () => {
    const scam = browserWindow('0x1', SCAM_TITLE);
    desktop.show(scam);
    desktop.closeBehaviour.set('0x1', 'prompt');
    const report = await run(escalateClose(scam, [], { actions: desktop, windows: desktop, clock }));
    expect(report).toMatchObject({ ok: true, outcome: 'closed' });
    expect(statuses(report)).toMatchObject({ 'polite-close': 'failed', 'confirm-leave': 'done', terminate: 'not-needed' });
    expect(desktop.calls).toEqual(['closeWindow 0x1', 'confirmLeavePage 0x1']);
  });

  it('ends the browser when the page refuses everything, says all tabs closed, and prevents restore', async () => {
    const scam = browserWindow('0x1', SCAM_TITLE);
    desktop.show(browserWindow('0x2', 'My mail - Chromium'));
    desktop.show(scam);
    desktop.closeBehaviour.set('0x1', 'refuses');
    const report = await run(escalateClose(scam, [], { actions: desktop, windows: desktop, clock }));
    expect(report).toMatchObject({ ok: true, outcome: 'terminated' });
    if (report.ok) expect(report.message).toMatch(/all its tabs and windows were closed/);
    expect(statuses(report)).toMatchObject({ 'polite-close': 'failed', 'confirm-leave': 'failed', terminate: 'done', 'prevent-restore': 'done' });
    expect(desktop.calls.slice(-2)).toEqual(['terminateProcessTree 4242', 'preventSessionRestore chromium 4242']);
  });

  it('ends a browser left running without any window after the close', async () => {
    desktop.exitWhenLastWindowCloses = false;
    const scam = browserWindow('0x1', SCAM_TITLE);
    desktop.show(scam);
    const report = await run(escalateClose(scam, [], { actions: desktop, windows: desktop, clock }));
    expect(report).toMatchObject({ ok: true, outcome: 'terminated' });
    expect(report.steps.find((s) => s.step === 'terminate')?.detail).toMatch(/without any window/);
  });

  it('keeps the browser when the person still has other windows open in it', async () => {
    desktop.exitWhenLastWindowCloses = false;
    const scam = browserWindow('0x1', SCAM_TITLE);
    desktop.show(browserWindow('0x2', 'My mail - Chromium'));
    desktop.show(scam);
    const report = await run(escalateClose(scam, [], { actions: desktop, windows: desktop, clock }));
    expect(report).toMatchObject({ ok: true, outcome: 'closed' });
    expect(desktop.calls).not.toContain('terminateProcessTree 4242');
  });

  it('fails honestly when even ending the browser does not work', async () => {
    const scam = browserWindow('0x1', SCAM_TITLE);
    desktop.show(scam);
    desktop.closeBehaviour.set('0x1', 'refuses');
    desktop.terminateWorks = false;
    const report = await run(escalateClose(scam, [], { actions: desktop, windows: desktop, clock }));
    expect(report.ok).toBe(false);
    expect(statuses(report)).toMatchObject({ terminate: 'failed', 'prevent-restore': 'not-needed' });
  });

  it('never touches a window that does not belong to a browser', async () => {
    const other = browserWindow('0x1', SCAM_TITLE, { processPath: '/usr/bin/python3', processName: 'python3' });
    desktop.show(other);
    const report = await run(escalateClose(other, [], { actions: desktop, windows: desktop, clock }));
    expect(report.ok).toBe(false);
    expect(desktop.calls).toEqual([]);
  });

  it('turns a throwing action into a failed step and goes on', async () => {
    const scam = browserWindow('0x1', SCAM_TITLE);
    desktop.show(scam);
    const actions = Object.assign(Object.create(desktop) as FakeDesktop, {
      closeWindow: async (): Promise<ActionOutcome> => {
        throw new Error('wmctrl exploded');
      },
      confirmLeavePage: async (id: string) => desktop.terminateProcessTree(4242).then(() => ({ status: 'done' as const, detail: id })),
    });
    const report = await run(escalateClose(scam, [], { actions, windows: desktop, clock }));
    expect(report.ok).toBe(true);
    expect(report.steps.find((s) => s.step === 'polite-close')).toMatchObject({ status: 'failed', detail: 'wmctrl exploded' });
  });
});
