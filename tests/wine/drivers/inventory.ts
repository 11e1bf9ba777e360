/**
 * Runs under Windows' node.exe in Wine: starts the stand-in remote-access tools, takes a full
 * inventory snapshot with the Windows adapter and writes it (plus timings and the raw registry
 * values, which tests/fixtures/win32/ keeps as recorded samples) to results.json.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, connect } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import type { InventorySnapshot } from '../../../src/engine/ports/inventory.js';
import { loadKoffi, loadNativeReg } from '../../../src/platform/win32/native-modules.js';
import { keyValues } from '../../../src/platform/win32/registry.js';
import { createRegistryInventory } from '../../../src/platform/win32/win32-inventory.js';
import { win32 } from '../../../src/platform/win32/win32-api.js';
import { readConfig, writeResults } from '../support/driver-io.js';

/** What the test passes in (Windows paths). */
export interface InventoryDriverConfig {
  readonly anyDesk: string;
  readonly renamed: string;
  /** Environment overrides: USERPROFILE, TEMP, APPDATA, ProgramData point at test folders. */
  readonly env: Record<string, string>;
  readonly artifactPaths: string[];
}

const config = readConfig<InventoryDriverConfig>();
const started: number[] = [];
for (const exe of [config.anyDesk, config.renamed]) {
  const child = spawn(exe, [], { stdio: 'ignore' });
  child.on('error', () => undefined);
  if (child.pid !== undefined) started.push(child.pid);
}

// An established loopback connection owned by this node.exe, for the TCP table.
const server = createServer((socket) => socket.on('error', () => undefined));
server.listen(0, '127.0.0.1');
await once(server, 'listening');
const address = server.address();
const port = typeof address === 'object' && address !== null ? address.port : 0;
const client = connect(port, '127.0.0.1');
await once(client, 'connect');
await delay(300); // let the stand-ins reach their message loop

// An installed (stopped) "AnyDesk Service", registered the way its installer does it.
const koffi = await loadKoffi();
const advapi = koffi.load('advapi32.dll');
const OpenSCManagerW = advapi.func('void * __stdcall OpenSCManagerW(str16 machine, str16 database, uint32_t access)');
const CreateServiceW = advapi.func(
  'void * __stdcall CreateServiceW(void *scm, str16 name, str16 display, uint32_t access, uint32_t type, uint32_t start, uint32_t error, str16 path, str16 group, void *tag, str16 deps, str16 user, str16 password)',
);
const CloseServiceHandle = advapi.func('bool __stdcall CloseServiceHandle(void *handle)');
const scm: unknown = OpenSCManagerW(null, null, 0x0002 /* SC_MANAGER_CREATE_SERVICE */);
const service: unknown = CreateServiceW(scm, 'AnyDesk', 'AnyDesk Service', 0xf01ff, 0x10, 3, 1, '"C:\\Program Files (x86)\\AnyDesk\\AnyDesk.exe" --service', null, null, null, null, null);
const serviceCreated = service !== null && service !== 0n;
if (serviceCreated) CloseServiceHandle(service);
CloseServiceHandle(scm);

const inventory = createRegistryInventory({ env: { ...process.env, ...config.env } });
const t0 = Date.now();
const snapshot: InventorySnapshot = await inventory.snapshot({ artifactPaths: config.artifactPaths });
const snapshotMs = Date.now() - t0;
const t1 = Date.now();
await inventory.snapshot({ artifactPaths: config.artifactPaths, quick: true });
const quickMs = Date.now() - t1;

const reg = await loadNativeReg();
const recordedUninstall = keyValues(reg, 'HKLM', 'SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\AnyDesk');

const kernel32 = await win32('kernel32');
for (const pid of started) kernel32.terminate(pid, 0);
client.destroy();
server.close();

writeResults({
  snapshot,
  snapshotMs,
  quickMs,
  serviceCreated,
  startedPids: started,
  nodePid: process.pid,
  serverPort: port,
  recordedUninstall: Object.fromEntries(Object.entries(recordedUninstall).map(([name, value]) => [name, typeof value === 'bigint' ? value.toString() : value])),
});
process.exit(0);
