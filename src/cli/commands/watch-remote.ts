/**
 * The remote-session part of `scarestop watch`: the remote-session plugin (the same object the
 * app plugs into its guard), its events printed, and the person's answers read from stdin —
 * `end <pauseId>` ("End it") or `known <pauseId>` ("This is someone I know"); the pause id may
 * be left out when only one tool is paused.
 */
import { createInterface } from 'node:readline';
import { remoteSessionPlugin, type RemoteSessionPlugin } from '../../engine/remote/live/remote-plugin.js';
import { createRemoteLivePorts } from '../../platform/index.js';
import type { RemoteLiveEvent } from '../../shared/remote-live.js';
import { writeLine, type CliIo } from '../io.js';
import { remoteEventToJson, remoteEventToText } from './watch-remote-format.js';

/** The plugin to pass to the guard, and `close()` for the answer reader. */
export interface CliRemoteWatch {
  readonly plugin: RemoteSessionPlugin;
  close(): void;
}

/** Builds the plugin with printing and stdin answers; undefined (with a message) without an OS adapter. */
export async function cliRemoteWatch(io: CliIo, options: { readonly json: boolean; readonly onThePhone: boolean }): Promise<CliRemoteWatch | undefined> {
  let plugin: RemoteSessionPlugin;
  try {
    plugin = remoteSessionPlugin(await createRemoteLivePorts({ env: io.env }));
  } catch (error) {
    writeLine(io.stderr, `scarestop watch: not watching remote-access tools (${error instanceof Error ? error.message : String(error)})`);
    return undefined;
  }
  if (options.onThePhone) plugin.setOnThePhone(true);
  const print = (event: RemoteLiveEvent): void => writeLine(io.stdout, options.json ? JSON.stringify(remoteEventToJson(event)) : remoteEventToText(event));
  plugin.subscribe(print);
  const answers = createInterface({ input: io.stdin, terminal: false });
  answers.on('line', (line) => {
    const m = /^\s*(end|known)(?:\s+(\S+))?\s*$/i.exec(line);
    if (m === null) return;
    const paused = plugin.paused();
    const pauseId = m[2] ?? (paused.length === 1 ? paused[0]?.pauseId : undefined);
    if (pauseId === undefined) {
      writeLine(io.stderr, `scarestop watch: say which one: ${paused.map((p) => p.pauseId).join(', ') || 'nothing is paused'}`);
      return;
    }
    const end = m[1]?.toLowerCase() === 'end';
    const tool = paused.find((p) => p.pauseId === pauseId)?.tool;
    void (end ? plugin.endIt(pauseId) : plugin.knownHelper(pauseId)).then((result) => {
      if (!result.ok && result.pids.length === 0 && result.failed.length === 0) writeLine(io.stderr, `scarestop watch: nothing is paused as ${pauseId}`);
      else if (end && tool !== undefined) writeLine(io.stderr, `Next: run \`scarestop cleanup\` to remove ${tool} for good.`);
    });
  });
  return { plugin, close: () => answers.close() };
}
