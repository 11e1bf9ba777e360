/**
 * `scarestop watch [--close=ask|auto|never] [--json] [--no-content-check] [--no-tool-watch]`:
 * the same guard the tray app runs (src/engine/guard), printed to the terminal: detections,
 * actions, remote-access tools that start. Honours the allow list kept in the data folder.
 * Ctrl+C stops.
 */
import { createInterface } from 'node:readline/promises';
import { createGuard, type GuardPorts } from '../../engine/guard/index.js';
import type { InventorySource, PageTextReader } from '../../engine/ports.js';
import { systemClock } from '../../engine/watch/system-clock.js';
import { createBrowserAudio, createInventorySource, createPageAddressReader, createPageTextReader, createWindowPlatform } from '../../platform/index.js';
import { CLOSE_MODES, type CloseMode } from '../../shared/watch-events.js';
import { writeLine, type CliCommand, type CliIo } from '../io.js';
import { senderOptions } from './family-runtime.js';
import { openCliGuardStore, stderrLogger } from './guard-store.js';
import { guardEventToJson, guardEventToText } from './watch-format.js';
import { cliRemoteWatch } from './watch-remote.js';

const HELP = `Usage: scarestop watch [--close=ask|auto|never] [--json] [--no-content-check] [--no-tool-watch] [--no-remote] [--on-the-phone]

Watches the window in front. When a web page pretends your computer has a virus:
  --close=ask    ask here before closing it
  --close=auto   close it at once (the browser is ended if the page refuses)
  --close=never  only report it
                 (without --close: the setting saved by the ScareStop app, else ask)
  --json         one JSON object per line: {"event","verdict","title","pid","windowId","ms",...}
  --no-content-check  do not read suspicious pages' text (screen capture + OCR, on this PC)
  --no-tool-watch     do not look for remote-access tools that start (checked every minute)
  --tool-check-seconds=N  look for remote-access tools every N seconds
Pages you marked "This page is fine" in the app are left alone.
When a remote-access tool (AnyDesk, TeamViewer, ...) starts or someone connects with it shortly
after a scam page, it is paused at once; type "end" to end it or "known" if this is someone you
know (add the pause id when several are paused). Otherwise it is only reported.
  --no-remote      do not watch remote-access tools as they start
  --on-the-phone   a caller asked you to install something: pause any remote-access tool,
                   running ones too, for the next 4 hours (saved: the app keeps it too)
Press Ctrl+C to stop.`;

interface WatchArgs {
  readonly closeMode?: CloseMode;
  readonly json: boolean;
  readonly contentCheck: boolean;
  readonly toolWatch: boolean;
  readonly toolCheckMs: number;
  readonly remote: boolean;
  readonly onThePhone: boolean;
}

/** Parses arguments; a string is an error message. */
export function parseWatchArgs(args: readonly string[]): WatchArgs | string | 'help' {
  let closeMode: CloseMode | undefined;
  let json = false;
  let contentCheck = true;
  let toolWatch = true;
  let toolCheckMs = 60_000;
  let remote = true;
  let onThePhone = false;
  for (const arg of args) {
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--json') json = true;
    else if (arg === '--no-content-check') contentCheck = false;
    else if (arg === '--no-tool-watch') toolWatch = false;
    else if (arg === '--no-remote') remote = false;
    else if (arg === '--on-the-phone') onThePhone = true;
    else if (arg.startsWith('--tool-check-seconds=')) {
      const seconds = Number(arg.slice('--tool-check-seconds='.length));
      if (!Number.isFinite(seconds) || seconds < 1 || seconds > 3600) return `bad number of seconds in ${arg} (1 to 3600)`;
      toolCheckMs = Math.round(seconds * 1000);
    } else if (arg.startsWith('--close=')) {
      const mode = CLOSE_MODES.find((m) => m === arg.slice('--close='.length));
      if (mode === undefined) return `unknown close mode in ${arg} (use ask, auto or never)`;
      closeMode = mode;
    } else return `unknown option ${arg}`;
  }
  return { ...(closeMode !== undefined ? { closeMode } : {}), json, contentCheck, toolWatch, toolCheckMs, remote, onThePhone };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function optionalReader(io: CliIo, wanted: boolean): Promise<PageTextReader | undefined> {
  if (!wanted) return undefined;
  try {
    return await createPageTextReader({ env: io.env });
  } catch (error) {
    writeLine(io.stderr, `scarestop watch: page reading is off (${errorText(error)})`);
    return undefined;
  }
}

async function optionalInventory(io: CliIo, wanted: boolean): Promise<InventorySource | undefined> {
  if (!wanted) return undefined;
  try {
    return await createInventorySource({ env: io.env });
  } catch (error) {
    writeLine(io.stderr, `scarestop watch: not looking for remote-access tools (${errorText(error)})`);
    return undefined;
  }
}

/** Asks on the terminal, one question at a time; the prompt goes to stderr so --json stays clean. */
function terminalQuestion(io: CliIo): NonNullable<GuardPorts['confirmClose']> {
  let asking: Promise<unknown> = Promise.resolve();
  return ({ window }) => {
    const answer = asking.then(async () => {
      const rl = createInterface({ input: io.stdin, output: io.stderr, terminal: false });
      try {
        const reply = await rl.question(`Close ${JSON.stringify(window.title.slice(0, 120))}? [y/N] `);
        return /^y(es)?$/i.test(reply.trim());
      } finally {
        rl.close();
      }
    });
    asking = answer.catch(() => false);
    return answer;
  };
}

function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** The page's sound and address adapters; each one that cannot start is left out with a note. */
async function browserPagePorts(io: CliIo): Promise<Pick<GuardPorts, 'audio' | 'addresses'>> {
  const [audio, addresses] = await Promise.all([
    createBrowserAudio({ env: io.env }).catch((error: unknown) => {
      writeLine(io.stderr, `scarestop watch: cannot silence pages (${errorText(error)})`);
      return undefined;
    }),
    createPageAddressReader({ env: io.env }).catch((error: unknown) => {
      writeLine(io.stderr, `scarestop watch: cannot read page addresses (${errorText(error)})`);
      return undefined;
    }),
  ]);
  return { ...(audio !== undefined ? { audio } : {}), ...(addresses !== undefined ? { addresses } : {}) };
}

export const run: CliCommand = async (args, io) => {
  const parsed = parseWatchArgs(args);
  if (parsed === 'help') {
    writeLine(io.stdout, HELP);
    return 0;
  }
  if (typeof parsed === 'string') {
    writeLine(io.stderr, `scarestop watch: ${parsed}\n\n${HELP}`);
    return 2;
  }
  let platform;
  try {
    platform = await createWindowPlatform({ env: io.env });
  } catch (error) {
    writeLine(io.stderr, `scarestop watch: cannot watch windows: ${errorText(error)}`);
    return 1;
  }
  const pageText = await optionalReader(io, parsed.contentCheck);
  const inventory = await optionalInventory(io, parsed.toolWatch);
  const page = await browserPagePorts(io);
  const opened = openCliGuardStore(io, 'watch', { senders: senderOptions(io.env) });
  const remote = parsed.remote ? await cliRemoteWatch(io, { json: parsed.json, onThePhone: parsed.onThePhone }) : undefined;
  const guard = createGuard(
    {
      windows: platform.windows,
      actions: platform.actions,
      clock: systemClock,
      logger: stderrLogger(io, 'watch'),
      ...opened?.ports,
      ...(pageText !== undefined ? { pageText } : {}),
      ...(inventory !== undefined ? { inventory } : {}),
      ...page,
      confirmClose: terminalQuestion(io),
    },
    { ...(parsed.closeMode !== undefined ? { closeMode: parsed.closeMode } : {}), newToolIntervalMs: parsed.toolCheckMs, ...(remote !== undefined ? { plugins: [remote.plugin] } : {}) },
  );
  guard.subscribe((event) => {
    const line = parsed.json ? guardEventToJson(event) : guardEventToText(event);
    if (line !== undefined) writeLine(io.stdout, typeof line === 'string' ? line : JSON.stringify(line));
  });
  const mode = parsed.closeMode ?? opened?.store.getSettings().closeMode ?? 'ask';
  if (!parsed.json) writeLine(io.stderr, `Watching (close mode: ${mode}). Press Ctrl+C to stop.`);
  guard.start();
  await untilInterrupted();
  guard.stop();
  remote?.close();
  opened?.close();
  platform.dispose();
  return 0;
};
