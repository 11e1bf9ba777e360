/**
 * Mutes a browser's own audio streams on Linux through `pactl` (PulseAudio, or PipeWire with
 * pipewire-pulse): the sink inputs whose process is the window's browser or one of its
 * descendants (Chromium plays sound from an audio-service child process). Never touches the
 * system volume or another program's streams.
 *
 * Speed matters (the alarm is what panics people): the list of playing streams comes from
 * {@link SinkInputCache} while the guard keeps it ready (else one `pactl list`), then only the
 * ancestry of the few playing processes is read from /proc (not every process on the machine),
 * and the streams are muted in parallel. New streams are announced by {@link PulseStreamWatch}.
 */
import { readFile } from 'node:fs/promises';
import type { AudioOutcome, BrowserAudio, BrowserProcessRef, MutedStream } from '../../engine/ports/browser-page.js';
import { describeFailure, runCommand, type CommandOutput } from '../system-command.js';
import { parseSinkInputs, streamsOfProcesses, type SinkInput } from './pulse-audio-parse.js';
import { SinkInputCache } from './pulse-sink-cache.js';
import { PulseStreamWatch } from './pulse-stream-watch.js';
import { parseProcStat } from './x11-parse.js';

/** Runs pactl; tests and other sound servers may pass another runner. */
export type PactlRunner = (args: readonly string[]) => Promise<CommandOutput>;

/** Options: the environment that names the sound server (XDG_RUNTIME_DIR, PULSE_SERVER). */
export interface PulseAudioOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly procRoot?: string;
  readonly run?: PactlRunner;
  /** Announces new streams (default: one shared `pactl subscribe` in `env`). */
  readonly streamWatch?: PulseStreamWatch;
}

/** Deeper than any real browser tree (browser → zygote → renderer …); also cuts pid cycles. */
const MAX_TREE_DEPTH = 32;

async function statOf(procRoot: string, pid: number): Promise<ReturnType<typeof parseProcStat>> {
  return readFile(`${procRoot}/${pid}/stat`, 'utf8').then(parseProcStat, () => undefined);
}

/** True when `pid` is `root` or one of its descendants (walks up the parent links). */
async function isInTree(procRoot: string, pid: number, root: number): Promise<boolean> {
  let current = pid;
  for (let depth = 0; depth < MAX_TREE_DEPTH && current > 1; depth += 1) {
    if (current === root) return true;
    const stat = await statOf(procRoot, current);
    if (stat === undefined) return false;
    current = stat.ppid;
  }
  return current === root;
}

async function isRunning(procRoot: string, pid: number): Promise<boolean> {
  const stat = await statOf(procRoot, pid);
  return stat !== undefined && stat.state !== 'Z' && stat.state !== 'X';
}

/** The `pactl` implementation of the browser-audio port. */
export class PulseBrowserAudio implements BrowserAudio {
  readonly #run: PactlRunner;
  readonly #procRoot: string;
  readonly #streamWatch: PulseStreamWatch;
  #cache: SinkInputCache | undefined;

  constructor(options: PulseAudioOptions = {}) {
    const env = options.env ?? process.env;
    this.#run = options.run ?? ((args) => runCommand('pactl', args, { env, timeoutMs: 5_000 }));
    this.#procRoot = options.procRoot ?? '/proc';
    this.#streamWatch = options.streamWatch ?? new PulseStreamWatch(env);
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

  async #currentSinkInputs(): Promise<SinkInput[] | string> {
    return (await this.#cache?.current()) ?? this.#sinkInputs();
  }

  async #setMute(streams: readonly SinkInput[], muted: boolean): Promise<AudioOutcome> {
    const changed: MutedStream[] = [];
    const failures: string[] = [];
    const outputs = await Promise.all(streams.map((stream) => this.#run(['set-sink-input-mute', String(stream.index), muted ? '1' : '0']).catch((error: unknown) => String(error))));
    streams.forEach((stream, i) => {
      const output = outputs[i] ?? 'no result';
      if (typeof output !== 'string' && output.code === 0) changed.push({ streamId: String(stream.index), pid: stream.pid ?? 0 });
      else failures.push(typeof output === 'string' ? output : describeFailure('pactl', output));
    });
    this.#cache?.noteMuted(new Set(changed.map((stream) => Number(stream.streamId))), muted);
    if (failures.length > 0 && changed.length === 0) return { status: 'failed', detail: failures.join('; ').slice(0, 300) };
    return { status: 'done', streams: changed };
  }

  async mute(browser: BrowserProcessRef): Promise<AudioOutcome> {
    const [inputs, running] = await Promise.all([this.#currentSinkInputs(), isRunning(this.#procRoot, browser.pid)]);
    if (!running) return { status: 'browser-gone', detail: 'The browser has ended.' };
    if (typeof inputs === 'string') return { status: 'failed', detail: inputs };
    const unmuted = inputs.filter((input) => !input.muted && input.pid !== undefined);
    const players = [...new Set(unmuted.map((input) => input.pid ?? 0))];
    const inTree = await Promise.all(players.map((pid) => isInTree(this.#procRoot, pid, browser.pid)));
    const playing = streamsOfProcesses(unmuted, new Set(players.filter((_, i) => inTree[i] === true)));
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

  watchNewStreams(listener: () => void): () => void {
    return this.#streamWatch.listen((signal) => {
      if (signal.kind === 'new' && signal.facility === 'sink-input') listener();
    });
  }

  keepReady(): () => void {
    const cache = new SinkInputCache(() => this.#sinkInputs());
    this.#cache = cache;
    const stop = this.#streamWatch.listen((signal) => cache.onSignal(signal));
    return () => {
      stop();
      if (this.#cache === cache) this.#cache = undefined;
    };
  }
}
