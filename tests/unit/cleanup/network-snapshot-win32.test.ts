/** The Windows network journal parsers, on JSON shaped as PowerShell 5 writes it. */
import { describe, expect, it } from 'vitest';
import { compareSnapshots, parseNetworkSnapshot } from '../../../src/platform/win32/network-snapshot.js';

// ConvertTo-Json output of networkSnapshotCommand() on a laptop with Wi-Fi and a docked LAN port.
const JSON_TWO = JSON.stringify({
  adapters: [
    { Name: 'Wi-Fi', InterfaceDescription: 'Intel(R) Wi-Fi 6 AX201 160MHz', Status: 'Up', AdminStatus: 'Up', MediaType: 'Native 802.11' },
    { Name: 'イーサネット', InterfaceDescription: 'Realtek USB GbE Family Controller', Status: 'Disconnected', AdminStatus: 'Up', MediaType: '802.3' },
    { Name: 'Bluetooth', InterfaceDescription: 'Bluetooth Device (PAN)', Status: 'Disconnected', AdminStatus: 'Down', MediaType: '802.3' },
  ],
  defaultRoutes: 2,
  routes: [
    { DestinationPrefix: '0.0.0.0/0', NextHop: '192.168.1.1', InterfaceAlias: 'Wi-Fi' },
    { DestinationPrefix: '::/0', NextHop: 'fe80::1', InterfaceAlias: 'Wi-Fi' },
  ],
  dns: { InterfaceAlias: 'Wi-Fi', ServerAddresses: ['192.168.1.1', '8.8.8.8'] },
});

describe('Windows network snapshot', () => {
  it('keeps the adapters that were on, the default routes, each DNS server and the Wi-Fi profile', () => {
    const snapshot = parseNetworkSnapshot(JSON_TWO, ['HOME-AP'], 5);
    expect(snapshot.interfaces.map((item) => item.name)).toEqual(['Wi-Fi', 'イーサネット']);
    expect(snapshot.routes).toEqual(['0.0.0.0/0 via 192.168.1.1 if Wi-Fi', '::/0 via fe80::1 if Wi-Fi']);
    expect(snapshot.dns).toEqual(['Wi-Fi=192.168.1.1', 'Wi-Fi=8.8.8.8']);
    expect(snapshot.wifiProfiles).toEqual(['HOME-AP']);
  });

  it('reads a single route and a single DNS entry written as bare objects', () => {
    const one = JSON.stringify({ adapters: { Name: 'Ethernet', Status: 'Up', AdminStatus: 1, MediaType: '802.3' }, routes: { DestinationPrefix: '0.0.0.0/0', NextHop: '10.0.0.1', InterfaceAlias: 'Ethernet' }, dns: { InterfaceAlias: 'Ethernet', ServerAddresses: '10.0.0.1' } });
    expect(parseNetworkSnapshot(one, [], 0)).toMatchObject({ interfaces: [{ name: 'Ethernet', kind: 'wired' }], routes: ['0.0.0.0/0 via 10.0.0.1 if Ethernet'], dns: ['Ethernet=10.0.0.1'] });
  });

  it('names each item that did not come back', () => {
    const saved = parseNetworkSnapshot(JSON_TWO, ['HOME-AP'], 0);
    const now = { ...saved, wifiProfiles: [], routes: saved.routes.slice(1), interfaces: saved.interfaces.slice(1) };
    const missing = compareSnapshots(saved, now).filter((item) => !item.back);
    expect(missing.map((item) => `${item.kind}:${item.name}`)).toEqual(['interface:Wi-Fi', 'wifi:HOME-AP', 'route:0.0.0.0/0 via 192.168.1.1 if Wi-Fi']);
  });
});
