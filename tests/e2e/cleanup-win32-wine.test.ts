/**
 * The Windows system actions for real under Wine with Windows' own node.exe (see NOTES): the
 * stand-in AnyDesk.exe (mingw, windowless) is stopped after its image path is checked through
 * kernel32; node.exe itself, asked for as "AnyDesk.exe", is left alone; a portable exe is
 * quarantined (manifest, sha256) and restored. Uses the Wine session helpers of tests/wine.
 */
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDriver } from '../wine/support/driver.js';
import { buildRemoteToolStandIns } from '../wine/support/standins.js';
import { startWine, type WineSession } from '../wine/support/wine.js';

type Step<T> = { ok: true; value: T } | { ok: false; error: string };
interface Results {
  wrongImage: Step<{ status: string }>;
  stopped: Step<{ status: string; detail?: string }>;
  toolExited: boolean;
  again: Step<{ status: string }>;
  quarantined: Step<{ result: { status: string }; entry?: { id: string; sha256: string; originalPath: string } }>;
  goneAfterQuarantine: boolean;
  listed: Step<{ id: string }[]>;
  restored: Step<{ status: string }>;
  backAfterRestore: boolean;
}

let wine: WineSession | undefined;
let results: Results;
let dataHome: string;

beforeAll(async () => {
  wine = await startWine();
  const tools = buildRemoteToolStandIns(join(wine.workDir, 'Downloads'), 'viewer.exe');
  const portable = join(wine.workDir, 'Downloads', 'AnyDesk-portable.exe');
  copyFileSync(tools.anyDesk, portable);
  dataHome = join(wine.workDir, 'data');
  const config = { anyDesk: wine.windowsPath(tools.anyDesk), portable: wine.windowsPath(portable), dataHome: wine.windowsPath(dataHome) };
  // Wine itself is slow to start node.exe and each Windows program on a loaded 2-core machine
  // (the whole file took 131 s at load ~8): generous limits, the driver's stage lines say where.
  results = (await runDriver<Results>(wine, 'cleanup', config, 180_000)).results;
}, 420_000);

afterAll(async () => {
  await wine?.stop();
});

describe('Windows system actions under Wine', () => {
  it('stops the running stand-in AnyDesk.exe and then finds nothing left to stop', () => {
    expect(results.stopped).toMatchObject({ ok: true, value: { status: 'done' } });
    expect(results.toolExited).toBe(true);
    expect(results.again).toMatchObject({ ok: true, value: { status: 'not-needed' } });
  });

  it('leaves a process whose image is not the tool alone', () => {
    expect(results.wrongImage).toMatchObject({ ok: true, value: { status: 'failed' } });
  });

  it('quarantines a portable exe with a manifest and restores it', () => {
    expect(results.quarantined).toMatchObject({ ok: true, value: { result: { status: 'done' } } });
    expect(results.goneAfterQuarantine).toBe(true);
    expect(results.listed.ok && results.listed.value).toHaveLength(1);
    const entry = results.quarantined.ok ? results.quarantined.value.entry : undefined;
    expect(entry?.sha256).toMatch(/^[0-9a-f]{64}$/u);
    expect(entry?.originalPath).toMatch(/^Z:\\.*AnyDesk-portable\.exe$/u);
    expect(existsSync(join(dataHome, 'quarantine', entry?.id ?? 'x', 'manifest.json'))).toBe(true);
    expect(results.restored).toMatchObject({ ok: true, value: { status: 'done' } });
    expect(results.backAfterRestore).toBe(true);
  });
});
