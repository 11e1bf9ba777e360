/**
 * `scarestop close-now [--json]`: closes the browser window in front now, whatever the detector
 * thinks of it (what the tray item, the hotkey and the home button do): the person is in charge.
 * A window of another program is left alone. Recorded in History as the person's decision.
 */
import { createGuard } from '../../engine/guard/index.js';
import { systemClock } from '../../engine/watch/system-clock.js';
import { createWindowPlatform } from '../../platform/index.js';
import { assertNever } from '../../shared/result.js';
import { writeLine, type CliCommand } from '../io.js';
import { openCliGuardStore } from './guard-store.js';
import { eventToJson, eventToText } from './watch-format.js';

const HELP = `Usage: scarestop close-now [--json]

Closes the web browser window in front now (the page, or the whole browser if the page
refuses to close). Another program in front is never closed.
  --json   print JSON lines
Exit status: 0 closed, 1 could not close, 3 nothing closed (no browser window in front).`;

export const run: CliCommand = async (args, io) => {
  let json = false;
  for (const arg of args) {
    if (arg === '--help' || arg === '-h') {
      writeLine(io.stdout, HELP);
      return 0;
    }
    if (arg === '--json') json = true;
    else {
      writeLine(io.stderr, `scarestop close-now: unknown option ${arg}\n\n${HELP}`);
      return 2;
    }
  }
  let platform;
  try {
    platform = await createWindowPlatform({ env: io.env });
  } catch (error) {
    writeLine(io.stderr, `scarestop close-now: cannot reach the windows: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  const opened = openCliGuardStore(io, 'close-now');
  const guard = createGuard({ windows: platform.windows, actions: platform.actions, clock: systemClock, ...opened?.ports });
  guard.subscribe((event) => {
    if (event.kind === 'watch') writeLine(io.stdout, json ? JSON.stringify(eventToJson(event.event)) : eventToText(event.event));
  });
  try {
    const result = await guard.closeNow();
    switch (result.status) {
      case 'closed':
        return 0;
      case 'failed':
        return 1;
      case 'refused':
        if (json) writeLine(io.stdout, JSON.stringify({ event: 'refused', verdict: null, title: result.window?.title ?? null, pid: result.window?.pid ?? null, windowId: result.window?.windowId ?? null, ms: 0, reason: result.reason, message: result.message }));
        else writeLine(io.stderr, `scarestop close-now: ${result.message}`);
        return 3;
      default:
        return assertNever(result, 'close-now result');
    }
  } catch (error) {
    writeLine(io.stderr, `scarestop close-now: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    opened?.close();
    platform.dispose();
  }
};
