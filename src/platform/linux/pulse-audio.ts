/**
 * Mutes a browser's own audio streams on Linux through `pactl` (PulseAudio, or PipeWire with
 * pipewire-pulse): the sink inputs whose process is the window's browser or one of its
 * descendants (Chromium plays sound from an audio-service child process). Never touches the
 * system volume or another program's streams.
 */
import { readdir, readFile } from 'node:fs/promises';
import type { AudioOutcome, BrowserAudio, BrowserProcessRef, MutedStream } from '../../engine/ports/browser-page.js';
import { describeFailure, runCommand, type CommandOutput } from '../system-command.js';
import { parseSinkInputs, streamsOfProcesses, type SinkInput } from './pulse-audio-parse.js';
import { descendantsOf, parseProcStat } from './x11-parse.js';

/** Runs pactl; tests and other sound servers may pass another runner. */
export type PactlRunner = (args: readonly string[]) => Promise<CommandOutput>;

/** Options: the environment that names the sound server (XDG_RUNTIME_DIR, PULSE_SERVER). */
export interface PulseAudioOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly procRoot?: string;
  readonly run?: PactlRunner;
}

async function processPairs(procRoot: string): Promise<Array<readonly [number, number]>> {
  const pairs: Array<readonly [number, number]> = [];
  for (const name of await readdir(procRoot)) {
    if (!/^\d+$/u.test(name)) continue;
    const stat = await readFile(`${procRoot}/${name}/stat`, 'utf8').then(parseProcStat, () => undefined);
    if (stat !== undefined) pairs.push([Number(name), stat.ppid]);
  }
  return pairs;
}

/** The `pactl` implementation of the browser-audio port. */
export class PulseBrowserAudio implements BrowserAudio {
  readonly #run: PactlRunner;
  readonly #procRoot: string;

  constructor(options: PulseAudioOptions = {}) {
    const env = options.env ?? process.env;
    this.#run = options.run ?? ((args) => runCommand('pactl', args, { env, timeoutMs: 5_000 }));
    this.#procRoot = options.procRoot ?? '/proc';
  }

  async #sinkInputs(): Promise<SinkInput[] | string> {
    let output: CommandOutput;
    try {
      output = await this.#run(['--format=json', 'list', 'sink-inputs']);
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
    if (output.code !== 0) return describeFailure('pactl', output);
    try {
      return parseSinkInputs(output.stdout);
    } catch (error) {
      return `pactl printed something unexpected: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  async #setMute(streams: readonly SinkInput[], muted: boolean): Promise<AudioOutcome> {
    const changed: MutedStream[] = [];
    const failures: string[] = [];
    for (const stream of streams) {
      const output = await this.#run(['set-sink-input-mute', String(stream.index), muted ? '1' : '0']).catch((error: unknown) => String(error));
      if (typeof output !== 'string' && output.code === 0) changed.push({ streamId: String(stream.index), pid: stream.pid ?? 0 });
      else failures.push(typeof output === 'string' ? output : describeFailure('pactl', output));
    }
    if (failures.length > 0 && changed.length === 0) return { status: 'failed', detail: failures.join('; ').slice(0, 300) };
    return { status: 'done', streams: changed };
  }

  async mute(browser: BrowserProcessRef): Promise<AudioOutcome> {
    const [inputs, pairs] = await Promise.all([this.#sinkInputs(), processPairs(this.#procRoot)]);
    if (typeof inputs === 'string') return { status: 'failed', detail: inputs };
    const tree = new Set([browser.pid, ...descendantsOf(browser.pid, pairs)]);
    const playing = streamsOfProcesses(inputs, tree).filter((input) => !input.muted);
    if (playing.length === 0) return { status: 'not-needed', detail: 'The browser is not playing sound.' };
    return this.#setMute(playing, true);
  }

  async unmute(streams: readonly MutedStream[]): Promise<AudioOutcome> {
    if (streams.length === 0) return { status: 'not-needed', detail: 'Nothing was muted.' };
    const inputs = await this.#sinkInputs();
    if (typeof inputs === 'string') return { status: 'failed', detail: inputs };
    // Only a stream that is still the same one (same index, same process) and still muted.
    const still = inputs.filter((input) => input.muted && streams.some((s) => s.streamId === String(input.index) && s.pid === input.pid));
    if (still.length === 0) return { status: 'not-needed', detail: 'Those sounds have ended.' };
    return this.#setMute(still, false);
  }
}
