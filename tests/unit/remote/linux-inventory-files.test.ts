// The Linux inventory adapter on real temporary folders: user-folder walk, evidence-file reads
// (bounded), path expansion, and failed sources when commands are missing.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACT_MAX_BYTES } from '../../../src/engine/ports/inventory.js';
import { expandPath, listUserFiles, readArtifact, readArtifacts } from '../../../src/platform/linux/inventory-files.js';
import { ProcInventory } from '../../../src/platform/linux/inventory.js';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'scarestop-inv-'));
  mkdirSync(join(root, 'Downloads', 'sub', '.hidden'), { recursive: true });
  writeFileSync(join(root, 'Downloads', 'AnyDesk'), '#!/bin/sh\n');
  chmodSync(join(root, 'Downloads', 'AnyDesk'), 0o755);
  writeFileSync(join(root, 'Downloads', 'setup.exe'), 'MZ');
  writeFileSync(join(root, 'Downloads', 'notes.txt'), 'hello');
  writeFileSync(join(root, 'Downloads', 'sub', 'RustDesk.AppImage'), 'x');
  writeFileSync(join(root, 'Downloads', 'sub', '.hidden', 'ToDesk.exe'), 'x');
  mkdirSync(join(root, '.config', 'rustdesk'), { recursive: true });
  writeFileSync(join(root, '.config', 'rustdesk', 'RustDesk.toml'), "password = 'x'\n");
  writeFileSync(join(root, 'big.trace'), `${'a'.repeat(ARTIFACT_MAX_BYTES)}THE END`);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('Linux inventory files', () => {
  it('lists program files (executable bit or program extension), not text or hidden folders', async () => {
    const files = await listUserFiles([join(root, 'Downloads'), join(root, 'missing')]);
    expect(files.map((f) => f.name).sort()).toEqual(['AnyDesk', 'RustDesk.AppImage', 'setup.exe']);
    expect(files.every((f) => f.modifiedAt !== undefined && f.size !== undefined)).toBe(true);
  });

  it('expands ~ and * and skips Windows paths', async () => {
    expect(await expandPath('~/.config/rustdesk/RustDesk.toml', root)).toEqual([join(root, '.config', 'rustdesk', 'RustDesk.toml')]);
    expect(await expandPath('~/.config/*/RustDesk.toml', root)).toEqual([join(root, '.config', 'rustdesk', 'RustDesk.toml')]);
    expect(await expandPath('%ProgramData%\\AnyDesk\\service.conf', root)).toEqual([]);
    const read = await readArtifacts(['~/.config/rustdesk/RustDesk.toml', '~/.anydesk/service.conf', 'C:\\x'], root);
    expect(read.map((a) => a.content)).toEqual(["password = 'x'\n"]);
  });

  it('reads at most ARTIFACT_MAX_BYTES, keeping the end of a long log', async () => {
    const file = await readArtifact(join(root, 'big.trace'));
    expect(file?.truncated).toBe(true);
    expect(file?.content?.length).toBe(ARTIFACT_MAX_BYTES);
    expect(file?.content?.endsWith('THE END')).toBe(true);
  });

  it('reports missing commands as failed sources and still completes', async () => {
    const inventory = new ProcInventory({ env: { PATH: join(root, 'no-bin'), HOME: root, TMPDIR: join(root, 'Downloads') }, home: root });
    const snap = await inventory.snapshot({ artifactPaths: ['~/.config/rustdesk/RustDesk.toml'] });
    expect(snap.installed).toEqual({ ok: false, error: 'no package list: dpkg-query is not installed; rpm is not installed' });
    expect(snap.services).toEqual({ ok: false, error: 'systemctl is not installed' });
    expect(snap.processes.ok).toBe(true);
    expect(snap.artifacts.ok && snap.artifacts.items.length).toBe(1);
    const quick = await inventory.snapshot({ artifactPaths: [], quick: true });
    expect(quick.userFiles).toEqual({ ok: false, error: 'skipped (quick)' });
  });

  it('a /proc that cannot be read is a failed source, not a crash', async () => {
    const snap = await new ProcInventory({ env: { PATH: '' }, home: root, proc: join(root, 'no-proc') }).snapshot({ artifactPaths: [] });
    expect(snap.processes.ok).toBe(false);
    expect(snap.connections.ok).toBe(false);
  });
});
