/**
 * Ending a browser's tree over a fake process table: every signal is checked against the
 * identity (pid + start time + image) read right before it.
 */
import { describe, expect, it } from 'vitest';
import type { ProcessIdentity } from '../../../src/engine/ports/processes.js';
import { endBrowserTree } from '../../../src/platform/linux/end-browser-tree.js';
import { ScriptedProcessTable as FakeTable } from './scripted-process-table.js';

const CHROMIUM = '/usr/lib/chromium/chromium';
const FAST = { graceMs: 0, killWaitMs: 0 };


const root: ProcessIdentity = { pid: 100, startTime: 100, image: CHROMIUM };

describe('ending a browser tree on Linux (fake process table)', () => {
  it('spares a renderer pid that another program took while the browser was asked to end', async () => {
    const table = new FakeTable().add(100, 1, CHROMIUM).add(101, 100, CHROMIUM).add(102, 100, CHROMIUM);
    table.ignoreTerm.add(100);
    table.onSignal = (_pid, signal) => {
      if (signal !== 'SIGTERM') return;
      table.rows.delete(101); // the renderer dies...
      table.add(101, 1, '/usr/bin/gedit', 5000); // ...and an editor gets its pid
    };
    const outcome = await endBrowserTree(root, 'chromium', table, FAST);
    expect(table.signals).toEqual(['SIGTERM 100', 'SIGKILL 102', 'SIGKILL 100']);
    expect(table.identify(101)?.image).toBe('/usr/bin/gedit');
    expect(outcome).toMatchObject({ status: 'done', spared: [{ pid: 101, image: '/usr/bin/gedit', reason: 'identity-changed' }] });
  });

  it('spares a reused pid even when the new process runs the same executable (start time differs)', async () => {
    const table = new FakeTable().add(100, 1, CHROMIUM).add(101, 100, CHROMIUM);
    table.ignoreTerm.add(100);
    table.onSignal = (_pid, signal) => {
      if (signal === 'SIGTERM') table.add(101, 1, CHROMIUM, 7777);
    };
    const outcome = await endBrowserTree(root, 'chromium', table, FAST);
    expect(table.signals).not.toContain('SIGKILL 101');
    expect(outcome.spared).toEqual([{ pid: 101, image: CHROMIUM, reason: 'identity-changed' }]);
  });

  it('never signals a non-browser child, not even with SIGKILL after the grace time', async () => {
    const table = new FakeTable().add(100, 1, CHROMIUM).add(101, 100, CHROMIUM).add(150, 101, '/usr/lib/libreoffice/program/soffice.bin');
    table.ignoreTerm.add(100);
    const outcome = await endBrowserTree(root, 'chromium', table, FAST);
    expect(table.signals).toEqual(['SIGTERM 100', 'SIGKILL 101', 'SIGKILL 100']);
    expect(table.identify(150)).toBeDefined();
    expect(outcome).toMatchObject({ status: 'done', detail: expect.stringMatching(/left running: soffice\.bin \(pid 150\)/), spared: [{ pid: 150, reason: 'not-part-of-browser' }] });
  });

  it('sends nothing at all when the browser pid changed owner before the end began', async () => {
    const table = new FakeTable().add(100, 1, '/usr/bin/gedit', 9000).add(101, 100, CHROMIUM);
    const outcome = await endBrowserTree(root, 'chromium', table, FAST);
    expect(table.signals).toEqual([]);
    expect(outcome).toMatchObject({ status: 'failed', spared: [{ pid: 100, image: '/usr/bin/gedit', reason: 'identity-changed' }] });
  });

  it('sends nothing when the browser is already gone', async () => {
    const table = new FakeTable().add(101, 1, CHROMIUM);
    expect(await endBrowserTree(root, 'chromium', table, FAST)).toMatchObject({ status: 'not-needed' });
    expect(table.signals).toEqual([]);
  });

  it('stops at SIGTERM when the browser ends its own processes', async () => {
    const table = new FakeTable().add(100, 1, CHROMIUM).add(101, 100, CHROMIUM);
    table.onSignal = (pid, signal) => {
      if (pid === 100 && signal === 'SIGTERM') table.rows.delete(101);
    };
    expect(await endBrowserTree(root, 'chromium', table, FAST)).toEqual({ status: 'done', detail: 'ended with SIGTERM' });
    expect(table.signals).toEqual(['SIGTERM 100']);
  });
});
