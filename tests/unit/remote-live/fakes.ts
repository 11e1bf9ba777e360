/**
 * Fakes for the live remote watch: a process table that reports new processes per poll, a
 * control port that suspends/resumes/ends only the exact identity it was given (like the real
 * adapters' re-identification), a log folder that grows, and a connection table.
 */
import type { ConnectionPort, ControlOutcome, LogChange, ProcessConnection, ProcessControlPort, ProcessIdentity, ProcessWatchPort, SessionLogPort, StartedProcess } from '../../../src/engine/ports/remote-live.js';
import type { ScamContext } from '../../../src/engine/remote/live/scam-context.js';

/** A process of the fake machine. */
export interface FakeProcess extends StartedProcess {
  state: 'running' | 'stopped';
}

let nextPid = 5000;

/** A started process with a fresh pid. */
export function proc(name: string, path?: string, pid = nextPid++): FakeProcess {
  return { identity: { pid, start: `t${pid}`, image: path ?? name }, name, ...(path !== undefined ? { path } : {}), state: 'running' };
}

/** The fake machine: processes, their states and every control call. */
export class FakeMachine implements ProcessWatchPort, ProcessControlPort {
  readonly running = new Map<number, FakeProcess>();
  private readonly reported = new Set<number>();
  readonly calls: string[] = [];
  polls = 0;

  start(...processes: FakeProcess[]): void {
    for (const p of processes) this.running.set(p.identity.pid, p);
  }
  exit(pid: number): void {
    this.running.delete(pid);
  }
  /** The pid is reused by another program (start stamp and image change). */
  reuse(pid: number, image: string): void {
    this.running.set(pid, { identity: { pid, start: 'reused', image }, name: image, state: 'running' });
  }
  state(pid: number): FakeProcess['state'] | 'gone' {
    return this.running.get(pid)?.state ?? 'gone';
  }

  async poll(): Promise<readonly StartedProcess[]> {
    this.polls += 1;
    for (const pid of this.reported) if (!this.running.has(pid)) this.reported.delete(pid);
    const fresh = [...this.running.values()].filter((p) => !this.reported.has(p.identity.pid));
    for (const p of fresh) this.reported.add(p.identity.pid);
    return fresh;
  }
  async alive(identities: readonly ProcessIdentity[]): Promise<readonly ProcessIdentity[]> {
    return identities.filter((i) => this.same(i));
  }

  private same(identity: ProcessIdentity): boolean {
    const now = this.running.get(identity.pid)?.identity;
    return now !== undefined && now.start === identity.start && now.image === identity.image;
  }
  private act(verb: string, identity: ProcessIdentity, change: (p: FakeProcess) => void): ControlOutcome {
    this.calls.push(`${verb} ${identity.pid}`);
    const p = this.running.get(identity.pid);
    if (p === undefined) return { status: 'gone', detail: 'ended' };
    if (!this.same(identity)) return { status: 'changed', detail: `now ${p.identity.image}` };
    change(p);
    return { status: 'done' };
  }
  async suspend(identity: ProcessIdentity): Promise<ControlOutcome> {
    return this.act('suspend', identity, (p) => (p.state = 'stopped'));
  }
  async resume(identity: ProcessIdentity): Promise<ControlOutcome> {
    return this.act('resume', identity, (p) => (p.state = 'running'));
  }
  async terminate(identity: ProcessIdentity): Promise<ControlOutcome> {
    return this.act('terminate', identity, (p) => this.running.delete(p.identity.pid));
  }
}

/** Log files that grow; the first poll of a path is its history. */
export class FakeLogs implements SessionLogPort {
  readonly files = new Map<string, string>();
  private readonly offsets = new Map<string, number>();
  asked: readonly string[] = [];

  async poll(paths: readonly string[]): Promise<readonly LogChange[]> {
    this.asked = paths;
    const changes: LogChange[] = [];
    for (const [path, text] of this.files) {
      const offset = this.offsets.get(path);
      if (offset === text.length) continue;
      this.offsets.set(path, text.length);
      changes.push({ path, text: text.slice(offset ?? 0), fromStart: offset === undefined, history: offset === undefined && this.initial });
    }
    this.initial = false;
    return changes;
  }
  private initial = true;
}

/** Connections per pid. */
export class FakeConnections implements ConnectionPort {
  list: ProcessConnection[] = [];
  async established(pids: readonly number[]): Promise<readonly ProcessConnection[]> {
    return this.list.filter((c) => pids.includes(c.pid));
  }
}

/** A calm context (no scam page, no incident). */
export function calm(extra: Partial<ScamContext> = {}): ScamContext {
  return { incidentOpen: false, alwaysAsk: false, knownHelpers: [], ...extra };
}
