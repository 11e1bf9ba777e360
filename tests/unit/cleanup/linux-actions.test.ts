import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandRunner } from '../../../src/platform/linux/network.js';
import { sameProgram, stopSystemdService } from '../../../src/platform/linux/process-control.js';
import { FolderQuarantine } from '../../../src/platform/folder-quarantine.js';
import { removeLinuxAutostart, runLinuxUninstaller } from '../../../src/platform/linux/uninstall.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'scarestop-linux-actions-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const replying = (code: number, stderr = '', calls: string[] = []): CommandRunner => async (file, args) => {
  calls.push(`${file} ${args.join(' ')}`);
  return { code, signal: null, stdout: '', stderr };
};

describe('Linux uninstall and autostart', () => {
  it('runs the quiet command through sh and maps root errors to needs-admin', async () => {
    const calls: string[] = [];
    expect(await runLinuxUninstaller({ toolName: 'AnyDesk', command: 'apt-get remove anydesk', quietCommand: 'apt-get remove -y anydesk' }, replying(0, '', calls))).toMatchObject({ status: 'done' });
    expect(calls).toEqual(['/bin/sh -c apt-get remove -y anydesk']);
    expect(await runLinuxUninstaller({ toolName: 'AnyDesk', command: 'apt-get remove -y anydesk' }, replying(100, 'E: Could not open lock file - open (13: Permission denied)\nE: Unable to acquire the dpkg frontend lock, are you root?'))).toMatchObject({ status: 'needs-admin' });
    expect(await runLinuxUninstaller({ toolName: 'AnyDesk', command: 'false' }, replying(1, 'boom'))).toMatchObject({ status: 'failed' });
  });

  it('quarantines an autostart .desktop file instead of deleting it', async () => {
    const file = join(dir, 'autostart', 'anydesk.desktop');
    mkdirSync(join(dir, 'autostart'));
    writeFileSync(file, '[Desktop Entry]\nExec=/home/u/Downloads/AnyDesk\n');
    const quarantine = new FolderQuarantine(join(dir, 'q'));
    expect(await removeLinuxAutostart({ name: 'AnyDesk', source: file }, quarantine)).toMatchObject({ status: 'done' });
    expect(existsSync(file)).toBe(false);
    expect((await quarantine.list()).map((entry) => entry.originalPath)).toEqual([file]);
  });

  it('disables a systemd user unit', async () => {
    const calls: string[] = [];
    expect(await removeLinuxAutostart({ name: 'rustdesk.service', source: 'systemd-user' }, new FolderQuarantine(dir), replying(0, '', calls))).toMatchObject({ status: 'done' });
    expect(calls).toEqual(['systemctl --user disable --now rustdesk.service']);
  });
});

describe('Linux services and process identity', () => {
  it('stops and disables a service; says when rights are missing or it does not exist', async () => {
    const calls: string[] = [];
    expect(await stopSystemdService('anydesk', replying(0, '', calls))).toMatchObject({ status: 'done' });
    expect(calls).toEqual(['systemctl stop anydesk', 'systemctl disable anydesk']);
    expect(await stopSystemdService('anydesk', replying(4, 'Failed to stop anydesk.service: Access denied'))).toMatchObject({ status: 'needs-admin' });
    expect(await stopSystemdService('anydesk', replying(5, 'Failed to stop anydesk.service: Unit anydesk.service not loaded.'))).toMatchObject({ status: 'not-needed' });
    expect(await stopSystemdService('x; rm -rf /', replying(0))).toMatchObject({ status: 'failed' });
  });

  it('matches a process by path, file name or truncated comm, and nothing else', () => {
    const target = { pid: 1, name: 'AnyDesk', path: '/home/u/Downloads/AnyDesk' };
    expect(sameProgram(target, { exe: '/home/u/Downloads/AnyDesk' })).toBe(true);
    expect(sameProgram(target, { exe: '/opt/other/anydesk' })).toBe(true);
    expect(sameProgram({ pid: 1, name: 'TeamViewer_Desktop' }, { comm: 'TeamViewer_Desk' })).toBe(true);
    expect(sameProgram(target, { exe: '/usr/bin/bash', comm: 'bash' })).toBe(false);
    expect(sameProgram({ pid: 1 }, { exe: '/usr/bin/anything' })).toBe(false);
  });
});
