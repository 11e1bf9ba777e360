/** The recovery features the renderer tests compose: the real ones, over the given inventory. */
import { join } from 'node:path';
import type { InventorySource, SystemActions } from '../../../src/engine/ports.js';
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

/** Real recovery features over `inventory`, with system actions that only record. */
export function realRecovery(inventory: InventorySource = emptyInventory, systemActions: SystemActions = new RecordingSystemActions(), locale = 'en-US'): (dataHome: string) => RecoveryFactory {
  return (dataHome) => recoveryFactory({ inventory, systemActions, clock: systemClock, reportsDir: join(dataHome, 'reports'), locale });
}
