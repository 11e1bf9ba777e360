/**
 * The tray app's side of the live remote-access watch (issue 16): the guard's remote plugin
 * (the same object `scarestop watch` plugs in), the window's records (remote-desk.ts), the
 * person's two answers and "I am on the phone". After "End it" the recovery steps are made ready
 * at the step that removes that tool. Electron-free; every decision is the engine's.
 */
import type { GuardPlugin } from '../engine/guard/index.js';
import type { Clock, IncidentStore, Logger } from '../engine/ports.js';
import type { RemoteLivePorts } from '../engine/ports/remote-live.js';
import { remoteSessionPlugin, type RemoteSessionPlugin } from '../engine/remote/live/remote-plugin.js';
import type { RemoteLiveOptions } from '../engine/remote/live/remote-live-watch.js';
import type { RemotePauseView, Screen } from '../shared/ipc.js';
import type { RemoteLiveEvent } from '../shared/remote-live.js';
import type { AppEvent } from './app-services.js';
import type { RecoveryFeatures } from './recovery-features.js';
import { RemoteDesk } from './remote-desk.js';

/** What the remote side needs. */
export interface RemoteServiceDeps {
  /** The OS adapters of the live watch; without them nothing is watched (and nothing paused). */
  readonly ports?: RemoteLivePorts;
  readonly live?: RemoteLiveOptions;
  readonly store: IncidentStore;
  readonly clock: Clock;
  readonly recovery: Pick<RecoveryFeatures, 'scan' | 'startWizard'>;
  /** The recovery wizard started (the family hears of it). */
  readonly wizardStarted: () => void;
  readonly emit: (event: AppEvent) => void;
  readonly logger?: Logger;
}

/** The remote half of the services. */
export interface RemoteServices {
  /** The guard plugin to start with the guard (absent without OS adapters). */
  readonly plugin?: GuardPlugin;
  current(): RemotePauseView | null;
  /** A paused tool waits for the person (the tray shows the alert state). */
  waiting(): boolean;
  endIt(pauseId: string): Promise<RemotePauseView>;
  knownHelper(pauseId: string): Promise<RemotePauseView>;
  dismiss(pauseId: string, next: 'wizard' | 'home'): RemotePauseView;
  setOnThePhone(on: boolean): void;
}

/** A notice for main (desktop notification) when a tool starts or connects outside scam context. */
function noticeOf(event: RemoteLiveEvent, plugin: RemoteSessionPlugin): AppEvent | undefined {
  if ((event.type !== 'remote-started' && event.type !== 'remote-connected') || event.decision !== 'notify') return undefined;
  const names = plugin.toolNames(event.toolId) ?? { en: event.tool, ja: event.tool };
  return { type: 'remote-notice', kind: event.type === 'remote-started' ? 'started' : 'connected', tool: names.en, toolJa: names.ja };
}

/** Builds the remote side over the open store. */
export function createRemoteServices(deps: RemoteServiceDeps): RemoteServices {
  const plugin = deps.ports === undefined ? undefined : remoteSessionPlugin(deps.ports, deps.live === undefined ? {} : { live: deps.live });
  const show = (remote: RemotePauseView, open?: Screen): void => deps.emit({ type: 'remote', remote, ...(open !== undefined ? { open } : {}) });
  const desk = new RemoteDesk((toolId) => plugin?.toolNames(toolId), (view) => show(view));
  plugin?.subscribe((event) => {
    desk.handle(event);
    const notice = plugin === undefined ? undefined : noticeOf(event, plugin);
    if (notice !== undefined) deps.emit(notice);
  });

  /** Scans again and opens the recovery steps at this tool's removal (a new wizard only); true when it is there. */
  async function prepareRemoval(view: RemotePauseView): Promise<boolean> {
    if (view.builtIn) return false; // part of Windows: ending it is all there is to do
    try {
      await deps.recovery.scan();
      const wizard = await deps.recovery.startWizard(`remove:${view.toolId}`);
      deps.wizardStarted();
      return wizard.step?.id === `remove:${view.toolId}`;
    } catch (error) {
      deps.logger?.warn('could not prepare the removal step', { error: String(error) });
      return false;
    }
  }

  return {
    ...(plugin !== undefined ? { plugin } : {}),
    current: () => desk.current(),
    waiting: () => desk.waiting(),
    async endIt(pauseId) {
      const before = desk.get(pauseId);
      if (plugin === undefined || before.state !== 'paused') return before;
      desk.update(pauseId, { state: 'ending' });
      const answer = await plugin.endIt(pauseId);
      // The window says "ending" until the removal step is ready, so its next button leads there.
      const removalReady = answer.pids.length > 0 ? await prepareRemoval(before) : false;
      // Nothing left to end and nothing failed: it closed by itself meanwhile.
      const state = answer.ok ? 'ended' : answer.pids.length === 0 && answer.failed.length === 0 ? 'gone' : 'failed';
      return desk.update(pauseId, { state, removalReady });
    },
    async knownHelper(pauseId) {
      const before = desk.get(pauseId);
      if (plugin === undefined || before.state !== 'paused') return before;
      const answer = await plugin.knownHelper(pauseId);
      return desk.settle(pauseId, answer.ok ? 'resumed' : 'failed');
    },
    dismiss(pauseId, next) {
      const view = desk.update(pauseId, { state: 'dismissed' });
      show(view, next);
      return view;
    },
    setOnThePhone(on) {
      const saved = deps.store.updateSettings({ remoteOnThePhoneAt: on ? deps.clock.now() : 0 });
      if (!saved.ok) throw new Error(saved.error.message);
      plugin?.setOnThePhone(on);
    },
  };
}
