/**
 * `ProcInventory`: the Linux InventorySource — packages (dpkg/rpm), processes and TCP
 * connections (/proc), systemd services, autostart `.desktop` files, program files in the
 * user's folders and the tools' evidence files. Each source fails on its own: the snapshot
 * always resolves.
 */
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InventorySnapshot, InventorySource, SnapshotOptions, SourceResult } from '../../engine/ports/inventory.js';
import { listPackages, listServices } from './inventory-commands.js';
import { listAutostart, listUserFiles, readArtifacts } from './inventory-files.js';
import { listConnections, listProcesses } from './inventory-proc.js';

/** Where to look; tests point these at temporary folders. */
export interface ProcInventoryOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly home?: string;
  readonly proc?: string;
}

async function source<T>(read: () => Promise<readonly T[]>): Promise<SourceResult<T>> {
  try {
    return { ok: true, items: await read() };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

const skipped = { ok: false, error: 'skipped (quick)' } as const;

/** The Linux inventory adapter. */
export class ProcInventory implements InventorySource {
  private readonly env: NodeJS.ProcessEnv;
  private readonly home: string;
  private readonly proc: string;

  constructor(options: ProcInventoryOptions = {}) {
    this.env = options.env ?? process.env;
    const envHome = this.env['HOME'];
    this.home = options.home ?? (envHome !== undefined && envHome !== '' ? envHome : homedir());
    this.proc = options.proc ?? '/proc';
  }

  /** The user folders walked for portable programs. */
  userFolders(): string[] {
    const tmp = this.env['TMPDIR'];
    return [join(this.home, 'Downloads'), join(this.home, 'Desktop'), join(this.home, 'Documents'), tmp !== undefined && tmp !== '' ? tmp : tmpdir()];
  }

  async snapshot(options: SnapshotOptions): Promise<InventorySnapshot> {
    const xdgConfig = this.env['XDG_CONFIG_HOME'];
    const configHome = xdgConfig !== undefined && xdgConfig !== '' ? xdgConfig : join(this.home, '.config');
    const quick = options.quick === true;
    const [installed, processes, services, userFiles, autostart, artifacts, connections] = await Promise.all([
      source(() => listPackages(this.env)),
      source(() => listProcesses(this.proc)),
      source(() => listServices(this.env)),
      quick ? skipped : source(() => listUserFiles(this.userFolders())),
      source(() => listAutostart([join(configHome, 'autostart'), '/etc/xdg/autostart'])),
      source(() => readArtifacts(options.artifactPaths, this.home)),
      quick ? skipped : source(() => listConnections(this.proc)),
    ]);
    return { installed, processes, services, userFiles, autostart, artifacts, connections };
  }
}

/** Factory used by src/platform/index.ts. */
export function createProcInventory(options: ProcInventoryOptions = {}): InventorySource {
  return new ProcInventory(options);
}
