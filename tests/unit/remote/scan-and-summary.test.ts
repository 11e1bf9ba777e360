import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../src/engine/remote/catalog.js';
import { RemoteMatcher } from '../../../src/engine/remote/matcher.js';
import { scanRemoteTools } from '../../../src/engine/remote/scan.js';
import { describeFinding, summariseScan } from '../../../src/engine/remote/summary.js';
import { FakeClock, FakeInventory, snapshot } from './support/inventory.js';

const matcher = new RemoteMatcher();

describe('scanRemoteTools', () => {
  it('reports findings, timing and every source, failed ones with their reason', async () => {
    const clock = new FakeClock();
    const source = new FakeInventory(async () => {
      clock.advance(120);
      return snapshot({ processes: [{ pid: 1, name: 'rustdesk' }], services: { ok: false, error: 'systemctl is not installed' } });
    });
    const report = await scanRemoteTools(source, { clock, matcher });
    expect(report.findings.map((f) => f.toolId)).toEqual(['rustdesk']);
    expect(report.scannedAt).toBe('2026-11-22T12:00:00.000Z');
    expect(report.durationMs).toBe(120);
    expect(report.sources).toContainEqual({ name: 'services', ok: false, error: 'systemctl is not installed' });
    expect(report.sources.filter((s) => s.ok)).toHaveLength(6);
    expect(source.calls[0]?.artifactPaths).toEqual(matcher.artifactPaths());
  });

  it('completes even when the whole inventory throws', async () => {
    const report = await scanRemoteTools(new FakeInventory(() => Promise.reject(new Error('no /proc'))), { clock: new FakeClock(), matcher });
    expect(report.findings).toEqual([]);
    expect(report.sources.every((s) => !s.ok && s.error === 'inventory failed: no /proc')).toBe(true);
  });
});

describe('summary', () => {
  it('says the most dangerous things in plain words', async () => {
    const report = await scanRemoteTools(
      new FakeInventory(
        snapshot({
          processes: [{ pid: 5, name: 'AnyDesk.exe', path: 'C:\\Users\\h\\Downloads\\AnyDesk.exe' }],
          artifacts: [{ path: 'C:\\ProgramData\\AnyDesk\\service.conf', content: 'ad.anynet.pwd_hash=0123456789abcdef\n' }],
          installed: [{ name: 'TeamViewer', source: 'reg', installedAt: '2026-11-22T11:48:00Z' }],
        }),
      ),
      { clock: new FakeClock(), matcher },
    );
    const [anydesk, teamviewer] = report.findings;
    expect(anydesk && describeFinding(anydesk)).toBe('AnyDesk — running now from Downloads (portable), unattended access is set (someone can connect without asking)');
    expect(teamviewer && describeFinding(teamviewer)).toBe('TeamViewer — installed, first seen 2026-11-22 11:48 UTC');
    const text = summariseScan(report, matcher.index);
    expect(text.split('\n')[0]).toBe('Found 2 remote-access tools (most dangerous first):');
    expect(text).toContain('What to do: Open Settings > Apps, choose AnyDesk, Uninstall.');
  });

  it('says so when nothing is found, and lists failed sources', () => {
    const text = summariseScan({ findings: [], scannedAt: '2026-11-22T12:00:00.000Z', durationMs: 42, sources: [{ name: 'services', ok: false, error: 'no systemd' }] });
    expect(text).toBe('No remote-access tools found.\n  (Could not check services: no systemd)\nChecked in 42 ms at 2026-11-22 12:00 UTC.');
  });
});

describe('the bundled catalog', () => {
  const catalog = loadCatalog();
  const byId = new Map(catalog.tools.map((t) => [t.id, t]));

  it('has every curated scam tool with Japanese and English names and removal advice', () => {
    for (const id of ['anydesk', 'teamviewer', 'ultraviewer', 'quick-assist', 'windows-remote-desktop', 'screenconnect', 'splashtop', 'logmein', 'rustdesk', 'supremo', 'aeroadmin', 'ammyy', 'chrome-remote-desktop', 'zoho-assist', 'remotepc', 'isl-online', 'tightvnc', 'ultravnc', 'realvnc', 'hoptodesk', 'todesk', 'awesun', 'getscreen']) {
      const tool = byId.get(id);
      expect(tool?.nameJa, id).toBeTruthy();
      expect(tool?.uninstall?.ja, id).toBeTruthy();
      expect(tool?.priority, id).toBeLessThan(50);
    }
    expect(byId.get('quick-assist')?.builtIn).toBe(true);
    expect(byId.get('windows-remote-desktop')?.advice?.en).toContain('part of Windows');
  });

  it('covers the LOLRMM data: every YAML file is a tool, merged or excluded with a reason', () => {
    const stems = new Set(catalog.tools.flatMap((t) => t.lolrmm));
    for (const e of catalog.excluded) expect(stems.has(e.id)).toBe(false);
    expect(stems.size + catalog.excluded.length).toBe(319);
    expect(new Set(catalog.tools.map((t) => t.id)).size).toBe(catalog.tools.length);
  });

  it('keeps generic names weak and credits LOLRMM in NOTICE', () => {
    const strong = new Set(catalog.tools.flatMap((t) => t.exe ?? []));
    for (const name of ['setup.exe', 'agent.exe', 'client.exe', 'service.exe', 'update.exe', 'launcher.exe', 'dwm.exe', 'connect.exe']) expect(strong.has(name), name).toBe(false);
    const notice = readFileSync(join(import.meta.dirname, '../../../NOTICE'), 'utf8');
    expect(notice).toContain('LOLRMM');
    expect(notice).toContain('Apache License');
  });
});
