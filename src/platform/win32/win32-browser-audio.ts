/**
 * The browser-audio port on Windows: mutes the Core Audio sessions of the judged browser's
 * process tree (Chromium-family browsers play sound from an audio-service child process), and
 * unmutes exactly those sessions again. Core Audio calls go through {@link CoreAudioCalls}.
 */
import type { AudioOutcome, BrowserAudio, BrowserProcessRef, MutedStream } from '../../engine/ports/browser-page.js';
import { ComError, visitRenderSessions, type CoreAudioCalls } from './core-audio-sessions.js';

/** Parent links of every process (a Toolhelp snapshot). */
export type ProcessParents = () => ReadonlyArray<{ readonly pid: number; readonly ppid: number }>;

/** The process and all its descendants. Windows reuses pids, so a cycle is cut, never followed. */
export function processTree(root: number, processes: ReadonlyArray<{ readonly pid: number; readonly ppid: number }>): Set<number> {
  const tree = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const { pid, ppid } of processes) {
      if (pid !== ppid && tree.has(ppid) && !tree.has(pid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  return tree;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Core Audio per-session mute for browsers. */
export class Win32BrowserAudio implements BrowserAudio {
  constructor(
    private readonly calls: () => Promise<CoreAudioCalls>,
    private readonly parents: ProcessParents,
  ) {}

  async #change(select: (pid: number, instanceId: string, muted: boolean) => boolean, muted: boolean): Promise<AudioOutcome> {
    let calls: CoreAudioCalls;
    try {
      calls = await this.calls();
    } catch (error) {
      return { status: 'failed', detail: `Windows audio is not available: ${describe(error)}` };
    }
    const changed: MutedStream[] = [];
    const failures: string[] = [];
    try {
      visitRenderSessions(calls, (session) => {
        if (!select(session.pid, session.instanceId, session.muted)) return;
        try {
          session.setMute(muted);
          changed.push({ streamId: session.instanceId, pid: session.pid });
        } catch (error) {
          failures.push(describe(error));
        }
      });
    } catch (error) {
      if (!(error instanceof ComError)) throw error;
      return { status: 'failed', detail: `Windows audio could not be read: ${error.message}` };
    }
    if (changed.length === 0 && failures.length > 0) return { status: 'failed', detail: failures.join('; ').slice(0, 300) };
    if (changed.length === 0) return { status: 'not-needed', detail: muted ? 'The browser is not playing sound.' : 'Those sounds have ended.' };
    return { status: 'done', streams: changed };
  }

  mute(browser: BrowserProcessRef): Promise<AudioOutcome> {
    const processes = this.parents();
    if (!processes.some((process) => process.pid === browser.pid)) return Promise.resolve({ status: 'browser-gone', detail: 'The browser has ended.' });
    const tree = processTree(browser.pid, processes);
    return this.#change((pid, _id, isMuted) => pid !== 0 && tree.has(pid) && !isMuted, true);
  }

  unmute(streams: readonly MutedStream[]): Promise<AudioOutcome> {
    if (streams.length === 0) return Promise.resolve({ status: 'not-needed', detail: 'Nothing was muted.' });
    return this.#change((pid, id, isMuted) => isMuted && streams.some((s) => s.streamId === id && s.pid === pid), false);
  }
}
