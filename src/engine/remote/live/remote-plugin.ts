/**
 * The remote-session watch as a guard plugin (engine/guard/guard-api.ts): started and stopped
 * with the guard, it takes the guard's clock, store and family notifier, learns of scam pages
 * from the guard's event stream, and offers the front doors its own events and the person's
 * two answers. The app and `scarestop watch` both plug in this one object.
 */
import type { GuardPlugin, GuardPluginContext } from '../../guard/guard-api.js';
import type { RemoteLivePorts } from '../../ports/remote-live.js';
import type { Unsubscribe } from '../../ports/windows.js';
import type { RemoteLiveEvent, RemoteSessionAccount } from '../../../shared/remote-live.js';
import { RemoteMatcher } from '../matcher.js';
import { createRemoteGuard, type RemoteGuard } from './remote-guard.js';
import type { PauseAnswer, RemoteLiveOptions, RemoteLiveWatch } from './remote-live-watch.js';

/** The plugin plus what the front doors use while it runs. */
export interface RemoteSessionPlugin extends GuardPlugin {
  subscribe(listener: (event: RemoteLiveEvent) => void): Unsubscribe;
  /** "End it". */
  endIt(pauseId: string): Promise<PauseAnswer>;
  /** "This is someone I know". */
  knownHelper(pauseId: string): Promise<PauseAnswer>;
  paused(): ReturnType<RemoteLiveWatch['paused']>;
  sessions(): readonly RemoteSessionAccount[];
  /** "I am on the phone with someone who asked me to install this" (or taken back). */
  setOnThePhone(on: boolean): void;
  /** A catalog tool's names in both languages (the window names the tool the person installed). */
  toolNames(toolId: string): { readonly en: string; readonly ja: string } | undefined;
}

const NOT_RUNNING: PauseAnswer = { ok: false, pids: [], failed: [] };

/** Builds the plugin over the OS adapters (`createRemoteLivePorts()` in src/platform). */
export function remoteSessionPlugin(ports: RemoteLivePorts, options: { readonly live?: RemoteLiveOptions; readonly matcher?: RemoteMatcher } = {}): RemoteSessionPlugin {
  const listeners = new Set<(event: RemoteLiveEvent) => void>();
  let running: RemoteGuard | undefined;
  let onThePhone = false;
  const matcher = options.matcher ?? new RemoteMatcher();
  return {
    name: 'remote-session-watch',
    start(context: GuardPluginContext) {
      const guard = createRemoteGuard({
        ports,
        clock: context.clock,
        family: { notify: (event) => context.notifyFamily(event) },
        ...(context.store !== undefined ? { store: context.store } : {}),
        ...(context.logger !== undefined ? { logger: context.logger } : {}),
        matcher,
        ...(options.live !== undefined ? { options: options.live } : {}),
      });
      if (onThePhone) guard.setOnThePhone(true);
      const offEvents = guard.watch.subscribe((event) => {
        for (const listener of listeners) listener(event);
      });
      const offGuard = context.subscribe((event) => {
        if (event.kind === 'watch') guard.noteWatchEvent(event.event);
      });
      running = guard;
      guard.start();
      return {
        stop() {
          guard.stop();
          offEvents();
          offGuard();
          running = undefined;
        },
      };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    endIt: (pauseId) => running?.watch.endIt(pauseId) ?? Promise.resolve(NOT_RUNNING),
    knownHelper: (pauseId) => running?.watch.knownHelper(pauseId) ?? Promise.resolve(NOT_RUNNING),
    paused: () => running?.watch.paused() ?? [],
    sessions: () => running?.watch.sessions() ?? [],
    setOnThePhone(on) {
      onThePhone = on;
      running?.setOnThePhone(on);
    },
    toolNames(toolId) {
      const tool = matcher.index.tools.get(toolId);
      return tool === undefined ? undefined : { en: tool.name, ja: tool.nameJa ?? tool.name };
    },
  };
}
