/**
 * The guard's store for `scarestop watch` and `close-now`: the same opener the tray app uses
 * (src/platform/guard-store.ts), with its problems said on stderr. If the database cannot be
 * opened the command says so and goes on without a record: watching matters more.
 */
import type { Logger } from '../../engine/ports.js';
import { systemClock } from '../../engine/watch/system-clock.js';
import { openGuardStore, type GuardStore, type GuardStoreOptions } from '../../platform/guard-store.js';
import { dataHome } from '../../platform/index.js';
import { writeLine, type CliIo } from '../io.js';

/** A logger that writes one line per message to stderr, prefixed with the command. */
export function stderrLogger(io: CliIo, command: string): Logger {
  const line = (message: string, data?: Record<string, unknown>): void =>
    writeLine(io.stderr, `scarestop ${command}: ${message}${data === undefined ? '' : ` ${JSON.stringify(data)}`}`);
  return { info: line, warn: line, error: line };
}

/** Opens the store in the data folder, or says why not and returns undefined. */
export function openCliGuardStore(io: CliIo, command: string, family?: GuardStoreOptions['family']): GuardStore | undefined {
  try {
    return openGuardStore({ dataHome: dataHome(io.env), clock: systemClock, logger: stderrLogger(io, command), ...(family !== undefined ? { family } : {}) });
  } catch (error) {
    writeLine(io.stderr, `scarestop ${command}: not recording incidents (${error instanceof Error ? error.message : String(error)})`);
    return undefined;
  }
}
