import { describe, expect, it } from 'vitest';
import { RemoteMatcher } from '../../../src/engine/remote/matcher.js';
import type { RemoteFinding } from '../../../src/shared/remote.js';
import { snapshot } from './support/inventory.js';

const matcher = new RemoteMatcher();
const NOW = Date.parse('2026-11-22T12:00:00Z');
const ids = (findings: readonly RemoteFinding[]): string[] => findings.map((f) => f.toolId);
const kinds = (finding: RemoteFinding | undefined): string[] => [...new Set(finding?.evidence.map((e) => e.kind))].sort();

describe('RemoteMatcher: names', () => {
  it('finds a running AnyDesk by its executable name, with pid, path and portable wording', () => {
    const [f] = matcher.match(snapshot({ processes: [{ pid: 4242, name: 'AnyDesk.exe', path: 'C:\\Users\\Hanako\\Downloads\\AnyDesk.exe', startedAt: '2026-11-22T11:48:00Z' }] }), NOW);
    expect(f?.toolId).toBe('anydesk');
    expect(f?.risk).toBe('running');
    expect(f?.evidence[0]).toMatchObject({ kind: 'running', pid: 4242, path: 'C:\\Users\\Hanako\\Downloads\\AnyDesk.exe' });
    expect(f?.evidence[0]?.detail).toContain('from Downloads (portable copy)');
    expect(f?.firstSeen).toBe('2026-11-22T11:48:00.000Z');
  });

  it('still finds a running tool whose file was moved away (quarantine) by the name it started with', () => {
    const moved = '/home/h/.local/share/scarestop/quarantine/q1/file.quarantined';
    const [f] = matcher.match(snapshot({ processes: [{ pid: 77, name: 'file.quarantined', path: moved, commandLine: '/home/h/Downloads/AnyDesk 600' }] }), NOW);
    expect(f?.toolId).toBe('anydesk');
    expect(f?.evidence[0]).toMatchObject({ kind: 'running', pid: 77, path: moved });
    // Without the start name it is just an unknown program.
    expect(matcher.match(snapshot({ processes: [{ pid: 78, name: 'file.quarantined', path: moved }] }), NOW)).toEqual([]);
  });

  it('finds renamed downloads by their leading word', () => {
    const found = matcher.match(
      snapshot({
        userFiles: [
          { path: '/home/h/Downloads/AnyDesk (1).exe', name: 'AnyDesk (1).exe' },
          { path: '/home/h/Downloads/TeamViewer_Setup_x64.exe', name: 'TeamViewer_Setup_x64.exe' },
          { path: '/home/h/Downloads/rustdesk-1.2.3-x86_64.AppImage', name: 'rustdesk-1.2.3-x86_64.AppImage' },
        ],
      }),
      NOW,
    );
    expect(ids(found).sort()).toEqual(['anydesk', 'rustdesk', 'teamviewer']);
    expect(found.every((f) => f.evidence.every((e) => e.kind === 'portable'))).toBe(true);
  });

  it('finds a renamed portable exe by its PE version info', () => {
    const [f] = matcher.match(snapshot({ userFiles: [{ path: 'C:\\Users\\h\\Downloads\\invoice_2026.exe', name: 'invoice_2026.exe', productName: 'AnyDesk', originalFilename: 'AnyDesk.exe' }] }), NOW);
    expect(f?.toolId).toBe('anydesk');
    expect(f?.evidence[0]?.detail).toContain('its file information says "AnyDesk"');
  });

  it('does not match a generic name alone, but does with a second piece of evidence', () => {
    const alone = matcher.match(snapshot({ userFiles: [{ path: 'C:\\Users\\h\\Downloads\\setup.exe', name: 'setup.exe' }], processes: [{ pid: 9, name: 'agent.exe', path: 'C:\\Tools\\agent.exe' }, { pid: 10, name: 'dwm.exe', path: 'C:\\Windows\\System32\\dwm.exe' }] }), NOW);
    expect(alone).toEqual([]);
    // Splashtop's service binary has a generic-looking name; inside Splashtop's folder it counts.
    const inFolder = matcher.match(snapshot({ processes: [{ pid: 11, name: 'SRService.exe', path: 'C:\\Program Files (x86)\\Splashtop\\Splashtop Remote\\Server\\SRService.exe' }] }), NOW);
    expect(ids(inFolder)).toEqual(['splashtop']);
  });

  it('matches installed programs by display name, install folder and uninstall command', () => {
    const found = matcher.match(
      snapshot({
        installed: [
          { name: 'TeamViewer 15', version: '15.47.3', source: 'HKLM\\...\\Uninstall\\TeamViewer', installedAt: '2026-11-22T11:40:00Z' },
          { name: 'ScreenConnect Client (8a5c2f0e1b7d4c39)', source: 'HKLM\\...\\Uninstall\\{X}' },
          { name: 'Remote helper', installLocation: 'C:\\Program Files (x86)\\AnyDesk', source: 'HKCU' },
          { name: 'Splashtop Streamer', uninstallCommand: 'MsiExec.exe /X{B7C5EA94-B96A-41F5-BE95-25D78B486678}', source: 'HKLM' },
        ],
      }),
      NOW,
    );
    expect(ids(found).sort()).toEqual(['anydesk', 'screenconnect', 'splashtop', 'teamviewer']);
    expect(found.find((f) => f.toolId === 'teamviewer')?.firstSeen).toBe('2026-11-22T11:40:00.000Z');
  });

  it('matches Linux packages, systemd units and autostart entries', () => {
    const found = matcher.match(
      snapshot({
        installed: [{ name: 'anydesk', version: '6.3.2', source: 'dpkg' }, { name: 'realvnc-vnc-server', source: 'dpkg' }],
        services: [{ name: 'teamviewerd', displayName: 'TeamViewer remote control daemon', state: 'running' }],
        autostart: [{ name: 'RustDesk', command: '/usr/bin/rustdesk --tray', source: '/home/h/.config/autostart/rustdesk.desktop' }],
      }),
      NOW,
    );
    expect(ids(found)).toEqual(['teamviewer', 'anydesk', 'rustdesk', 'realvnc']);
    expect(found[0]?.risk).toBe('running'); // a running service is live
  });

  it('reports Windows built-ins as built-in, after third-party tools of the same risk', () => {
    const found = matcher.match(snapshot({ processes: [{ pid: 1, name: 'quickassist.exe' }, { pid: 2, name: 'UltraViewer_Desktop.exe' }] }), NOW);
    expect(ids(found)).toEqual(['ultraviewer', 'quick-assist']);
    expect(found[1]?.builtIn).toBe(true);
    expect(found[0]?.builtIn).toBeUndefined();
  });
});

describe('RemoteMatcher: evidence files and risk', () => {
  const serviceConf = 'ad.anynet.id=947120384\nad.anynet.pwd_hash=5f2c9a0e7b43d81c6e2f9b0a4d7c3e1f8a6b5d2c\nad.anynet.pwd_salt=a7c3e9f1\n';

  it('marks unattended access and never copies the password hash', () => {
    const found = matcher.match(snapshot({ artifacts: [{ path: 'C:\\ProgramData\\AnyDesk\\service.conf', content: serviceConf, modifiedAt: '2026-11-22T11:50:00Z' }] }), NOW);
    expect(found[0]).toMatchObject({ toolId: 'anydesk', risk: 'unattended' });
    expect(JSON.stringify(found)).not.toContain('5f2c9a0e');
    expect(JSON.stringify(found)).not.toContain('a7c3e9f1');
  });

  it('is "connected" only with a live connection AND a recent accepted session', () => {
    const process = { pid: 77, name: 'AnyDesk.exe', path: 'C:\\Program Files (x86)\\AnyDesk\\AnyDesk.exe' };
    const connection = { pid: 77, localAddress: '192.168.1.5', remoteAddress: '185.220.101.34', remotePort: 443, state: 'ESTABLISHED' };
    const idle = matcher.match(snapshot({ processes: [process], connections: [connection] }), NOW);
    expect(idle[0]?.risk).toBe('running'); // relays stay connected while idle
    expect(kinds(idle[0])).toContain('connected');
    const trace = { path: 'C:\\ProgramData\\AnyDesk\\connection_trace.txt', content: 'Incoming\t2026-11-22, 11:30\tUser\t412345678\t412345678\n' };
    const live = matcher.match(snapshot({ processes: [process], connections: [connection], artifacts: [trace] }), NOW);
    expect(live[0]?.risk).toBe('connected');
    const old = matcher.match(snapshot({ processes: [process], connections: [connection], artifacts: [{ ...trace, content: 'Incoming\t2026-10-01, 11:30\tUser\t412345678\t412345678\n' }] }), NOW);
    expect(old[0]?.risk).toBe('running');
    const loopback = matcher.match(snapshot({ processes: [process], connections: [{ ...connection, remoteAddress: '127.0.0.1' }], artifacts: [trace] }), NOW);
    expect(kinds(loopback[0])).not.toContain('connected');
  });

  it('orders findings connected > running > unattended > installed, then by priority', () => {
    const found = matcher.match(
      snapshot({
        installed: [{ name: 'AnyDesk', source: 'reg' }],
        artifacts: [{ path: '/home/h/.config/rustdesk/RustDesk.toml', content: "password = '00vE4tmDZbp'\n" }],
        processes: [{ pid: 5, name: 'tvnserver.exe' }],
      }),
      NOW,
    );
    expect(found.map((f) => [f.toolId, f.risk])).toEqual([
      ['tightvnc', 'running'],
      ['rustdesk', 'unattended'],
      ['anydesk', 'installed'],
    ]);
  });

  it('keeps the earliest appearance as firstSeen and bounds session evidence', () => {
    const lines = Array.from({ length: 9 }, (_, i) => `Incoming\t2026-11-${String(10 + i).padStart(2, '0')}, 10:00\tUser\t41234567${i}\t41234567${i}`).join('\n');
    const [f] = matcher.match(snapshot({ artifacts: [{ path: '/home/h/.anydesk/connection_trace.txt', content: lines }], installed: [{ name: 'anydesk', source: 'dpkg', installedAt: '2026-11-12T00:00:00Z' }] }), NOW);
    expect(f?.firstSeen).toBe('2026-11-10T10:00:00.000Z');
    const sessions = f?.evidence.filter((e) => e.kind === 'incoming-session') ?? [];
    expect(sessions).toHaveLength(6);
    expect(sessions.some((e) => e.detail.startsWith('4 earlier incoming connections'))).toBe(true);
  });

  it('asks the adapter for the curated evidence files', () => {
    const paths = matcher.artifactPaths();
    expect(paths).toContain('%ProgramData%\\AnyDesk\\service.conf');
    expect(paths).toContain('~/.anydesk/service.conf');
    expect(paths).toContain('~/.config/rustdesk/RustDesk.toml');
    expect(new Set(paths).size).toBe(paths.length);
  });
});
