// Parsers of the Linux inventory adapter, driven by output recorded on Debian 12.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDesktopEntry, parseDpkgQuery, parseProcNetTcp, parseProcStat, parseRpmQuery, parseSystemctlUnits } from '../../../src/platform/linux/inventory-parse.js';

const fixture = (name: string): string => readFileSync(join(import.meta.dirname, '../../fixtures/remote/linux', name), 'utf8');

describe('Linux inventory parsers', () => {
  it('dpkg-query: installed packages with install time; removed ones skipped', () => {
    const packages = parseDpkgQuery(fixture('dpkg-query.txt'));
    expect(packages.find((p) => p.name === 'anydesk')).toEqual({ name: 'anydesk', version: '6.3.2', installedAt: '2025-11-22T09:00:00.000Z', source: 'dpkg' });
    expect(packages.some((p) => p.name === 'rustdesk')).toBe(false);
    expect(packages).toHaveLength(9);
  });

  it('rpm -qa', () => {
    expect(parseRpmQuery('anydesk\t6.3.2-1\t1763802000\n')).toEqual([{ name: 'anydesk', version: '6.3.2-1', installedAt: '2025-11-22T09:00:00.000Z', source: 'rpm' }]);
  });

  it('systemctl list-units: names, states, descriptions (also failed units)', () => {
    const units = parseSystemctlUnits(fixture('systemctl-list-units.txt'));
    expect(units.map((u) => [u.name, u.state])).toEqual([
      ['anydesk', 'running'],
      ['cron', 'running'],
      ['dbus', 'running'],
      ['rustdesk', 'stopped'],
      ['ssh', 'stopped'],
      ['teamviewerd', 'running'],
    ]);
    expect(units[5]?.displayName).toBe('TeamViewer remote control daemon');
  });

  it('.desktop autostart: the main group only, field codes removed, hidden entries skipped', () => {
    expect(parseDesktopEntry(fixture('anydesk.desktop'), '/etc/xdg/autostart/anydesk.desktop')).toEqual({ name: 'AnyDesk', command: '/usr/bin/anydesk --tray', source: '/etc/xdg/autostart/anydesk.desktop' });
    expect(parseDesktopEntry('[Desktop Entry]\nName=X\nExec=/usr/bin/x\nHidden=true\n', 's')).toBeUndefined();
  });

  it('/proc/PID/stat: parent pid and start ticks even with ") " in the name', () => {
    expect(parseProcStat(fixture('proc-stat.txt'))).toEqual({ comm: 'cat', state: 'R', ppid: 32128, startTicks: 158893 });
    expect(parseProcStat('77 (evil) (name) S 12 77 77 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 4242 0 0')).toEqual({ comm: 'evil) (name', state: 'S', ppid: 12, startTicks: 4242 });
  });

  it('/proc/net/tcp and tcp6: addresses, ports, states, inodes', () => {
    const v4 = parseProcNetTcp(fixture('proc-net-tcp.txt'));
    expect(v4[0]).toEqual({ localAddress: '0.0.0.0', localPort: 2024, remoteAddress: '0.0.0.0', remotePort: 0, state: 'LISTEN', inode: 1578 });
    expect(v4.find((r) => r.state === 'ESTABLISHED')).toEqual({ localAddress: '10.0.2.15', localPort: 50000, remoteAddress: '185.220.101.34', remotePort: 443, state: 'ESTABLISHED', inode: 998877 });
    const v6 = parseProcNetTcp(fixture('proc-net-tcp6.txt'));
    expect(v6.find((r) => r.inode === 998878)?.remoteAddress).toBe('::ffff:185.220.101.34');
    expect(v6.find((r) => r.inode === 4242)?.localAddress).toBe('::1');
  });
});
