/**
 * Passes on the sound server's announcements (a stream opened, changed, closed; a client came)
 * from one long-running `pactl subscribe` (PulseAudio, or PipeWire's pipewire-pulse). The
 * process runs only while someone listens and is ended when the last one stops. When it ends
 * on its own, listeners hear `lost` (announcements may have been missed) and it is started
 * again, a few times.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { parseServerEvent, type ServerEvent } from './pulse-audio-parse.js';

/** What a listener hears: an announcement, or that the subscriber ended (some may be missed). */
export type StreamWatchSignal = ServerEvent | { readonly kind: 'lost' };

/** How long to wait before starting `pactl subscribe` again after it ended on its own. */
const RESTART_AFTER_MS = 1_000;
/** Restarts in a row after which we stop (no sound server): the caller's timed re-checks remain. */
const MAX_RESTARTS = 5;

/** Starts the subscriber process; tests may pass a stand-in. */
export type SubscribeSpawner = () => ChildProcess;

/** One `pactl subscribe` shared by every listener. */
export class PulseStreamWatch {
  readonly #listeners = new Set<(signal: StreamWatchSignal) => void>();
  readonly #spawnSubscriber: SubscribeSpawner;
  #child: ChildProcess | undefined;
  #restarts = 0;
  #restartTimer: NodeJS.Timeout | undefined;

  constructor(env: NodeJS.ProcessEnv, spawnSubscriber?: SubscribeSpawner) {
    this.#spawnSubscriber = spawnSubscriber ?? (() => spawn('pactl', ['subscribe'], { env, stdio: ['ignore', 'pipe', 'ignore'] }));
  }

  /** Adds a listener (starting the subscriber if needed); returns the function that removes it. */
  listen(listener: (signal: StreamWatchSignal) => void): () => void {
    this.#listeners.add(listener);
    this.#start();
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0) this.#stop();
    };
  }

  #start(): void {
    if (this.#child !== undefined || this.#restartTimer !== undefined) return;
    const child = this.#spawnSubscriber();
    this.#child = child;
    child.on('error', () => undefined); // pactl missing: 'exit' follows, the restart limit applies
    if (child.stdout !== null) {
      createInterface({ input: child.stdout }).on('line', (line) => {
        const event = parseServerEvent(line);
        if (event === undefined) return;
        this.#restarts = 0; // it works
        for (const listener of [...this.#listeners]) listener(event);
      });
    }
    child.on('close', () => {
      if (this.#child !== child) return;
      this.#child = undefined;
      for (const listener of [...this.#listeners]) listener({ kind: 'lost' });
      if (this.#listeners.size === 0 || this.#restarts >= MAX_RESTARTS) return;
      this.#restarts += 1;
      this.#restartTimer = setTimeout(() => {
        this.#restartTimer = undefined;
        if (this.#listeners.size > 0) this.#start();
      }, RESTART_AFTER_MS);
      this.#restartTimer.unref();
    });
  }

  #stop(): void {
    if (this.#restartTimer !== undefined) clearTimeout(this.#restartTimer);
    this.#restartTimer = undefined;
    this.#restarts = 0;
    const child = this.#child;
    this.#child = undefined;
    child?.kill('SIGTERM');
  }
}
