/**
 * `scarestop watch [--close=ask|auto|never] [--json] [--no-content-check]`: watches the
 * foreground window, prints detections and actions, closes scam pages as told. Ctrl+C stops.
 */
import { createInterface } from 'node:readline/promises';
import { createWatcher, systemClock, type WatcherDeps } from '../../engine/watch/index.js';
import type { PageTextReader } from '../../engine/ports/page-text.js';
import { createPageTextReader, createWindowPlatform } from '../../platform/index.js';
import { CLOSE_MODES, type CloseMode } from '../../shared/watch-events.js';
import { writeLine, type CliCommand, type CliIo } from '../io.js';
import { eventToJson, eventToText } from './watch-format.js';
import { openWatchRecord } from './watch-record.js';
import { startCliRemoteWatch } from './watch-remote.js';

const HELP = `Usage: scarestop watch [--close=ask|auto|never] [--json] [--no-content-check] [--no-remote] [--on-the-phone]

Watches the window in front. When a web page pretends your computer has a virus:
  --close=ask    ask here before closing it (default)
  --close=auto   close it at once (the browser is ended if the page refuses)
  --close=never  only report it
  --json         one JSON object per line: {"event","verdict","title","pid","windowId","ms",...}
  --no-content-check  do not read suspicious pages' text (screen capture + OCR, on this PC)
When a remote-access tool (AnyDesk, TeamViewer, ...) starts or someone connects with it shortly
after a scam page, it is paused at once; type "end" to end it or "known" if this is someone you
know (add the pause id when several are paused). Otherwise it is only reported.
  --no-remote      do not watch remote-access tools
  --on-the-phone   a caller asked you to install something: pause any remote-access tool
Press Ctrl+C to stop.`;

interface WatchArgs {
  readonly closeMode: CloseMode;
  readonly json: boolean;
  readonly contentCheck: boolean;
  readonly remote: boolean;
  readonly onThePhone: boolean;
}

/** Parses arguments; a string is an error message. */
export function parseWatchArgs(args: readonly string[]): WatchArgs | string | 'help' {
  let closeMode: CloseMode = 'ask';
  let json = false;
  let contentCheck = true;
  let remote = true;
  let onThePhone = false;
  for (const arg of args) {
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--json') json = true;
    else if (arg === '--no-content-check') contentCheck = false;
    else if (arg === '--no-remote') remote = false;
    else if (arg === '--on-the-phone') onThePhone = true;
    else if (arg.startsWith('--close=')) {
      const mode = CLOSE_MODES.find((m) => m === arg.slice('--close='.length));
      if (mode === undefined) return `unknown close mode in ${arg} (use ask, auto or never)`;
      closeMode = mode;
    } else return `unknown option ${arg}`;
  }
  return { closeMode, json, contentCheck, remote, onThePhone };
}

async function optionalReader(io: CliIo, wanted: boolean): Promise<PageTextReader | undefined> {
  if (!wanted) return undefined;
  try {
    return await createPageTextReader({ env: io.env });
  } catch (error) {
    writeLine(io.stderr, `scarestop watch: page reading is off (${error instanceof Error ? error.message : String(error)})`);
    return undefined;
  }
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
    writeLine(io.stderr, `scarestop watch: cannot watch windows: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  const pageText = await optionalReader(io, parsed.contentCheck);
  const record = openWatchRecord(io);
  // One question at a time; the prompt goes to stderr so --json output stays clean.
  let asking: Promise<unknown> = Promise.resolve();
  const confirmClose: WatcherDeps['confirmClose'] = ({ window }) => {
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
  const watcher = createWatcher(
    {
      windows: platform.windows,
      actions: platform.actions,
      clock: systemClock,
      ...(pageText !== undefined ? { pageText } : {}),
      ...(parsed.closeMode === 'ask' ? { confirmClose } : {}),
      detectOptions: record.detectOptions,
    },
    { closeMode: parsed.closeMode },
  );
  const remote = parsed.remote ? await startCliRemoteWatch(io, record, { json: parsed.json, onThePhone: parsed.onThePhone }) : undefined;
  watcher.subscribe((event) => {
    record.onEvent(event);
    remote?.guard.noteWatchEvent(event);
    writeLine(io.stdout, parsed.json ? JSON.stringify(eventToJson(event)) : eventToText(event));
  });
  if (!parsed.json) writeLine(io.stderr, `Watching (close mode: ${parsed.closeMode}). Press Ctrl+C to stop.`);
  watcher.start();
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  watcher.stop();
  remote?.stop();
  record.close();
  platform.dispose();
  return 0;
};
