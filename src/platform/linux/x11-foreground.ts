/**
 * `X11Foreground`: the foreground window and its title, event driven. One long-lived
 * `xprop -root -spy _NET_CLIENT_LIST _NET_ACTIVE_WINDOW` reports focus changes (and closed
 * windows); one `xprop -id W -spy` on the active window reports its title and full-screen state. Both block in the X server when
 * nothing happens, so watching costs no CPU. A lost display is reported and retried with backoff.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Rect } from '../../shared/geometry.js';
import type { PlatformError } from '../../engine/ports/errors.js';
import type { ForegroundWatcher, Unsubscribe, WindowInfo } from '../../engine/ports/windows.js';
import { x11Env, x11Failure } from './x11-exec.js';
import { applyWindowProp, parseWindowIds, parseXpropLine, titleOf, type WindowProps } from './x11-parse.js';
import { activeWindowId, describeWindow, listWindows, rootGeometry, toWindowInfo, WINDOW_PROPS, windowBounds } from './x11-windows.js';

/** How often the event-driven state is checked against the X server, in case an event was lost. */
const RECONCILE_EVERY_MS = 15_000;

/** Backoff for restarting the root spy after the display went away. */
export interface X11ForegroundOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly retryMinMs?: number;
  readonly retryMaxMs?: number;
}

interface LineProcess {
  readonly child: ChildProcess;
  stop(): void;
}

/** Spawns a tool and hands each stdout line to `onLine`; `onExit` once with stderr's tail. */
function spawnLines(tool: string, args: readonly string[], env: NodeJS.ProcessEnv, onLine: (line: string) => void, onExit: (error: PlatformError) => void): LineProcess {
  const child = spawn(tool, args, { env: x11Env(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let exited = false;
  let stopping = false;
  const exit = (cause: unknown): void => {
    if (exited) return;
    exited = true;
    if (!stopping) onExit(x11Failure(tool, cause, stderr));
  };
  child.on('error', (error) => exit(error));
  child.on('exit', (code, signal) => exit(new Error(`${tool} exited (${code ?? signal ?? 'unknown'})`)));
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-1_000);
  });
  if (child.stdout !== null) createInterface({ input: child.stdout }).on('line', onLine);
  return {
    child,
    stop() {
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    },
  };
}

/** Foreground watcher for X11 (any EWMH window manager). */
export class X11Foreground implements ForegroundWatcher {
  private readonly env: NodeJS.ProcessEnv;
  private readonly retryMinMs: number;
  private readonly retryMaxMs: number;
  private screen: Rect | undefined;
  /** Last known properties per window id, so switching back to a window is reported at once. */
  private readonly windowCache = new Map<string, { readonly props: WindowProps; readonly bounds: Rect | undefined }>();

  constructor(options: X11ForegroundOptions = {}) {
    this.env = options.env ?? process.env;
    this.retryMinMs = options.retryMinMs ?? 500;
    this.retryMaxMs = options.retryMaxMs ?? 30_000;
  }

  private remember(id: string, props: WindowProps, bounds: Rect | undefined): void {
    this.windowCache.delete(id);
    this.windowCache.set(id, { props: { ...props }, bounds });
    if (this.windowCache.size > 256) {
      const oldest = this.windowCache.keys().next();
      if (oldest.done !== true) this.windowCache.delete(oldest.value);
    }
  }

  /** The screen rectangle (read once; re-read after errors). */
  private async screenRect(): Promise<Rect | undefined> {
    if (this.screen === undefined) this.screen = await rootGeometry(this.env).catch(() => undefined);
    return this.screen;
  }

  async foreground(): Promise<WindowInfo | null> {
    const id = await activeWindowId(this.env);
    return id === null ? null : describeWindow(id, await this.screenRect(), this.env);
  }

  async listWindows(): Promise<WindowInfo[]> {
    return listWindows(await this.screenRect(), this.env);
  }

  watch(onWindow: (window: WindowInfo | null) => void, onError: (error: PlatformError) => void): Unsubscribe {
    let stopped = false;
    let root: LineProcess | undefined;
    let spy: LineProcess | undefined;
    let activeId: string | null | undefined;
    let generation = 0;
    let retryDelay = this.retryMinMs;
    let retryTimer: NodeJS.Timeout | undefined;
    let lastKey: string | undefined;

    const emit = (window: WindowInfo | null): void => {
      if (stopped) return;
      const key = window === null ? 'null' : JSON.stringify([window.id, window.title, window.fullscreen, window.bounds, window.pid]);
      if (key === lastKey) return;
      lastKey = key;
      onWindow(window);
    };

    const follow = (id: string | null): void => {
      activeId = id;
      generation += 1;
      const gen = generation;
      spy?.stop();
      spy = undefined;
      if (id === null) {
        emit(null);
        return;
      }
      // A window seen before is reported at once from what we knew (its spy corrects it within
      // milliseconds); a new one as soon as its properties are read. Bounds follow separately:
      // each spawn costs tens of milliseconds on a busy machine.
      const known = this.windowCache.get(id);
      const props: WindowProps = { ...(known?.props ?? {}) };
      const seen = new Set<string>();
      let bounds: Rect | undefined = known?.bounds;
      let ready = false;
      const emitNow = (): void => {
        if (gen !== generation) return;
        this.remember(id, props, bounds);
        emit(toWindowInfo(id, props, bounds, this.screen));
      };
      const refreshThenEmit = (): void => {
        void Promise.all([windowBounds(id, this.env), this.screenRect()]).then(([b]) => {
          bounds = b ?? bounds;
          emitNow();
        });
      };
      const becomeReady = (): void => {
        if (ready) return;
        ready = true;
        clearTimeout(readyTimer);
        emitNow();
        refreshThenEmit();
      };
      if (known !== undefined) emitNow();
      // xprop prints every requested property once at start; wait for all (or 300 ms).
      const readyTimer = setTimeout(becomeReady, 300);
      spy = spawnLines(
        'xprop',
        ['-id', id, '-spy', ...WINDOW_PROPS],
        this.env,
        (line) => {
          if (gen !== generation) return;
          const parsed = parseXpropLine(line);
          if (parsed === undefined) return;
          const before = { title: titleOf(props), fullscreen: props.fullscreen, pid: props.pid };
          if (!applyWindowProp(props, parsed)) return;
          seen.add(parsed.name);
          if (!ready) {
            if (seen.size >= WINDOW_PROPS.length) becomeReady();
            return;
          }
          if (props.fullscreen !== before.fullscreen) refreshThenEmit();
          // A window reported early on a busy machine (after the 300 ms wait) learns its
          // process later: report it again then, or the watcher never knows whose it is.
          else if (titleOf(props) !== before.title || props.pid !== before.pid) emitNow();
        },
        () => {
          // The window closed (BadWindow): forget it; the root spy reports the next one.
          clearTimeout(readyTimer);
          if (gen !== generation) return;
          this.windowCache.delete(id);
          // X hands the id of a closed window to the next client, and openbox may leave
          // _NET_ACTIVE_WINDOW pointing at it: when that id becomes active again it is a new
          // window and must be followed, so stop treating it as the current one.
          activeId = undefined;
          reconcile();
          // The active window is already gone (a stale _NET_ACTIVE_WINDOW): nothing is in front.
          if (!ready) emit(null);
        },
      );
    };

    let reconcileTimers: NodeJS.Timeout[] = [];
    /**
     * Reads _NET_ACTIVE_WINDOW once and follows it if the spies missed a change: `xprop -spy`
     * prints the current value before it selects for events, so a focus change in between is
     * never reported (seen on busy machines). Cheap: one short xprop run.
     */
    const reconcile = (): void => {
      if (stopped) return;
      const asked = generation;
      activeWindowId(this.env).then(
        (id) => {
          // A spy event in the meantime is newer than what we read: keep it.
          if (!stopped && asked === generation && id !== activeId) follow(id);
        },
        // A lost display is the root spy's to report and retry.
        (error: unknown) => void error,
      );
    };
    const scheduleReconcile = (): void => {
      for (const timer of reconcileTimers) clearTimeout(timer);
      reconcileTimers = [setTimeout(reconcile, 300), setTimeout(reconcile, 1_500), setInterval(reconcile, RECONCILE_EVERY_MS)];
    };

    const startRoot = (): void => {
      retryTimer = undefined;
      if (stopped) return;
      scheduleReconcile();
      // Nothing watched the windows until now: what we knew may belong to closed windows.
      this.windowCache.clear();
      root = spawnLines(
        'xprop',
        ['-root', '-spy', '_NET_CLIENT_LIST', '_NET_ACTIVE_WINDOW'],
        this.env,
        (line) => {
          const parsed = parseXpropLine(line);
          if (parsed?.name === '_NET_CLIENT_LIST') {
            // X reuses the ids of closed windows for new clients: forget windows that are gone.
            const present = new Set(parseWindowIds(parsed.value ?? ''));
            for (const id of [...this.windowCache.keys()]) if (!present.has(id)) this.windowCache.delete(id);
            return;
          }
          if (parsed?.name !== '_NET_ACTIVE_WINDOW') return;
          retryDelay = this.retryMinMs;
          const id = parseWindowIds(parsed.value ?? '')[0] ?? null;
          if (id !== activeId) follow(id);
        },
        (error) => {
          if (stopped) return;
          spy?.stop();
          spy = undefined;
          activeId = undefined;
          reconcile();
          lastKey = undefined;
          this.screen = undefined;
          const wait = retryDelay;
          retryDelay = Math.min(this.retryMaxMs, retryDelay * 2);
          onError(error);
          retryTimer = setTimeout(startRoot, wait);
        },
      );
    };

    startRoot();
    return () => {
      stopped = true;
      for (const timer of reconcileTimers) clearTimeout(timer);
      if (retryTimer !== undefined) clearTimeout(retryTimer);
      spy?.stop();
      root?.stop();
    };
  }
}
