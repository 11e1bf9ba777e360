/**
 * The live remote-access watch: within about a second of a catalog tool starting, opening a
 * session (its log) or a connection, it decides from the scam context whether to pause the
 * tool's processes (suspended, never killed without the person's word) or only tell. The
 * person then chooses "End it" (terminate) or "This is someone I know" (resume; the front door
 * stores the tool as a known helper). Everything goes through ports and the Clock, so tests
 * drive it with fakes. Polls never overlap; actions wait for the running poll.
 */
import type { Clock, Logger, TimerHandle } from '../../ports/clock.js';
import type { Unsubscribe } from '../../ports/windows.js';
import type { ProcessIdentity, RemoteLivePorts, StartedProcess } from '../../ports/remote-live.js';
import type { PauseReason, RemoteLiveEvent, RemoteSessionAccount, RemoteToolRef } from '../../../shared/remote-live.js';
import { RemoteMatcher } from '../matcher.js';
import { decideForTool, type ScamContext, type ToolDecision } from './scam-context.js';
import { SessionLedger } from './session-ledger.js';
import { matchStartedProcesses } from './tool-processes.js';
import { ToolTable, type TrackedTool } from './tool-table.js';

/** What the watch needs. */
export interface RemoteLiveDeps {
  readonly ports: RemoteLivePorts;
  readonly clock: Clock;
  /** The scam context right now (the guard keeps it). */
  readonly context: () => ScamContext;
  readonly matcher?: RemoteMatcher;
  readonly logger?: Logger;
}

/** Poll intervals (ms); the defaults keep a tool's start → pause under a second. */
export interface RemoteLiveOptions {
  readonly processPollMs?: number;
  /** Session logs while a catalog tool runs (a session needs one). */
  readonly logPollMs?: number;
  /** Session logs while none runs: only what the process watch could not name shows up there. */
  readonly idleLogPollMs?: number;
  readonly connectionPollMs?: number;
}

/** What "End it" / "This is someone I know" did. */
export interface PauseAnswer {
  readonly ok: boolean;
  readonly pids: readonly number[];
  readonly failed: readonly { readonly pid: number; readonly detail: string }[];
}

/** A running live watch. */
export interface RemoteLiveWatch {
  start(): void;
  stop(): void;
  subscribe(listener: (event: RemoteLiveEvent) => void): Unsubscribe;
  /** "End it": ends every process of the paused tool. */
  endIt(pauseId: string): Promise<PauseAnswer>;
  /** "This is someone I know": resumes the paused tool and stops pausing it. */
  knownHelper(pauseId: string): Promise<PauseAnswer>;
  /** Paused tools waiting for an answer. */
  paused(): readonly (RemoteToolRef & { readonly pauseId: string; readonly reason: PauseReason; readonly pids: readonly number[] })[];
  /** Sessions the tools' logs tell of (history and live), oldest first. */
  sessions(): readonly RemoteSessionAccount[];
  /**
   * Decides again for every running tool not paused (the context just rose: "I am on the
   * phone"); tools that now call for a pause are paused. Resolves when done.
   */
  reconsider(): Promise<void>;
  /** Runs one round of every source now (tests, bench); resolves when it is done. */
  pollNow(): Promise<void>;
}

/** Builds the watch; call `start()`. */
export function createRemoteLiveWatch(deps: RemoteLiveDeps, options: RemoteLiveOptions = {}): RemoteLiveWatch {
  const { ports, clock } = deps;
  const matcher = deps.matcher ?? new RemoteMatcher();
  const processPollMs = options.processPollMs ?? 500;
  const logPollMs = options.logPollMs ?? 1000;
  const idleLogPollMs = Math.max(logPollMs, options.idleLogPollMs ?? 15_000);
  const connectionPollMs = options.connectionPollMs ?? 1000;
  const listeners = new Set<(event: RemoteLiveEvent) => void>();
  const table = new ToolTable();
  const ledger = new SessionLedger(matcher);
  /** Tools the person called "someone I know" during this run (settings catch up through events). */
  const helpersThisRun = new Set<string>();
  let timer: TimerHandle | undefined;
  let running = false;
  let baselineDone = false;
  let lastLogPoll = Number.NEGATIVE_INFINITY;
  let lastConnectionPoll = Number.NEGATIVE_INFINITY;
  let queue: Promise<unknown> = Promise.resolve();
  const lastError = new Map<string, string>();

  const emit = (event: RemoteLiveEvent): void => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        deps.logger?.error('remote watch listener failed', { error: String(error) });
      }
    }
  };
  const problem = (code: string, error: unknown): void => {
    const message = error instanceof Error ? error.message : String(error);
    if (lastError.get(code) === message) return; // once per distinct problem, not every poll
    lastError.set(code, message);
    emit({ type: 'remote-error', at: clock.now(), code, message });
  };
  /** Runs `task` after whatever is running (polls and answers never interleave). */
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };
  const decide = (toolId: string): ToolDecision => {
    const context = deps.context();
    const helpers = helpersThisRun.size === 0 ? context.knownHelpers : [...context.knownHelpers, ...helpersThisRun];
    return decideForTool(toolId, { ...context, knownHelpers: helpers }, clock.now());
  };

  async function suspendAll(tool: TrackedTool, identities: readonly ProcessIdentity[]): Promise<{ pids: number[]; failed: { pid: number; detail: string }[] }> {
    const pids: number[] = [];
    const failed: { pid: number; detail: string }[] = [];
    for (const identity of identities) {
      const outcome = await ports.control.suspend(identity);
      if (outcome.status === 'done') pids.push(identity.pid);
      else {
        failed.push({ pid: identity.pid, detail: outcome.detail });
        if (outcome.status === 'gone' || outcome.status === 'changed') table.forget(tool, identity.pid);
      }
    }
    return { pids, failed };
  }

  async function pause(tool: TrackedTool, reason: PauseReason, seenAt: number, only?: readonly ProcessIdentity[]): Promise<void> {
    const pauseId = tool.pause?.id ?? `pause-${tool.ref.toolId}-${seenAt}`;
    tool.pause ??= { id: pauseId, reason, pids: new Set() };
    const { pids, failed } = await suspendAll(tool, only ?? [...tool.processes.values()]);
    for (const pid of pids) tool.pause.pids.add(pid);
    emit({ type: 'remote-paused', at: clock.now(), ms: Math.max(0, clock.now() - seenAt), ...tool.ref, pauseId, pids: [...tool.pause.pids], reason: tool.pause.reason, failed });
  }

  async function onStarted(started: readonly StartedProcess[]): Promise<void> {
    const seenAt = clock.now();
    for (const match of matchStartedProcesses(matcher, started, seenAt)) {
      const { tool, isNew } = table.track(match);
      const identities = match.processes.map((p) => p.identity);
      if (!baselineDone) continue; // already running when the watch began: the scan reports those
      if (tool.pause !== undefined) {
        await pause(tool, tool.pause.reason, seenAt, identities); // a paused tool's new process joins the pause
        continue;
      }
      if (!isNew) continue;
      const decision = decide(tool.ref.toolId);
      emit({ type: 'remote-started', at: seenAt, ...tool.ref, pids: identities.map((i) => i.pid), ...(match.processes[0]?.path !== undefined ? { path: match.processes[0].path } : {}), decision: decision.decision });
      if (decision.decision === 'pause' && decision.reason !== undefined) await pause(tool, decision.reason, seenAt);
    }
  }

  async function onExited(): Promise<void> {
    const tracked = table.identities();
    if (tracked.length === 0) return;
    const alive = new Set((await ports.processes.alive(tracked)).map((i) => `${i.pid}|${i.start}`));
    for (const tool of table.tools()) {
      if (tool.placeholder) continue;
      for (const identity of [...tool.processes.values()]) if (!alive.has(`${identity.pid}|${identity.start}`)) table.forget(tool, identity.pid);
      if (tool.processes.size === 0) {
        emit({ type: 'remote-ended', at: clock.now(), ...tool.ref, how: 'exited', ...(tool.pause !== undefined ? { pauseId: tool.pause.id } : {}), pids: [...tool.everPids], failed: [] });
        table.drop(tool);
      }
    }
  }

  async function onConnected(tool: TrackedTool, via: 'log' | 'network', seenAt: number, extra: { session?: RemoteSessionAccount; remoteAddress?: string }): Promise<void> {
    const decision = tool.pause !== undefined ? { decision: 'pause' as const, reason: tool.pause.reason } : decide(tool.ref.toolId);
    emit({ type: 'remote-connected', at: seenAt, ...tool.ref, via, pids: [...tool.processes.keys()], ...extra, decision: decision.decision });
    if (decision.decision === 'pause' && decision.reason !== undefined && tool.pause === undefined && tool.processes.size > 0) await pause(tool, decision.reason, seenAt);
  }

  async function pollLogs(): Promise<void> {
    if (ports.logs === undefined) return;
    const changes = await ports.logs.poll(ledger.paths(table.runningPaths()));
    for (const change of changes) {
      const update = ledger.read(change);
      for (const session of update.fresh) {
        const tool = table.byTool(session.toolId) ?? table.placeholder(session.toolId, session.tool, matcher.index.tools.get(session.toolId)?.builtIn === true);
        if (session.direction === 'incoming' && session.approval !== 'refused') await onConnected(tool, 'log', clock.now(), { session });
        if (session.endedAt !== undefined) emit({ type: 'remote-ended', at: clock.now(), ...tool.ref, how: 'session-ended', pids: [...tool.processes.keys()], session, failed: [] });
      }
      for (const session of update.ended) {
        const ref = table.byTool(session.toolId)?.ref ?? { toolId: session.toolId, tool: session.tool, builtIn: false };
        emit({ type: 'remote-ended', at: clock.now(), ...ref, how: 'session-ended', pids: [], session, failed: [] });
      }
    }
    table.dropEmptyPlaceholders();
  }

  async function pollConnections(): Promise<void> {
    if (ports.connections === undefined) return;
    const watched = table.tools().filter((t) => t.pause === undefined && t.processes.size > 0);
    if (watched.length === 0) return;
    const connections = await ports.connections.established(watched.flatMap((t) => [...t.processes.keys()]));
    for (const tool of watched) {
      const own = new Set(tool.processes.keys());
      // Talking to itself (AnyDesk's processes share local sockets) is not a session.
      const outward = connections.find((c) => own.has(c.pid) && (c.peerPid === undefined || !own.has(c.peerPid)) && !tool.connectedPids.has(c.pid));
      if (outward === undefined) continue;
      for (const c of connections) if (own.has(c.pid)) tool.connectedPids.add(c.pid);
      await onConnected(tool, 'network', clock.now(), { remoteAddress: `${outward.remoteAddress}:${outward.remotePort}` });
    }
  }

  async function round(): Promise<void> {
    try {
      const started = await ports.processes.poll();
      await onStarted(started);
      await onExited();
    } catch (error) {
      problem('process-watch-failed', error);
    }
    const now = clock.now();
    // Reading logs is most of the idle cost. A session needs its tool running, and the process
    // watch sees a tool start within one poll: from then on the logs are read every second.
    const toolRunning = table.tools().some((tool) => !tool.placeholder && tool.processes.size > 0);
    if (!baselineDone || now - lastLogPoll >= (toolRunning ? logPollMs : idleLogPollMs)) {
      lastLogPoll = now;
      await pollLogs().catch((error: unknown) => problem('session-log-failed', error));
    }
    if (now - lastConnectionPoll >= connectionPollMs) {
      lastConnectionPoll = now;
      await pollConnections().catch((error: unknown) => problem('connections-failed', error));
    }
    baselineDone = true;
  }

  const schedule = (): void => {
    if (!running) return;
    timer = clock.setTimeout(() => {
      void serial(round).finally(schedule);
    }, processPollMs);
  };

  async function answer(pauseId: string, how: 'end' | 'known'): Promise<PauseAnswer> {
    const tool = table.byPause(pauseId);
    if (tool?.pause === undefined) return { ok: false, pids: [], failed: [] };
    const pids: number[] = [];
    const failed: { pid: number; detail: string }[] = [];
    for (const identity of [...tool.processes.values()]) {
      const outcome = how === 'end' ? await ports.control.terminate(identity) : await ports.control.resume(identity);
      if (outcome.status === 'done' || (how === 'end' && outcome.status === 'gone')) pids.push(identity.pid);
      else failed.push({ pid: identity.pid, detail: outcome.detail });
    }
    const at = clock.now();
    if (how === 'end') {
      emit({ type: 'remote-ended', at, ...tool.ref, how: 'ended-by-person', pauseId, pids, failed });
      for (const pid of pids) table.forget(tool, pid);
      tool.pause = undefined;
      if (tool.processes.size === 0) table.drop(tool);
    } else {
      helpersThisRun.add(tool.ref.toolId);
      tool.pause = undefined;
      emit({ type: 'remote-resumed', at, ...tool.ref, pauseId, pids });
    }
    return { ok: failed.length === 0, pids, failed };
  }

  return {
    start() {
      if (running) return;
      running = true;
      void serial(round).finally(schedule);
    },
    stop() {
      running = false;
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    endIt: (pauseId) => serial(() => answer(pauseId, 'end')),
    knownHelper: (pauseId) => serial(() => answer(pauseId, 'known')),
    paused: () => table.tools().flatMap((t) => (t.pause === undefined ? [] : [{ ...t.ref, pauseId: t.pause.id, reason: t.pause.reason, pids: [...t.pause.pids] }])),
    sessions: () => ledger.all(),
    reconsider: () =>
      serial(async () => {
        const seenAt = clock.now();
        for (const tool of table.tools()) {
          if (tool.placeholder || tool.pause !== undefined || tool.processes.size === 0) continue;
          const decision = decide(tool.ref.toolId);
          if (decision.decision === 'pause' && decision.reason !== undefined) await pause(tool, decision.reason, seenAt);
        }
      }),
    pollNow: () => serial(round),
  };
}
