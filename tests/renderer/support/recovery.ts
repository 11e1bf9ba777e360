/** The recovery features the renderer tests compose: the real ones, over the given inventory. */
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import type { InventorySnapshot, InventorySource, SystemActions } from '../../../src/engine/ports.js';
import { systemClock } from '../../../src/engine/watch/index.js';
import type { RecoveryFactory } from '../../../src/main/recovery-features.js';
import { recoveryFactory } from '../../../src/main/recovery.js';
import { RecordingSystemActions } from './fake-system.js';

/** An inventory with nothing on it (screens that do not scan). */
export const emptyInventory: InventorySource = {
  snapshot: () =>
    Promise.resolve({
      installed: { ok: true, items: [] },
      processes: { ok: true, items: [] },
      services: { ok: true, items: [] },
      userFiles: { ok: true, items: [] },
      autostart: { ok: true, items: [] },
      artifacts: { ok: true, items: [] },
      connections: { ok: true, items: [] },
    }),
};

/**
 * The real inventory, limited to processes (and their connections) started from `root`.
 * Other test files run stand-in remote tools at the same time (a copy of sleep named AnyDesk in
 * their own pid namespace is still visible in this /proc): a machine-wide process list would
 * show those as "AnyDesk is running", add an end-session step this test never planned, and the
 * recording system actions cannot stop them. Files, packages and autostart stay real.
 */
export function processesUnder(root: string, inventory: InventorySource): InventorySource {
  const prefix = `${realpathSync(root)}/`;
  const inside = (path: string | undefined): boolean => path?.startsWith(prefix) === true;
  return {
    async snapshot(options): Promise<InventorySnapshot> {
      const snapshot = await inventory.snapshot(options);
      if (!snapshot.processes.ok) return snapshot;
      const processes = snapshot.processes.items.filter((item) => inside(item.path));
      const pids = new Set(processes.map((item) => item.pid));
      const connections = snapshot.connections.ok ? { ok: true as const, items: snapshot.connections.items.filter((item) => item.pid !== undefined && pids.has(item.pid)) } : snapshot.connections;
      return { ...snapshot, processes: { ok: true, items: processes }, connections };
    },
  };
}

/** Real recovery features over `inventory`, with system actions that only record. */
export function realRecovery(inventory: InventorySource = emptyInventory, systemActions: SystemActions = new RecordingSystemActions(), locale = 'en-US'): (dataHome: string) => RecoveryFactory {
  return (dataHome) => recoveryFactory({ inventory, systemActions, clock: systemClock, reportsDir: join(dataHome, 'reports'), locale });
}
