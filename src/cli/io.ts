import type { Readable, Writable } from 'node:stream';

/** Streams and environment a CLI command runs with (tests pass their own). */
export interface CliIo {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly env: NodeJS.ProcessEnv;
}

/** A command: parses its own arguments, returns the exit status. */
export type CliCommand = (args: readonly string[], io: CliIo) => Promise<number>;

/** Writes one line. */
export function writeLine(stream: Writable, line: string): void {
  stream.write(`${line}\n`);
}
