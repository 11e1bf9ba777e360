/**
 * TCP connections with owning pids through iphlpapi's GetExtendedTcpTable (IPv4,
 * TCP_TABLE_OWNER_PID_ALL). The table bytes are parsed by the pure `parseTcpTable`.
 */
import type { Koffi } from './native-modules.js';
import { parseTcpTable, type TcpRow } from './tcp-table.js';

const AF_INET = 2;
const TCP_TABLE_OWNER_PID_ALL = 5;
const NO_ERROR = 0;
const ERROR_INSUFFICIENT_BUFFER = 122;
const MAX_TABLE_BYTES = 16 * 1024 * 1024;

/** Typed iphlpapi functions. */
export interface Iphlpapi {
  /** IPv4 TCP connections and listeners with owning pids. */
  tcpTable(): TcpRow[];
}

/** Binds iphlpapi.dll. Throws when the DLL or the function cannot be found (caller wraps it). */
export function bindIphlpapi(koffi: Koffi): Iphlpapi {
  const lib = koffi.load('iphlpapi.dll');
  const GetExtendedTcpTable = lib.func(
    'uint32_t __stdcall GetExtendedTcpTable(void *table, _Inout_ uint32_t *size, bool order, uint32_t af, int tableClass, uint32_t reserved)',
  );
  return {
    tcpTable() {
      let size = 16 * 1024;
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const buffer = Buffer.alloc(size);
        const sizeRef = [size];
        const status = Number(GetExtendedTcpTable(buffer, sizeRef, false, AF_INET, TCP_TABLE_OWNER_PID_ALL, 0));
        if (status === NO_ERROR) return parseTcpTable(buffer);
        if (status !== ERROR_INSUFFICIENT_BUFFER) throw new Error(`GetExtendedTcpTable returned error ${status}`);
        size = Math.min(MAX_TABLE_BYTES, Math.max(size * 2, (sizeRef[0] ?? 0) + 4096));
      }
      throw new Error('GetExtendedTcpTable kept asking for a bigger buffer');
    },
  };
}
