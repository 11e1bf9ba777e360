/**
 * A Linux process table that obeys signals the way a test scripts it: every signal is logged,
 * SIGTERM ends a process unless it is in `ignoreTerm`, and `onSignal` lets the world change
 * while the code under test waits (a pid taken by another program, a new start).
 */
import type { ProcessIdentity, ProcessRow } from '../../../src/engine/ports/processes.js';
import type { ProcessTable } from '../../../src/platform/linux/proc-processes.js';

/** The scripted table. */
export class ScriptedProcessTable implements ProcessTable {
  readonly rows = new Map<number, ProcessRow>();
  readonly signals: string[] = [];
  /** Pids that ignore SIGTERM (the browser hangs). */
  readonly ignoreTerm = new Set<number>();
  /** Runs after a signal is sent: the world changing while the closer waits. */
  onSignal: ((pid: number, signal: string) => void) | undefined;

  add(pid: number, ppid: number, image: string, startTime = pid): this {
    this.rows.set(pid, { pid, ppid, image, startTime });
    return this;
  }
  list(): ProcessRow[] {
    return [...this.rows.values()];
  }
  identify(pid: number): ProcessIdentity | undefined {
    const row = this.rows.get(pid);
    return row === undefined ? undefined : { pid, startTime: row.startTime, image: row.image };
  }
  async signal(pid: number, signal: NodeJS.Signals): Promise<void> {
    this.signals.push(`${signal} ${pid}`);
    if (signal === 'SIGKILL' || !this.ignoreTerm.has(pid)) this.rows.delete(pid);
    this.onSignal?.(pid, signal);
  }
}
