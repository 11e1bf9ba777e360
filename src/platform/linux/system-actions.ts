/** The Linux {@link SystemActions}: network by nmcli/ip, processes by signal, files by quarantine. */
import { join } from 'node:path';
import type { SystemActions } from '../../engine/ports/system-actions.js';
import { LinuxNetwork, type LinuxNetworkOptions } from './network.js';
import { stopLinuxProcess, stopSystemdService } from './process-control.js';
import { FolderQuarantine } from '../folder-quarantine.js';
import { removeLinuxAutostart, runLinuxUninstaller } from './uninstall.js';

/** Options for {@link createLinuxSystemActions}. */
export interface LinuxSystemActionsOptions {
  readonly dataHome: string;
  readonly network?: LinuxNetworkOptions;
}

/** Builds the Linux adapter. Elevation is not requested on Linux: `needs-admin` says so instead. */
export function createLinuxSystemActions(options: LinuxSystemActionsOptions): SystemActions {
  const network = new LinuxNetwork(options.network);
  const quarantine = new FolderQuarantine(join(options.dataHome, 'quarantine'), { storedMode: 0o400 });
  return {
    networkStatus: () => network.status(),
    networkSnapshot: () => network.snapshot(Date.now()),
    disconnectNetwork: (request) => network.disconnect(request.snapshot),
    restoreNetwork: (snapshot) => network.restore(snapshot),
    reconnectNetwork: (request) => network.reconnect(request.interfaces, request.routes),
    stopProcess: (target) => stopLinuxProcess(target),
    stopService: (name) => stopSystemdService(name),
    runUninstaller: (target) => runLinuxUninstaller(target),
    quarantine: (path, reason) => quarantine.quarantine(path, reason),
    restore: (id) => quarantine.restore(id),
    listQuarantine: () => quarantine.list(),
    removeAutostart: (target) => removeLinuxAutostart(target, quarantine),
  };
}
