import { beforeEach, describe, expect, it } from 'vitest';
import { escalateClose, type CloseReport } from '../../../src/engine/watch/index.js';
import type { ProcessIdentity } from '../../../src/engine/ports/processes.js';
import type { ActionOutcome, BrowserFamily, TerminateOutcome } from '../../../src/engine/ports/windows.js';
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
    expect(desktop.calls.slice(-2)).toEqual(['terminateProcessTree 4242 chromium', 'preventSessionRestore chromium 4242']);
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
    expect(desktop.calls).not.toContain('terminateProcessTree 4242 chromium');
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
      confirmLeavePage: async (id: string) => desktop.terminateProcessTree({ pid: 4242, startTime: 1, image: '/usr/lib/chromium/chromium' }, 'chromium').then(() => ({ status: 'done' as const, detail: id })),
    });
    const report = await run(escalateClose(scam, [], { actions, windows: desktop, clock }));
    expect(report.ok).toBe(true);
    expect(report.steps.find((s) => s.step === 'polite-close')).toMatchObject({ status: 'failed', detail: 'wmctrl exploded' });
  });
});

describe('close escalation: never make things worse', () => {
  it('types nothing when the "Leave site?" window is gone before the step, and says "skipped: window gone"', async () => {
    const scam = browserWindow('0x1', SCAM_TITLE);
    desktop.show(browserWindow('0x9', 'Notes - Editor', { pid: 77, processPath: '/usr/bin/gedit', processName: 'gedit' }));
    desktop.show(scam);
    desktop.closeBehaviour.set('0x1', 'prompt');
    // The page's window disappears on its own between the polite close and the confirm step.
    const actions = Object.assign(Object.create(desktop) as FakeDesktop, {
      confirmLeavePage: async (id: string) => {
        desktop.remove(id);
        return desktop.confirmLeavePage(id);
      },
    });
    const report = await run(escalateClose(scam, [], { actions, windows: desktop, clock }));
    expect(report.steps.find((s) => s.step === 'confirm-leave')).toMatchObject({ status: 'skipped', detail: 'window gone' });
    expect(desktop.calls).not.toContain('confirmLeavePage 0x1');
    expect(report.ok).toBe(true); // the browser, now windowless, is ended afterwards
  });

  it('types nothing into a window that does not get the focus, and ends the browser instead', async () => {
    const scam = browserWindow('0x1', SCAM_TITLE);
    desktop.show(scam);
    desktop.closeBehaviour.set('0x1', 'prompt');
    desktop.unfocusable.add('0x1');
    const report = await run(escalateClose(scam, [], { actions: desktop, windows: desktop, clock }));
    expect(report.steps.find((s) => s.step === 'confirm-leave')).toMatchObject({ status: 'skipped', detail: 'no focus' });
    expect(desktop.calls).not.toContain('confirmLeavePage 0x1');
    expect(statuses(report)).toMatchObject({ terminate: 'done' });
  });

  it('ends nothing when the browser pid belongs to another program by the time the escalation starts', async () => {
    const scam = browserWindow('0x1', SCAM_TITLE);
    desktop.show(scam);
    desktop.closeBehaviour.set('0x1', 'refuses');
    desktop.images.set(4242, '/usr/bin/gedit'); // the browser died and an editor got its pid
    desktop.startTimes.set(4242, 99);
    const report = await run(escalateClose(scam, [], { actions: desktop, windows: desktop, clock }));
    expect(report.ok).toBe(false);
    expect(report.steps.find((s) => s.step === 'terminate')).toMatchObject({ status: 'failed', detail: expect.stringMatching(/now \/usr\/bin\/gedit.*nothing was ended/) });
    expect(desktop.calls.some((call) => call.startsWith('terminateProcessTree'))).toBe(false);
  });

  it('does not count a refused end as success when the pid changed owner during the escalation', async () => {
    const scam = browserWindow('0x1', SCAM_TITLE);
    desktop.show(scam);
    desktop.closeBehaviour.set('0x1', 'refuses');
    const actions = Object.assign(Object.create(desktop) as FakeDesktop, {
      closeWindow: async (id: string) => {
        const outcome = await desktop.closeWindow(id);
        desktop.startTimes.set(4242, 2); // same executable, new process: only the start time tells
        return outcome;
      },
    });
    const report = await run(escalateClose(scam, [], { actions, windows: desktop, clock }));
    expect(report.ok).toBe(false);
    expect(report.steps.find((s) => s.step === 'terminate')).toMatchObject({ status: 'failed', spared: [{ pid: 4242, reason: 'identity-changed' }] });
    expect(desktop.alivePids.has(4242)).toBe(true);
  });

  it('names programs left running (opened from the browser) in the step and in the message', async () => {
    const scam = browserWindow('0x1', SCAM_TITLE);
    desktop.show(scam);
    desktop.closeBehaviour.set('0x1', 'refuses');
    const actions = Object.assign(Object.create(desktop) as FakeDesktop, {
      terminateProcessTree: async (root: ProcessIdentity, family: BrowserFamily): Promise<TerminateOutcome> => ({
        ...(await desktop.terminateProcessTree(root, family)),
        spared: [{ pid: 5150, image: '/usr/lib/libreoffice/program/soffice.bin', reason: 'not-part-of-browser' as const }],
      }),
    });
    const report = await run(escalateClose(scam, [], { actions, windows: desktop, clock }));
    expect(report).toMatchObject({ ok: true, outcome: 'terminated' });
    const terminate = report.steps.find((s) => s.step === 'terminate');
    expect(terminate?.spared).toEqual([{ pid: 5150, image: '/usr/lib/libreoffice/program/soffice.bin', reason: 'not-part-of-browser' }]);
    expect(terminate?.detail).toMatch(/left running: soffice\.bin \(pid 5150\)/);
    expect(report.message).toMatch(/left open: soffice\.bin/);
  });
});
