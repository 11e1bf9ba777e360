/**
 * `SignalProcessControl`: pause, resume and end a process on Linux with SIGSTOP / SIGCONT /
 * SIGTERM(+SIGKILL). Right before each signal the process is read again and must still be the
 * same program (pid + start ticks + image); otherwise nothing is sent. A pause is confirmed by
 * the state letter `T` in /proc/PID/stat.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { ControlOutcome, ProcessControlPort, ProcessIdentity } from '../../engine/ports/remote-live.js';
import { isGoneState, readProcNow, sameIdentity } from './proc-identity.js';

/** Timing of the checks (tests and bench keep the defaults). */
export interface SignalControlOptions {
  readonly procRoot?: string;
  /** How long to wait for SIGTERM before SIGKILL. */
  readonly graceMs?: number;
}

type Check = { ok: true } | { ok: false; outcome: ControlOutcome };

/** Signals only re-identified processes. */
export class SignalProcessControl implements ProcessControlPort {
  private readonly procRoot: string;
  private readonly graceMs: number;

  constructor(options: SignalControlOptions = {}) {
    this.procRoot = options.procRoot ?? '/proc';
    this.graceMs = options.graceMs ?? 2000;
  }

  async suspend(identity: ProcessIdentity): Promise<ControlOutcome> {
    return this.signal(identity, 'SIGSTOP', (state) => state === 'T' || state === 't');
  }

  async resume(identity: ProcessIdentity): Promise<ControlOutcome> {
    return this.signal(identity, 'SIGCONT', (state) => state !== 'T' && state !== 't');
  }

  async terminate(identity: ProcessIdentity): Promise<ControlOutcome> {
    const first = await this.check(identity);
    if (!first.ok) return first.outcome.status === 'gone' ? { status: 'done' } : first.outcome;
    const sent = this.send(identity.pid, 'SIGTERM');
    if (sent !== undefined) return sent;
    this.send(identity.pid, 'SIGCONT'); // a stopped process only acts on SIGTERM once it runs
    if ((await this.waitFor(identity, () => false, this.graceMs)) === 'gone') return { status: 'done' };
    // Still the same program (checked in waitFor): force it.
    const again = await this.check(identity);
    if (!again.ok) return again.outcome.status === 'gone' ? { status: 'done' } : again.outcome;
    const killed = this.send(identity.pid, 'SIGKILL');
    if (killed !== undefined) return killed;
    return (await this.waitFor(identity, () => false, 2000)) === 'gone' ? { status: 'done' } : { status: 'failed', detail: `Process ${identity.pid} did not end.` };
  }

  private async check(identity: ProcessIdentity): Promise<Check> {
    const now = await readProcNow(identity.pid, this.procRoot);
    if (now === undefined || isGoneState(now.state)) return { ok: false, outcome: { status: 'gone', detail: `Process ${identity.pid} has ended.` } };
    if (!sameIdentity(now.identity, identity)) return { ok: false, outcome: { status: 'changed', detail: `Process ${identity.pid} is now ${now.identity.image}; left alone.` } };
    return { ok: true };
  }

  private send(pid: number, signal: NodeJS.Signals): ControlOutcome | undefined {
    try {
      process.kill(pid, signal);
      return undefined;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ESRCH') return { status: 'gone', detail: `Process ${pid} has ended.` };
      if (code === 'EPERM') return { status: 'needs-admin', detail: `Process ${pid} belongs to another user; stopping it needs administrator rights.` };
      return { status: 'failed', detail: `Could not signal process ${pid}: ${String(error)}` };
    }
  }

  private async signal(identity: ProcessIdentity, signal: NodeJS.Signals, reached: (state: string) => boolean): Promise<ControlOutcome> {
    const check = await this.check(identity);
    if (!check.ok) return check.outcome;
    const sent = this.send(identity.pid, signal);
    if (sent !== undefined) return sent;
    const result = await this.waitFor(identity, reached, 1000);
    if (result === 'reached') return { status: 'done' };
    if (result === 'gone') return { status: 'gone', detail: `Process ${identity.pid} ended.` };
    return { status: 'failed', detail: `Process ${identity.pid} did not change state after ${signal}.` };
  }

  /** Waits until `reached(state)` holds or the process is gone (or is another process now). */
  private async waitFor(identity: ProcessIdentity, reached: (state: string) => boolean, ms: number): Promise<'reached' | 'gone' | 'timeout'> {
    const deadline = Date.now() + ms;
    for (let delay = 1; ; delay = Math.min(delay * 2, 50)) {
      const now = await readProcNow(identity.pid, this.procRoot);
      if (now === undefined || isGoneState(now.state) || !sameIdentity(now.identity, identity)) return 'gone';
      if (reached(now.state)) return 'reached';
      if (Date.now() > deadline) return 'timeout';
      await sleep(delay);
    }
  }
}
