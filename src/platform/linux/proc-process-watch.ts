/**
 * `ProcProcessWatch`: the Linux process watch. Each poll first reads the last pid the kernel
 * handed out (/proc/loadavg, one small read, per pid namespace): unchanged, no process was
 * created and the listing is skipped. Otherwise it lists /proc (one readdir) and reads only pids
 * it has not seen. A pid seen in the previous poll is read once more: a fork is often seen before
 * its `exec`, and the program it becomes (AnyDesk) is what matters.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { ProcessIdentity, ProcessWatchPort, StartedProcess } from '../../engine/ports/remote-live.js';
import { exeOf, isGoneState, readProcNow, sameIdentity, type ProcNow } from './proc-identity.js';

function started(now: ProcNow): StartedProcess {
  return { identity: now.identity, ppid: now.ppid, name: now.exe !== undefined ? basename(now.exe) : now.comm, ...(now.exe !== undefined ? { path: now.exe } : {}) };
}

/** Polls /proc for new processes. */
export class ProcProcessWatch implements ProcessWatchPort {
  /** pid → image when first seen. */
  private readonly known = new Map<number, string>();
  /** Pids first seen in the previous poll (checked once more for an exec). */
  private fresh = new Set<number>();
  /** The last pid handed out when /proc was last listed. */
  private lastPid: string | undefined;

  constructor(private readonly procRoot = '/proc') {}

  /** The newest pid in this pid namespace (5th field of /proc/loadavg), or undefined. */
  private newestPid(): string | undefined {
    try {
      return readFileSync(`${this.procRoot}/loadavg`, 'utf8').trim().split(/\s+/)[4];
    } catch {
      return undefined; // no loadavg (a test folder): list every time
    }
  }

  async poll(): Promise<readonly StartedProcess[]> {
    const newest = this.newestPid();
    const unchanged = newest !== undefined && newest === this.lastPid;
    this.lastPid = newest;
    const pids = unchanged ? [] : readdirSync(this.procRoot).filter((n) => n.charCodeAt(0) <= 57 && /^\d+$/.test(n)).map(Number);
    if (!unchanged) {
      const current = new Set(pids);
      for (const pid of this.known.keys()) if (!current.has(pid)) this.known.delete(pid);
    }
    const out: StartedProcess[] = [];
    const recheck = this.fresh;
    this.fresh = new Set();
    for (const pid of recheck) {
      const image = this.known.get(pid);
      if (image === undefined) continue;
      // One readlink answers "same program?" for almost every pid; only a change is read in full.
      if (exeOf(`${this.procRoot}/${pid}/exe`) === image) continue;
      const now = readProcNow(pid, this.procRoot);
      if (now !== undefined && now.identity.image !== image) {
        this.known.set(pid, now.identity.image); // it exec'd into another program since
        out.push(started(now));
      }
    }
    for (const pid of pids) {
      if (this.known.has(pid)) continue;
      const now = readProcNow(pid, this.procRoot);
      if (now === undefined) continue; // exited between readdir and read
      this.known.set(pid, now.identity.image);
      this.fresh.add(pid);
      out.push(started(now));
    }
    return out;
  }

  async alive(identities: readonly ProcessIdentity[]): Promise<readonly ProcessIdentity[]> {
    const out: ProcessIdentity[] = [];
    for (const identity of identities) {
      const now = readProcNow(identity.pid, this.procRoot);
      if (now !== undefined && !isGoneState(now.state) && sameIdentity(now.identity, identity)) out.push(identity);
    }
    return out;
  }
}
