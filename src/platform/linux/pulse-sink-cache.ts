/**
 * The sound server's list of playing streams, kept current from its own announcements while
 * ScareStop guards, so that silencing a judged page needs one `pactl` run (the mute) instead of
 * two (list, then mute): on a busy PC every process start costs tens of milliseconds.
 *
 * The list is trusted only when it is provably current: the subscriber has shown it is
 * connected (it printed an announcement), the list was read after the last stream change it
 * announced, and no newer read is under way (a caller then waits for that read). Otherwise
 * `current()` says "unknown" and the caller lists afresh.
 */
import type { StreamWatchSignal } from './pulse-stream-watch.js';
import type { SinkInput } from './pulse-audio-parse.js';

/** Lists the streams now (a `pactl list`); a string is a failure to report. */
export type ListSinkInputs = () => Promise<SinkInput[] | string>;

/** One cache per guard; fed by {@link PulseStreamWatch} signals. */
export class SinkInputCache {
  readonly #list: ListSinkInputs;
  #connected = false;
  #inputs: SinkInput[] | undefined;
  /** A change was announced after the last read began. */
  #stale = true;
  #reading: Promise<void> | undefined;

  constructor(list: ListSinkInputs) {
    this.#list = list;
  }

  /** Feed every subscriber signal here. */
  onSignal(signal: StreamWatchSignal): void {
    if (signal.kind === 'lost') {
      this.#connected = false;
      this.#inputs = undefined;
      this.#stale = true;
      return;
    }
    const firstSign = !this.#connected;
    this.#connected = true;
    if (firstSign || signal.facility === 'sink-input') this.#read();
  }

  #read(): void {
    this.#stale = true;
    if (this.#reading !== undefined) return; // read again when this one is done
    this.#stale = false;
    const connectedAtStart = this.#connected;
    this.#reading = this.#list()
      .then((inputs) => {
        this.#inputs = typeof inputs === 'string' || !connectedAtStart ? undefined : inputs;
      })
      .finally(() => {
        this.#reading = undefined;
        if (this.#stale && this.#connected) this.#read();
      });
  }

  /** The playing streams when provably current (waiting for a read under way), else undefined. */
  async current(): Promise<SinkInput[] | undefined> {
    for (let waits = 0; this.#reading !== undefined && waits < 3; waits += 1) await this.#reading;
    return this.#connected && !this.#stale && this.#reading === undefined ? this.#inputs : undefined;
  }

  /** Our own mute or unmute, so a read before the server's announcement arrives sees it. */
  noteMuted(indices: ReadonlySet<number>, muted: boolean): void {
    this.#inputs = this.#inputs?.map((input) => (indices.has(input.index) ? { ...input, muted } : input));
  }
}
