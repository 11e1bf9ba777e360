/**
 * `RegistryInventory`: the Windows InventorySource — Uninstall keys (native-reg), processes,
 * services and TCP connections (Win32 API through koffi), runnable files in the user's folders
 * with PE version strings, Run keys and Startup folders, and catalog artifact files and registry
 * keys (TeamViewer's settings). Each
 * source fails on its own (`{ ok: false, error }`); the snapshot always resolves.
 */
import { isEventLogPath, isRegistryKeyPath, type InstalledProgram, type InventorySnapshot, type InventorySource, type SnapshotOptions, type SourceResult } from '../../engine/ports/inventory.js';
import { readWin32Artifacts } from './artifact-files.js';
import { runKeyEntries, startupFolderEntries, startupFolders } from './autostart.js';
import { loadNativeReg } from './native-modules.js';
import { listWin32Processes, listWin32Services } from './process-services.js';
import { readRegistryArtifacts } from './registry-artifacts.js';
import { readEventLogArtifacts } from './event-log-artifacts.js';
import { keyValues, subkeyNames } from './registry.js';
import { installedProgramFromValues, UNINSTALL_VIEWS } from './uninstall-entries.js';
import { listWin32UserFiles, userFolders } from './user-files.js';
import { win32 } from './win32-api.js';

/** Where to look; tests may point the environment at their own folders. */
export interface RegistryInventoryOptions {
  readonly env?: NodeJS.ProcessEnv;
}

async function source<T>(read: () => Promise<readonly T[]> | readonly T[]): Promise<SourceResult<T>> {
  try {
    return { ok: true, items: await read() };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

const skipped = { ok: false, error: 'skipped (quick)' } as const;

/** Installed programs from the three Uninstall views. */
export async function listUninstallEntries(): Promise<InstalledProgram[]> {
  const reg = await loadNativeReg();
  const programs: InstalledProgram[] = [];
  for (const view of UNINSTALL_VIEWS) {
    for (const name of subkeyNames(reg, view.root, view.path)) {
      const keyPath = `${view.path}\\${name}`;
      const program = installedProgramFromValues(keyValues(reg, view.root, keyPath), `${view.root}\\${keyPath}`);
      if (program !== undefined) programs.push(program);
    }
  }
  return programs;
}

/** The Windows inventory adapter. */
export class RegistryInventory implements InventorySource {
  private readonly env: NodeJS.ProcessEnv;

  constructor(options: RegistryInventoryOptions = {}) {
    this.env = options.env ?? process.env;
  }

  async snapshot(options: SnapshotOptions): Promise<InventorySnapshot> {
    const quick = options.quick === true;
    const installed = await source(listUninstallEntries);
    const processes = await source(async () => listWin32Processes(await win32('kernel32'), { quick }));
    const services = await source(async () => listWin32Services(await win32('advapi32')));
    const userFiles = quick ? skipped : await source(() => listWin32UserFiles(userFolders(this.env)));
    const autostart = await source(async () => [...runKeyEntries(await loadNativeReg()), ...(await startupFolderEntries(startupFolders(this.env)))]);
    const keys = options.artifactPaths.filter(isRegistryKeyPath);
    const logs = options.artifactPaths.filter(isEventLogPath);
    const files = options.artifactPaths.filter((path) => !isRegistryKeyPath(path) && !isEventLogPath(path));
    const artifacts = await source(async () => [
      ...(await readWin32Artifacts(files, this.env)),
      ...(keys.length > 0 ? readRegistryArtifacts(await loadNativeReg(), keys) : []),
      ...(quick ? [] : await readEventLogArtifacts(logs)),
    ]);
    const connections = quick
      ? skipped
      : await source(async () =>
          (await win32('iphlpapi')).tcpTable().map((row) => ({
            // pid 0 is "System Idle" (TIME_WAIT rows) or, under Wine, unknown: not an owner.
            ...(row.pid > 0 ? { pid: row.pid } : {}),
            localAddress: row.localAddress,
            remoteAddress: row.remoteAddress,
            remotePort: row.remotePort,
            state: row.state,
          })),
        );
    return { installed, processes, services, userFiles, autostart, artifacts, connections };
  }
}

/** Factory used by src/platform/index.ts. */
export function createRegistryInventory(options: RegistryInventoryOptions = {}): InventorySource {
  return new RegistryInventory(options);
}
