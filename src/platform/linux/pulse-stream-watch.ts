/**
 * Tells listeners the moment a program opens a new audio stream, from one long-running
 * `pactl subscribe` (PulseAudio, or PipeWire's pipewire-pulse). The process runs only while
 * someone listens (ScareStop cares for a judged page) and is ended when the last one stops.
 * Our own mutes change streams but never create one, so they do not wake the listeners.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { parseServerEvent } from './pulse-audio-parse.js';

/** How long to wait before starting `pactl subscribe` again after it ended on its own. */
const RESTART_AFTER_MS = 1_000;
/** Restarts in a row after which we stop (no sound server): the caller's timed re-checks remain. */
const MAX_RESTARTS = 5;

/** Starts the subscriber process; tests may pass a stand-in. */
export type SubscribeSpawner = () => ChildProcess;

/** One `pactl subscribe` shared by every listener. */
export class PulseStreamWatch {
  readonly #listeners = new Set<() => void>();
  readonly #spawnSubscriber: SubscribeSpawner;
  #child: ChildProcess | undefined;
  #restarts = 0;
  #restartTimer: NodeJS.Timeout | undefined;

  constructor(env: NodeJS.ProcessEnv, spawnSubscriber?: SubscribeSpawner) {
    this.#spawnSubscriber = spawnSubscriber ?? (() => spawn('pactl', ['subscribe'], { env, stdio: ['ignore', 'pipe', 'ignore'] }));
  }

  /** Adds a listener (starting the subscriber if needed); returns the function that removes it. */
  listen(listener: () => void): () => void {
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
        if (event?.kind !== 'new' || event.facility !== 'sink-input') return;
        this.#restarts = 0; // it works
        for (const listener of [...this.#listeners]) listener();
      });
    }
    child.on('close', () => {
      if (this.#child !== child) return;
      this.#child = undefined;
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
