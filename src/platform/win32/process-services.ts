/**
 * Running processes (Toolhelp snapshot + image path + command line + start time + PE version strings) and
 * services (EnumServicesStatusExW + QueryServiceConfigW) as inventory entries.
 */
import type { ProcessEntry, ServiceEntry } from '../../engine/ports/inventory.js';
import { SERVICE_RUNNING, SERVICE_STOPPED, type Advapi32 } from './advapi32.js';
import { executableFromCommandLine } from './command-line.js';
import type { Kernel32 } from './kernel32.js';
import type { PeVersionInfo } from './pe-version.js';
import { peVersionOfFile } from './user-files.js';

/** At most this many distinct images get their version strings read per snapshot. */
const MAX_VERSION_READS = 400;

/** Every process with parent, image path, start time and (unless `quick`) PE version strings. */
export function listWin32Processes(kernel32: Kernel32, options: { readonly quick?: boolean } = {}): ProcessEntry[] {
  const versions = new Map<string, PeVersionInfo | undefined>();
  return kernel32.processSnapshot().map((row) => {
    const path = row.pid > 4 ? kernel32.imagePath(row.pid) : undefined;
    const started = row.pid > 4 ? kernel32.startTime(row.pid) : undefined;
    const commandLine = row.pid > 4 ? kernel32.commandLine(row.pid) : undefined;
    let version: PeVersionInfo | undefined;
    if (path !== undefined && options.quick !== true) {
      const key = path.toLowerCase();
      if (!versions.has(key) && versions.size < MAX_VERSION_READS) versions.set(key, peVersionOfFile(path));
      version = versions.get(key);
    }
    return {
      pid: row.pid,
      ppid: row.ppid,
      name: row.exeFile,
      ...(path !== undefined ? { path } : {}),
      ...(commandLine !== undefined && commandLine !== '' ? { commandLine } : {}),
      ...(started !== undefined ? { startedAt: new Date(started).toISOString() } : {}),
      ...(version?.productName !== undefined ? { productName: version.productName } : {}),
      ...(version?.originalFilename !== undefined ? { originalFilename: version.originalFilename } : {}),
      ...(version?.companyName !== undefined ? { companyName: version.companyName } : {}),
    };
  });
}

/** Every Win32 service with state, pid and executable path. */
export function listWin32Services(advapi32: Advapi32): ServiceEntry[] {
  return advapi32.services(true).map((service) => {
    const imagePath = service.binaryPath === undefined ? undefined : executableFromCommandLine(service.binaryPath);
    return {
      name: service.name,
      displayName: service.displayName,
      state: service.currentState === SERVICE_RUNNING ? 'running' : service.currentState === SERVICE_STOPPED ? 'stopped' : 'other',
      ...(imagePath !== undefined ? { imagePath } : {}),
      ...(service.pid > 0 ? { pid: service.pid } : {}),
    };
  });
}
