/**
 * Runs under Windows' node.exe in Wine (tests/e2e/cleanup-win32-wine.test.ts starts it through
 * runDriver): the Windows system actions stop a running stand-in AnyDesk.exe (image checked
 * through kernel32), leave a process with another image alone, and quarantine and restore a
 * portable exe.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createWin32SystemActions } from '../../../src/platform/win32/system-actions.js';
import { readConfig, step, waitUntil, writeResults } from '../support/driver-io.js';

/** One line per stage: when Wine hangs, the test's error log names where. */
const stage = (name: string): void => console.log(`${new Date().toISOString()} ${name}`);

interface Config {
  readonly anyDesk: string;
  readonly portable: string;
  readonly dataHome: string;
}

const config = readConfig<Config>();
const actions = createWin32SystemActions({ dataHome: config.dataHome });
stage('start the stand-in AnyDesk.exe');
const tool = spawn(config.anyDesk, [], { stdio: 'ignore', detached: false });
const exited = new Promise<number | null>((resolve) => tool.once('exit', (code) => resolve(code)));
let toolExited = false;
void exited.then(() => (toolExited = true));
await waitUntil(() => (tool.pid !== undefined ? true : undefined), 5000);

stage('stop a process whose image is not the tool');
const wrongImage = await step(() => actions.stopProcess({ pid: process.pid, name: 'AnyDesk.exe', path: config.anyDesk }));
stage('stop the stand-in');
const stopped = await step(() => actions.stopProcess({ pid: tool.pid ?? -1, name: 'AnyDesk.exe', path: config.anyDesk }));
await waitUntil(() => (toolExited ? true : undefined), 5000);
stage('stop it again');
const again = await step(() => actions.stopProcess({ pid: tool.pid ?? -1, name: 'AnyDesk.exe', path: config.anyDesk }));
stage('quarantine the portable exe');
const quarantined = await step(() => actions.quarantine(config.portable, 'portable'));
const goneAfterQuarantine = !existsSync(config.portable);
const listed = await step(() => actions.listQuarantine());
const id = quarantined.ok ? quarantined.value.entry?.id : undefined;
stage('restore it');
const restored = await step(() => actions.restore(id ?? 'missing'));
stage('done');
writeResults({ wrongImage, stopped, toolExited, again, quarantined, goneAfterQuarantine, listed, restored, backAfterRestore: existsSync(config.portable) });
process.exit(0);
