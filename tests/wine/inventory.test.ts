/**
 * The Windows inventory adapter for real under Wine: Uninstall/Run keys imported from
 * tests/fixtures/win32/registry/remote-tools.reg, a running stand-in AnyDesk.exe, a renamed
 * portable copy whose VERSIONINFO says AnyDesk, an AnyDesk service.conf; Windows' node.exe takes
 * one snapshot (tests/wine/drivers/inventory.ts) and each test checks one source.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InventorySnapshot, SourceResult } from '../../src/engine/ports/inventory.js';
import { runDriver } from './support/driver.js';
import { buildRemoteToolStandIns, buildShortcutMaker } from './support/standins.js';
import { REPO_ROOT, startWine, type WineSession } from './support/wine.js';

interface Results {
  snapshot: InventorySnapshot;
  snapshotMs: number;
  quickMs: number;
  serviceCreated: boolean;
  startedPids: number[];
}

function items<T>(result: SourceResult<T>): readonly T[] {
  if (!result.ok) throw new Error(`source failed: ${result.error}`);
  return result.items;
}

let wine: WineSession | undefined;
let results: Results;
let renamedWindowsPath = '';

beforeAll(async () => {
  wine = await startWine();
  const profile = join(wine.workDir, 'profile');
  const programData = join(wine.workDir, 'programdata');
  mkdirSync(join(programData, 'AnyDesk'), { recursive: true });
  // Unattended access: a password hash in AnyDesk's service.conf (a made-up hash).
  writeFileSync(join(programData, 'AnyDesk', 'service.conf'), 'ad.anynet.id=123456789\nad.anynet.pwd_hash=2f6b0e5d7c1a\n');
  writeFileSync(join(programData, 'AnyDesk', 'connection_trace.txt'), 'Incoming    2026-11-22, 21:03    Passwd    123456789    987654321\n');
  const tools = buildRemoteToolStandIns(join(profile, 'Downloads'), 'invoice-viewer.exe');
  const imported = await wine.run(['regedit', '/S', wine.windowsPath(join(REPO_ROOT, 'tests', 'fixtures', 'win32', 'registry', 'remote-tools.reg'))]);
  if (imported.code !== 0) throw new Error(`regedit /S failed: ${imported.log}`);
  // A Startup-folder shortcut with an innocent name that starts the renamed portable tool.
  const appData = join(profile, 'AppData', 'Roaming');
  const startup = join(appData, 'Microsoft', 'Windows', 'Start Menu', 'Programs', 'Startup');
  mkdirSync(startup, { recursive: true });
  const mklnk = buildShortcutMaker(join(wine.workDir, 'tools'));
  const shortcut = await wine.run([mklnk, wine.windowsPath(join(startup, 'Helper.lnk')), wine.windowsPath(tools.renamed), '--silent']);
  if (shortcut.code !== 0) throw new Error(`mklnk failed (${shortcut.code}): ${shortcut.log}`);
  renamedWindowsPath = wine.windowsPath(tools.renamed);
  const run = await runDriver<Results>(wine, 'inventory', {
    anyDesk: wine.windowsPath(tools.anyDesk),
    renamed: wine.windowsPath(tools.renamed),
    env: { USERPROFILE: wine.windowsPath(profile), APPDATA: wine.windowsPath(appData), TEMP: wine.windowsPath(join(wine.workDir, 'temp')), ProgramData: wine.windowsPath(programData) },
    artifactPaths: ['%ProgramData%\\AnyDesk\\service.conf', '%PROGRAMDATA%\\AnyDesk\\*.txt', '%APPDATA%\\AnyDesk\\ad.trace', '~/.anydesk/service.conf'],
  });
  results = run.results;
}, 240_000);

afterAll(async () => {
  await wine?.stop();
}, 60_000);

describe('Win32 inventory under Wine', () => {
  it('finds AnyDesk and TeamViewer in the Uninstall views with their fields', () => {
    const installed = items(results.snapshot.installed);
    expect(installed.find((p) => p.name === 'AnyDesk')).toEqual({
      name: 'AnyDesk',
      source: 'HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\AnyDesk',
      publisher: 'AnyDesk Software GmbH',
      version: 'ad 8.0.9',
      installLocation: 'C:\\Program Files (x86)\\AnyDesk',
      uninstallCommand: '"C:\\Program Files (x86)\\AnyDesk\\AnyDesk.exe" --uninstall',
      quietUninstallCommand: '"C:\\Program Files (x86)\\AnyDesk\\AnyDesk.exe" --remove',
      installedAt: '2026-11-22',
    });
    expect(installed.find((p) => p.name === 'TeamViewer')).toMatchObject({
      source: 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\TeamViewer',
      installLocation: 'C:\\Program Files\\TeamViewer',
      uninstallCommand: '"C:\\Program Files\\TeamViewer\\uninstall.exe"',
      installedAt: '2026-11-21',
    });
    expect(installed.find((p) => p.name === 'RustDesk')?.source).toMatch(/^HKCU\\/);
  });

  it('finds the running AnyDesk.exe with its path, and the renamed copy by its version info', () => {
    const processes = items(results.snapshot.processes);
    const anyDesk = processes.find((p) => p.name === 'AnyDesk.exe');
    expect(anyDesk?.path).toMatch(/\\profile\\Downloads\\AnyDesk\.exe$/);
    expect(anyDesk?.startedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(results.startedPids).toContain(anyDesk?.pid);
    const renamed = processes.find((p) => p.name === 'invoice-viewer.exe');
    expect(renamed).toMatchObject({ productName: 'AnyDesk', originalFilename: 'AnyDesk.exe' });
  });

  it('finds the renamed portable exe in Downloads by its PE version resource', () => {
    const files = items(results.snapshot.userFiles);
    const renamed = files.find((f) => f.name === 'invoice-viewer.exe');
    expect(renamed).toMatchObject({ productName: 'AnyDesk', originalFilename: 'AnyDesk.exe', companyName: 'AnyDesk Software GmbH', fileDescription: 'AnyDesk' });
    expect(renamed?.path).toMatch(/\\Downloads\\invoice-viewer\.exe$/);
    expect(files.find((f) => f.name === 'AnyDesk.exe')?.productName).toBeUndefined();
  });

  it('lists services with their executable (an installed AnyDesk Service) and the Run key', () => {
    const services = items(results.snapshot.services);
    expect(services.length).toBeGreaterThan(0);
    expect(services.every((s) => s.name !== '' && ['running', 'stopped', 'other'].includes(s.state))).toBe(true);
    expect(results.serviceCreated).toBe(true);
    expect(services.find((s) => s.name === 'AnyDesk')).toEqual({ name: 'AnyDesk', displayName: 'AnyDesk Service', state: 'stopped', imagePath: 'C:\\Program Files (x86)\\AnyDesk\\AnyDesk.exe' });
    expect(items(results.snapshot.autostart)).toContainEqual({
      name: 'AnyDesk',
      command: '"C:\\Program Files (x86)\\AnyDesk\\AnyDesk.exe" --control',
      source: 'HKCU\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run',
    });
  });

  it('resolves a Startup-folder shortcut to the program it starts', () => {
    const entry = items(results.snapshot.autostart).find((e) => e.name === 'Helper.lnk');
    expect(entry?.command).toBe(`"${renamedWindowsPath}" --silent`);
    expect(entry?.source).toMatch(/\\Start Menu\\Programs\\Startup$/);
  });

  it('reads the catalog artifact files through %VAR% and * and skips Linux paths', () => {
    const artifacts = items(results.snapshot.artifacts);
    expect(artifacts.map((a) => a.path.split('\\').pop()).sort()).toEqual(['connection_trace.txt', 'service.conf']);
    expect(artifacts.find((a) => a.path.endsWith('service.conf'))?.content).toContain('ad.anynet.pwd_hash=');
    expect(artifacts.find((a) => a.path.endsWith('connection_trace.txt'))?.content).toContain('Incoming');
  });

  it('reads the TCP table (Wine cannot tell owning pids: they are left out, not invented)', () => {
    const connections = items(results.snapshot.connections);
    expect(connections.some((c) => c.state === 'ESTABLISHED' && c.remoteAddress === '127.0.0.1')).toBe(true);
    expect(connections.every((c) => c.pid === undefined || c.pid > 0)).toBe(true);
  });
});
