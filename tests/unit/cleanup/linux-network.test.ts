import { describe, expect, it } from 'vitest';
import { LinuxNetwork, parseDefaultRoutes, parseIpLinks, type CommandRunner } from '../../../src/platform/linux/network.js';
import type { CommandOutput } from '../../../src/platform/system-command.js';

// Recorded on the project's Linux machine (`ip -j link show`, `ip -j route show default`).
const LINKS =
  '[{"ifindex":1,"ifname":"lo","flags":["LOOPBACK","UP","LOWER_UP"],"mtu":65536,"link_type":"loopback"},' +
  '{"ifindex":2,"ifname":"ifb0","flags":["BROADCAST","NOARP"],"mtu":1500,"operstate":"DOWN","link_type":"ether"},' +
  '{"ifindex":4,"ifname":"eth0","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1400,"operstate":"UP","link_type":"ether"},' +
  '{"ifindex":5,"ifname":"wlp2s0","flags":["BROADCAST","MULTICAST","UP"],"link_type":"ether"}]';
const ROUTES = '[{"dst":"default","gateway":"192.0.2.1","dev":"eth0","flags":[]},{"dst":"default","dev":"wlp2s0","metric":600,"flags":[]}]';

// NetworkManager off: every non-loopback link administratively down.
const linksDown = JSON.stringify(
  (JSON.parse(LINKS) as { link_type: string; flags: string[] }[]).map((link) => (link.link_type === 'loopback' ? link : { ...link, flags: link.flags.filter((flag) => flag !== 'UP') })),
);
const output = (stdout: string, code = 0, stderr = ''): CommandOutput => ({ code, signal: null, stdout, stderr });

describe('ip -j parsers', () => {
  it('lists non-loopback interfaces with admin state', () => {
    expect(parseIpLinks(LINKS)).toEqual([
      { name: 'ifb0', up: false, kind: 'wired' },
      { name: 'eth0', up: true, kind: 'wired' },
      { name: 'wlp2s0', up: true, kind: 'wireless' },
    ]);
  });
  it('turns default routes into `ip route add` arguments', () => {
    expect(parseDefaultRoutes(ROUTES)).toEqual([
      ['default', 'via', '192.0.2.1', 'dev', 'eth0'],
      ['default', 'dev', 'wlp2s0', 'metric', '600'],
    ]);
    expect(parseDefaultRoutes('')).toEqual([]);
  });
});

describe('LinuxNetwork with NetworkManager', () => {
  it('uses nmcli networking off/on when NetworkManager runs, and verifies', async () => {
    const calls: string[] = [];
    let enabled = true;
    const run: CommandRunner = async (file, args) => {
      calls.push(`${file} ${args.join(' ')}`);
      if (file === 'nmcli' && args.join(' ') === '-t -f RUNNING general') return output('running\n');
      if (file === 'nmcli' && args.join(' ') === '-t networking') return output(enabled ? 'enabled\n' : 'disabled\n');
      if (file === 'nmcli' && args[0] === 'networking') {
        enabled = args[1] === 'on';
        return output('');
      }
      if (file === 'ip' && args.includes('link')) return output(enabled ? LINKS : linksDown);
      if (file === 'ip' && args.includes('route')) return output(enabled ? ROUTES : '[]');
      return output('', 1, 'unexpected');
    };
    const network = new LinuxNetwork({ run });
    const off = await network.disconnect();
    expect(off).toMatchObject({ status: 'done', disabled: ['eth0', 'wlp2s0'] });
    expect(calls).toContain('nmcli networking off');
    expect((await network.status()).online).toBe(false);
    expect(await network.reconnect()).toMatchObject({ status: 'done' });
    expect(calls).toContain('nmcli networking on');
  });

  it('says when it needs administrator rights', async () => {
    const run: CommandRunner = async (file, args) => {
      if (file === 'ip' && args.includes('link') && args.includes('set')) return output('', 2, 'RTNETLINK answers: Operation not permitted');
      if (file === 'ip' && args.includes('link')) return output(LINKS);
      if (file === 'ip') return output(ROUTES);
      return output('', 1);
    };
    expect(await new LinuxNetwork({ run, backend: 'ip-link' }).disconnect()).toMatchObject({ status: 'needs-admin' });
  });
});
