/**
 * TeamViewer's unattended access read from the registry, for real under Wine: the test imports
 * keys shaped like an unattended set-up (tests/fixtures/win32/registry/teamviewer-unattended.reg)
 * into the 64-bit and 32-bit HKLM views and HKCU, and Windows' node.exe runs the scan the app
 * runs (tests/wine/drivers/teamviewer.ts).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArtifactFile } from '../../src/engine/ports/inventory.js';
import type { RemoteFinding } from '../../src/shared/remote.js';
import { runDriver } from './support/driver.js';
import { REPO_ROOT, startWine, type WineSession } from './support/wine.js';

interface Results {
  registryPaths: string[];
  artifacts: ArtifactFile[] | string;
  finding?: RemoteFinding;
  snapshotMs: number;
}

let wine: WineSession | undefined;
let results: Results;

beforeAll(async () => {
  wine = await startWine();
  const imported = await wine.run(['regedit', '/S', wine.windowsPath(join(REPO_ROOT, 'tests', 'fixtures', 'win32', 'registry', 'teamviewer-unattended.reg'))]);
  if (imported.code !== 0) throw new Error(`regedit /S failed: ${imported.log}`);
  results = (await runDriver<Results>(wine, 'teamviewer', {})).results;
}, 240_000);

afterAll(async () => {
  await wine?.stop();
}, 60_000);

describe('TeamViewer unattended access from the registry under Wine', () => {
  it('reads the three TeamViewer keys the catalog names, binary values by size only', () => {
    expect(results.registryPaths).toEqual(['HKLM\\SOFTWARE\\TeamViewer', 'HKLM\\SOFTWARE\\WOW6432Node\\TeamViewer', 'HKCU\\SOFTWARE\\TeamViewer']);
    if (typeof results.artifacts === 'string') throw new Error(`artifact source failed: ${results.artifacts}`);
    const byPath = new Map(results.artifacts.map((a) => [a.path, a.content ?? '']));
    expect([...byPath.keys()].sort()).toEqual(['HKCU\\SOFTWARE\\TeamViewer', 'HKLM\\SOFTWARE\\TeamViewer', 'HKLM\\SOFTWARE\\WOW6432Node\\TeamViewer']);
    expect(byPath.get('HKLM\\SOFTWARE\\TeamViewer')?.split('\n')).toEqual(expect.arrayContaining(['Always_Online=1', 'SecurityPasswordAES=(binary, 16 bytes)', 'Version=15.59.3']));
    expect(byPath.get('HKLM\\SOFTWARE\\TeamViewer')).not.toMatch(/5d|1f9a/i);
  });

  it('finds TeamViewer with unattended access: the personal password and the owning account, each with its key', () => {
    expect(results.finding?.risk).toBe('unattended');
    const unattended = results.finding?.evidence.filter((e) => e.kind === 'unattended').map((e) => e.detail) ?? [];
    expect(unattended).toEqual(
      expect.arrayContaining([
        'Unattended access is set: a personal password lets someone connect without asking; it starts with Windows (HKLM\\SOFTWARE\\TeamViewer)',
        'Unattended access is set: this PC is assigned to the TeamViewer account "Support Desk Tokyo", which can connect without asking (HKLM\\SOFTWARE\\WOW6432Node\\TeamViewer)',
      ]),
    );
    expect(unattended).toHaveLength(2);
  });

  it('per-user settings without a password or account show TeamViewer was used, not unattended access', () => {
    expect(results.finding?.evidence).toContainEqual(expect.objectContaining({ kind: 'installed', detail: 'Its settings or log file is on this computer (HKCU\\SOFTWARE\\TeamViewer)' }));
    // Registry keys are not files: nothing for the cleanup to quarantine.
    expect(results.finding?.evidence.filter((e) => e.path?.startsWith('HK'))).toEqual([]);
  });
});
