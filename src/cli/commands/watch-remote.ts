/**
 * The remote-session part of `scarestop watch`: starts the remote guard (the same composition
 * the app uses), prints its events, and takes the person's answers on stdin —
 * `end <pauseId>` ("End it") or `known <pauseId>` ("This is someone I know"); the pause id may
 * be left out when only one tool is paused.
 */
import { createInterface } from 'node:readline';
import { createRemoteGuard, type RemoteGuard } from '../../engine/remote/live/remote-guard.js';
import { systemClock } from '../../engine/watch/index.js';
import { createRemoteLivePorts } from '../../platform/index.js';
import type { RemoteLiveEvent } from '../../shared/remote-live.js';
import { writeLine, type CliIo } from '../io.js';
import { remoteEventToJson, remoteEventToText } from './watch-remote-format.js';
import type { WatchRecord } from './watch-record.js';

/** The running remote part; `stop()` ends the watch and the answer reader. */
export interface CliRemoteWatch {
  readonly guard: RemoteGuard;
  stop(): void;
}

/** Starts watching remote-access tools; undefined (with a message) when the OS adapter is missing. */
export async function startCliRemoteWatch(io: CliIo, record: WatchRecord, options: { readonly json: boolean; readonly onThePhone: boolean }): Promise<CliRemoteWatch | undefined> {
  let ports;
  try {
    ports = await createRemoteLivePorts({ env: io.env });
  } catch (error) {
    writeLine(io.stderr, `scarestop watch: not watching remote-access tools (${error instanceof Error ? error.message : String(error)})`);
    return undefined;
  }
  const guard = createRemoteGuard({ ports, clock: systemClock, ...(record.store !== undefined ? { store: record.store } : {}), ...(record.family !== undefined ? { family: record.family } : {}) });
  if (options.onThePhone) guard.setOnThePhone(true);
  const print = (event: RemoteLiveEvent): void => writeLine(io.stdout, options.json ? JSON.stringify(remoteEventToJson(event)) : remoteEventToText(event));
  guard.watch.subscribe(print);
  const answers = createInterface({ input: io.stdin, terminal: false });
  answers.on('line', (line) => {
    const m = /^\s*(end|known)(?:\s+(\S+))?\s*$/i.exec(line);
    if (m === null) return;
    const paused = guard.watch.paused();
    const pauseId = m[2] ?? (paused.length === 1 ? paused[0]?.pauseId : undefined);
    if (pauseId === undefined) {
      writeLine(io.stderr, `scarestop watch: say which one: ${paused.map((p) => p.pauseId).join(', ') || 'nothing is paused'}`);
      return;
    }
    const tool = paused.find((p) => p.pauseId === pauseId)?.tool;
    const answer = m[1]?.toLowerCase() === 'end' ? guard.watch.endIt(pauseId) : guard.watch.knownHelper(pauseId);
    void answer.then((result) => {
      if (!result.ok && result.pids.length === 0 && result.failed.length === 0) writeLine(io.stderr, `scarestop watch: nothing is paused as ${pauseId}`);
      else if (m[1]?.toLowerCase() === 'end' && tool !== undefined && !options.json) writeLine(io.stderr, `Next: run \`scarestop cleanup\` to remove ${tool} for good.`);
    });
  });
  guard.start();
  return {
    guard,
    stop() {
      guard.stop();
      answers.close();
    },
  };
}
