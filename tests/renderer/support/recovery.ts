/** The recovery features the renderer tests compose (the real ones, over the given inventory). */
import type { InventorySource } from '../../../src/engine/ports.js';
import { systemClock } from '../../../src/engine/watch/index.js';
import type { RecoveryFactory } from '../../../src/main/recovery-features.js';
import { recoveryFactory } from '../../../src/main/recovery.js';

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

/** Real recovery features over `inventory`. */
export function realRecovery(inventory: InventorySource = emptyInventory): (dataHome: string) => RecoveryFactory {
  return (dataHome) => recoveryFactory({ inventory, clock: systemClock, dataHome });
}
