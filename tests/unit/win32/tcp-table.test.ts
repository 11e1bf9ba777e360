import { describe, expect, it } from 'vitest';
import { parseTcpTable } from '../../../src/platform/win32/tcp-table.js';

/** A MIB_TCPTABLE_OWNER_PID as GetExtendedTcpTable lays it out (little-endian DWORDs, network-order addresses and ports). */
function table(rows: Array<[state: number, local: string, localPort: number, remote: string, remotePort: number, pid: number]>, declared = rows.length): Buffer {
  const buffer = Buffer.alloc(4 + rows.length * 24);
  buffer.writeUInt32LE(declared, 0);
  rows.forEach(([state, local, localPort, remote, remotePort, pid], i) => {
    const at = 4 + i * 24;
    buffer.writeUInt32LE(state, at);
    Buffer.from(local.split('.').map(Number)).copy(buffer, at + 4);
    buffer.writeUInt16BE(localPort, at + 8);
    Buffer.from(remote.split('.').map(Number)).copy(buffer, at + 12);
    buffer.writeUInt16BE(remotePort, at + 16);
    buffer.writeUInt32LE(pid, at + 20);
  });
  return buffer;
}

describe('GetExtendedTcpTable parser', () => {
  it('reads states, addresses, ports and owning pids', () => {
    const rows = parseTcpTable(table([
      [5, '192.168.1.20', 50432, '51.15.12.3', 443, 4312],
      [2, '0.0.0.0', 7070, '0.0.0.0', 0, 4312],
    ]));
    expect(rows).toEqual([
      { state: 'ESTABLISHED', localAddress: '192.168.1.20', localPort: 50432, remoteAddress: '51.15.12.3', remotePort: 443, pid: 4312 },
      { state: 'LISTEN', localAddress: '0.0.0.0', localPort: 7070, remoteAddress: '0.0.0.0', remotePort: 0, pid: 4312 },
    ]);
  });

  it('never reads past the buffer when the row count lies', () => {
    expect(parseTcpTable(table([[5, '10.0.0.1', 1, '10.0.0.2', 2, 3]], 1_000_000))).toHaveLength(1);
    expect(parseTcpTable(Buffer.alloc(2))).toEqual([]);
  });
});
