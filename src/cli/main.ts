import { storeUnavailableText, storeWriteRefusedText } from '../engine/incident/store-notice.js';
import { StoreUnavailableError } from '../storage/open-errors.js';
import { writeLine, type CliCommand, type CliIo } from './io.js';

interface CommandEntry {
  readonly summary: string;
  readonly load: () => Promise<{ readonly run: CliCommand }>;
}

/** Every command, loaded lazily so `scarestop classify` does not pay for the scanner. */
const commands: Readonly<Record<string, CommandEntry>> = {
  classify: { summary: 'Classify window titles/observations (JSON lines on stdin, or one title)', load: () => import('./commands/classify.js') },
  scan: { summary: 'Find remote-access tools (installed, running, portable, unattended, connected)', load: () => import('./commands/scan.js') },
  watch: { summary: 'Watch the window in front; report and close fake virus warnings (--close=ask|auto|never, --json)', load: () => import('./commands/watch.js') },
  inspect: { summary: 'Read the text of the window in front (or --window ID) on this PC and classify it (--json)', load: () => import('./commands/inspect.js') },
  'close-now': { summary: 'Close the scary browser window in front now (--force for suspicious pages)', load: () => import('./commands/close-now.js') },
  family: { summary: 'Family alerts: add|list|remove|test contacts, smtp settings, status|flush|run delivery', load: () => import('./commands/family.js') },
  numbers: { summary: 'Known scam numbers: import FILE (CSV number,source,date,note), count', load: () => import('./commands/numbers.js') },
  'check-number': { summary: 'Is this phone number a known scam number? (--json)', load: () => import('./commands/check-number.js') },
  cleanup: { summary: 'Recovery wizard: disconnect, end sessions, remove tools, accounts, help, reconnect (--plan --json)', load: () => import('./commands/cleanup.js') },
  report: { summary: 'Write the incident report as printable HTML (--incident ID --out FILE --lang ja|en)', load: () => import('./commands/report.js') },
  history: { summary: 'List incidents and how far their recovery got (--json)', load: () => import('./commands/history.js') },
};

function usage(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  const lines = Object.entries(commands).map(([name, entry]) => `  ${name.padEnd(width)}  ${entry.summary}`);
  return [
    'ScareStop: closes fake virus-warning screens and helps you recover.',
    '',
    'Usage: scarestop <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `scarestop <command> --help` for the options of one command.',
    'Data folder: $SCARESTOP_HOME, else %APPDATA%\\ScareStop (Windows) or $XDG_DATA_HOME/scarestop.',
  ].join('\n');
}

/** Entry point of the `scarestop` command; returns the exit status. */
export async function main(argv: readonly string[], io: CliIo = defaultIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    writeLine(io.stdout, usage());
    return name === undefined ? 2 : 0;
  }
  const entry = commands[name];
  if (entry === undefined) {
    writeLine(io.stderr, `scarestop: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  const command = await entry.load();
  try {
    return await command.run(rest, io);
  } catch (error) {
    const problem = storeProblemText(error, io.env);
    if (problem === undefined) throw error;
    writeLine(io.stderr, `scarestop ${name}: ${problem}`);
    return 1;
  }
}

/**
 * Plain words for the record being unavailable or read-only (a full disk, a read-only folder,
 * a newer version's file), instead of a stack trace; undefined for any other error.
 */
function storeProblemText(error: unknown, env: NodeJS.ProcessEnv): string | undefined {
  const lang = (env['LC_ALL'] ?? env['LC_MESSAGES'] ?? env['LANG'] ?? '').toLowerCase().startsWith('ja') ? 'ja' : 'en';
  if (error instanceof StoreUnavailableError) return storeUnavailableText(error.reason, lang);
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_FULL')) return storeWriteRefusedText(lang);
  return undefined;
}

/** True for the error a write gets when the reader went away (`scarestop classify ... | head -1`). */
function isClosedPipe(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'EPIPE';
}

/**
 * What bin/scarestop.mjs runs: `main` over this process's streams, with the exit status set.
 * When the reader of our output goes away (a closed pipe), the command ends quietly: the
 * reader has what it wanted, a stack trace would only frighten.
 */
export async function runCommandLine(argv: readonly string[]): Promise<void> {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: unknown) => {
      if (!isClosedPipe(error)) throw error;
      process.exit(0);
    });
  }
  process.exitCode = await main(argv);
}

function defaultIo(): CliIo {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };
}
