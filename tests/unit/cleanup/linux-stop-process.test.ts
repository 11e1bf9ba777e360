/**
 * The wizard's "stop the remote tool" on Linux over a scripted process table: the process is
 * checked against the program the scan saw, then identified again (pid + start time +
 * executable) right before SIGTERM and before SIGKILL. A pid that another process took during
 * the grace time is never signalled.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProcessTable } from '../../../src/platform/linux/proc-processes.js';
import { ScriptedProcessTable as ScriptedTable } from '../linux/scripted-process-table.js';
import { stopLinuxProcess } from '../../../src/platform/linux/process-control.js';

const ANYDESK = '/home/hanako/Downloads/AnyDesk';
const target = { pid: 4242, name: 'AnyDesk', path: ANYDESK };

let procRoot: string; // an empty /proc: every fact comes from the scripted table
beforeEach(() => {
  procRoot = mkdtempSync(join(tmpdir(), 'scarestop-noproc-'));
});
afterEach(() => rmSync(procRoot, { recursive: true, force: true }));
const stop = (table: ProcessTable) => stopLinuxProcess(target, { table, procRoot, graceMs: 0, killWaitMs: 0 });

describe('stopping a remote tool on Linux (scripted process table)', () => {
  it('asks with SIGTERM and stops there when the tool ends', async () => {
    const table = new ScriptedTable().add(4242, 1, ANYDESK, 900);
    expect(await stop(table)).toMatchObject({ status: 'done' });
    expect(table.signals).toEqual(['SIGTERM 4242']);
  });

  it('forces a tool that ignores SIGTERM, after checking it is still the same process', async () => {
    const table = new ScriptedTable().add(4242, 1, ANYDESK, 900);
    table.ignoreTerm.add(4242);
    expect(await stop(table)).toMatchObject({ status: 'done', detail: 'Force-stopped AnyDesk.' });
    expect(table.signals).toEqual(['SIGTERM 4242', 'SIGKILL 4242']);
  });

  it('never sends SIGKILL to a program that took the pid during the grace time', async () => {
    const table = new ScriptedTable().add(4242, 1, ANYDESK, 900);
    table.ignoreTerm.add(4242);
    table.onSignal = (pid, signal) => {
      if (signal !== 'SIGTERM') return;
      table.rows.delete(pid); // AnyDesk ends after all...
      table.add(pid, 1, '/usr/bin/gedit', 5000); // ...and an editor gets its pid
    };
    expect(await stop(table)).toMatchObject({ status: 'done' });
    expect(table.signals).toEqual(['SIGTERM 4242']);
    expect(table.identify(4242)?.image).toBe('/usr/bin/gedit');
  });

  it('never sends SIGKILL to a new start of the same program under the old pid (start time differs)', async () => {
    const table = new ScriptedTable().add(4242, 1, ANYDESK, 900);
    table.ignoreTerm.add(4242);
    table.onSignal = (pid, signal) => {
      if (signal === 'SIGTERM') table.add(pid, 1, ANYDESK, 7000);
    };
    await stop(table);
    expect(table.signals).toEqual(['SIGTERM 4242']);
  });

  it('leaves the pid alone when another program runs under it before the first signal', async () => {
    const table = new ScriptedTable().add(4242, 1, '/usr/bin/bash', 900);
    expect(await stop(table)).toMatchObject({ status: 'failed', detail: 'Process 4242 is now /usr/bin/bash; left alone.' });
    expect(table.signals).toEqual([]);
  });

  it('says not-needed when the process has ended', async () => {
    const table = new ScriptedTable();
    expect(await stop(table)).toMatchObject({ status: 'not-needed' });
    expect(table.signals).toEqual([]);
  });
});
