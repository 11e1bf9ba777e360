/**
 * Kill safety on real Linux processes (no display needed): a stand-in browser whose tree holds
 * a non-browser child, and a renderer pid taken by another process while the browser is being
 * ended. Every signal goes through the real /proc identity check of the X11 adapter.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProcessIdentity } from '../../src/engine/ports/processes.js';
import { procProcessTable, type ProcessTable } from '../../src/platform/linux/proc-processes.js';
import { X11WindowActions } from '../../src/platform/linux/x11-actions.js';
import { isProcessGone } from './support/chromium.js';
import { canChooseNextPid, killQuietly, makeStandIns, spawnWithPid, startStandInTree, waitGone, type StandIns } from './support/stand-in-tree.js';

let standIns: StandIns;
const started: (number | undefined)[] = [];

beforeEach(() => {
  standIns = makeStandIns();
});
afterEach(() => {
  killQuietly(started.splice(0));
  standIns.remove();
});

async function identify(actions: X11WindowActions, pid: number): Promise<ProcessIdentity> {
  const identity = await actions.identifyProcess(pid);
  if (identity === undefined) throw new Error(`process ${pid} could not be identified`);
  return identity;
}

describe('ending a real browser tree on Linux', () => {
  it('identifies a process by /proc start time (field 22) and executable', async () => {
    const tree = await startStandInTree(standIns, 'end');
    started.push(tree.rootPid, tree.rendererPid, tree.officePid);
    const actions = new X11WindowActions({});
    const root = await identify(actions, tree.rootPid);
    expect(root.image).toBe(standIns.browser);
    const renderer = await identify(actions, tree.rendererPid);
    expect(renderer.startTime).toBeGreaterThanOrEqual(root.startTime); // clock ticks since boot, same clock
    expect(await actions.identifyProcess(2 ** 22 + 7)).toBeUndefined();
  });

  it('leaves a non-browser child (soffice.bin) running and names it, and ends the browser and its renderer', async () => {
    const tree = await startStandInTree(standIns, 'end');
    started.push(tree.rootPid, tree.rendererPid, tree.officePid);
    const actions = new X11WindowActions({});
    const outcome = await actions.terminateProcessTree(await identify(actions, tree.rootPid), 'chromium');
    expect(outcome).toMatchObject({ status: 'done', spared: [{ pid: tree.officePid, image: standIns.office, reason: 'not-part-of-browser' }] });
    expect(outcome.detail).toContain(`left running: soffice.bin (pid ${tree.officePid})`);
    await waitGone([tree.rootPid, tree.rendererPid]);
    expect(isProcessGone(tree.officePid)).toBe(false);
  });

  it('leaves the non-browser child alone in the SIGKILL phase too (a browser that ignores SIGTERM)', async () => {
    const tree = await startStandInTree(standIns, 'ignore');
    started.push(tree.rootPid, tree.rendererPid, tree.officePid);
    const actions = new X11WindowActions({}, { endTree: { graceMs: 300, killWaitMs: 5_000 } });
    const outcome = await actions.terminateProcessTree(await identify(actions, tree.rootPid), 'chromium');
    expect(outcome).toMatchObject({ status: 'done', detail: expect.stringMatching(/^ended with SIGKILL/) });
    await waitGone([tree.rootPid, tree.rendererPid]);
    expect(isProcessGone(tree.officePid)).toBe(false);
  });

  it('refuses to signal anything when the judged identity is not the process running as that pid', async () => {
    const tree = await startStandInTree(standIns, 'end');
    started.push(tree.rootPid, tree.rendererPid, tree.officePid);
    const actions = new X11WindowActions({});
    const judged = await identify(actions, tree.rootPid);
    const outcome = await actions.terminateProcessTree({ ...judged, startTime: judged.startTime - 1 }, 'chromium');
    expect(outcome).toMatchObject({ status: 'failed', spared: [{ pid: tree.rootPid, reason: 'identity-changed' }] });
    expect([tree.rootPid, tree.rendererPid, tree.officePid].map(isProcessGone)).toEqual([false, false, false]);
  });

  // Needs root in the initial pid namespace to hand a freed pid to a new process on purpose.
  it.skipIf(!canChooseNextPid())('spares a renderer pid that another process took while the browser was being ended (real pid reuse)', async () => {
    const tree = await startStandInTree(standIns, 'ignore');
    started.push(tree.rootPid, tree.rendererPid, tree.officePid);
    const real = procProcessTable();
    let impostor: ProcessIdentity | undefined;
    // The real table; right after the SIGTERM the renderer dies and a new process (same
    // executable, so only the start time tells them apart) is started with its pid.
    const table: ProcessTable = {
      list: () => real.list(),
      identify: (pid) => real.identify(pid),
      async signal(pid, signal) {
        await real.signal(pid, signal);
        if (signal !== 'SIGTERM' || impostor !== undefined) return;
        process.kill(tree.rendererPid, 'SIGKILL');
        await waitGone([tree.rendererPid]);
        const pid2 = await spawnWithPid(standIns.renderer, tree.rendererPid);
        started.push(pid2);
        impostor = real.identify(pid2);
      },
    };
    const actions = new X11WindowActions({}, { processes: table, endTree: { graceMs: 300, killWaitMs: 5_000 } });
    const judgedRenderer = real.identify(tree.rendererPid);
    const outcome = await actions.terminateProcessTree(await identify(actions, tree.rootPid), 'chromium');
    expect(impostor).toMatchObject({ pid: tree.rendererPid, image: standIns.renderer });
    expect(impostor?.startTime).not.toBe(judgedRenderer?.startTime);
    expect(outcome.status).toBe('done');
    expect(outcome.spared).toContainEqual({ pid: tree.rendererPid, image: standIns.renderer, reason: 'identity-changed' });
    await waitGone([tree.rootPid]);
    expect(isProcessGone(tree.rendererPid)).toBe(false); // the impostor lives on
    expect(real.identify(tree.rendererPid)).toEqual(impostor);
    expect(isProcessGone(tree.officePid)).toBe(false);
  });
});
