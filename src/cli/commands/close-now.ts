/**
 * `scarestop close-now [--force] [--json]`: closes the window in front if it is a scam page
 * (what the tray's big button and hotkey do). Refuses for non-browsers and harmless pages;
 * `--force` also closes a page that is only suspicious.
 */
import { classify } from '../../engine/detect/index.js';
import { closeForeground, systemClock } from '../../engine/watch/index.js';
import { createWindowPlatform } from '../../platform/index.js';
import { assertNever } from '../../shared/result.js';
import { writeLine, type CliCommand } from '../io.js';
import { eventToJson, eventToText } from './watch-format.js';

const HELP = `Usage: scarestop close-now [--force] [--json]

Closes the window in front when it is a fake virus warning in a web browser.
  --force  also close a page that is only suspicious (never a program that is not a browser)
  --json   print JSON lines
Exit status: 0 closed, 1 could not close, 3 refused (nothing scary in front).`;

export const run: CliCommand = async (args, io) => {
  let force = false;
  let json = false;
  for (const arg of args) {
    if (arg === '--help' || arg === '-h') {
      writeLine(io.stdout, HELP);
      return 0;
    }
    if (arg === '--force') force = true;
    else if (arg === '--json') json = true;
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
  try {
    const result = await closeForeground({ windows: platform.windows, actions: platform.actions, clock: systemClock, classify }, { force }, (event) =>
      writeLine(io.stdout, json ? JSON.stringify(eventToJson(event)) : eventToText(event)),
    );
    switch (result.status) {
      case 'closed':
        return 0;
      case 'failed':
        return 1;
      case 'refused':
        if (json) writeLine(io.stdout, JSON.stringify({ event: 'refused', verdict: result.verdict?.verdict ?? null, title: result.window?.title ?? null, pid: result.window?.pid ?? null, windowId: result.window?.windowId ?? null, ms: 0, reason: result.reason, message: result.message }));
        else writeLine(io.stderr, `scarestop close-now: ${result.message}`);
        return 3;
      default:
        return assertNever(result, 'close-now result');
    }
  } catch (error) {
    writeLine(io.stderr, `scarestop close-now: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    platform.dispose();
  }
};
