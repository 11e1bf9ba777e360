/**
 * Pure parser of a MIB_TCPTABLE_OWNER_PID (what GetExtendedTcpTable fills): a DWORD row count,
 * then rows of six DWORDs { state, localAddr, localPort, remoteAddr, remotePort, owningPid }.
 * Addresses are in network byte order; ports are in network byte order in the low 16 bits.
 */

/** MIB_TCP_STATE (1..12) → the state names the Linux adapter uses too (`ESTABLISHED`, …). */
const TCP_STATES: readonly string[] = [
  'UNKNOWN', 'CLOSE', 'LISTEN', 'SYN_SENT', 'SYN_RECV', 'ESTABLISHED', 'FIN_WAIT1',
  'FIN_WAIT2', 'CLOSE_WAIT', 'CLOSING', 'LAST_ACK', 'TIME_WAIT', 'DELETE_TCB',
];

/** One TCP row. */
export interface TcpRow {
  readonly state: string;
  readonly localAddress: string;
  readonly localPort: number;
  readonly remoteAddress: string;
  readonly remotePort: number;
  readonly pid: number;
}

const ROW_BYTES = 24;

function ipv4(buffer: Buffer, offset: number): string {
  return `${buffer[offset] ?? 0}.${buffer[offset + 1] ?? 0}.${buffer[offset + 2] ?? 0}.${buffer[offset + 3] ?? 0}`;
}

function port(buffer: Buffer, offset: number): number {
  return buffer.readUInt16BE(offset); // first two bytes of the DWORD, network order
}

/** Parses the table; rows that would read past the buffer are dropped (bounded by its length). */
export function parseTcpTable(buffer: Buffer): TcpRow[] {
  if (buffer.length < 4) return [];
  const declared = buffer.readUInt32LE(0);
  const fits = Math.floor((buffer.length - 4) / ROW_BYTES);
  const count = Math.min(declared, fits);
  const rows: TcpRow[] = [];
  for (let i = 0; i < count; i += 1) {
    const at = 4 + i * ROW_BYTES;
    const state = buffer.readUInt32LE(at);
    rows.push({
      state: TCP_STATES[state] ?? `STATE_${state}`,
      localAddress: ipv4(buffer, at + 4),
      localPort: port(buffer, at + 8),
      remoteAddress: ipv4(buffer, at + 12),
      remotePort: port(buffer, at + 16),
      pid: buffer.readUInt32LE(at + 20),
    });
  }
  return rows;
}
