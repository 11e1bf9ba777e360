/**
 * The live remote-access watch on Windows: a Toolhelp snapshot diff (new pids only get their
 * image path and creation time read), NtSuspendProcess / NtResumeProcess / TerminateProcess on
 * processes re-identified right before (pid + creation time + image path), the tools' logs
 * tailed, and the TCP table's rows of the watched pids. Win32 calls go through koffi.
 */
import { basename } from 'node:path/win32';
import type { ConnectionPort, ControlOutcome, ProcessControlPort, ProcessIdentity, ProcessWatchPort, RemoteLivePorts, StartedProcess } from '../../engine/ports/remote-live.js';
import { SessionLogTail } from '../session-log-tail.js';
import { expandWin32Path } from './artifact-files.js';
import type { Kernel32 } from './kernel32.js';
import { win32 } from './win32-api.js';

/** The identity of a pid right now, or undefined when it cannot be opened (gone, protected). */
export function win32Identity(kernel32: Pick<Kernel32, 'imagePath' | 'startTime'>, pid: number, exeFile?: string): ProcessIdentity | undefined {
  const start = kernel32.startTime(pid);
  if (start === undefined) return undefined;
  const image = kernel32.imagePath(pid) ?? exeFile;
  return image === undefined ? undefined : { pid, start: String(start), image };
}

/** Toolhelp snapshot diff. */
export class ToolhelpProcessWatch implements ProcessWatchPort {
  private readonly known = new Map<number, string>();

  async poll(): Promise<readonly StartedProcess[]> {
    const kernel32 = await win32('kernel32');
    const rows = kernel32.processSnapshot();
    const current = new Set(rows.map((r) => r.pid));
    for (const pid of this.known.keys()) if (!current.has(pid)) this.known.delete(pid);
    const out: StartedProcess[] = [];
    for (const row of rows) {
      if (row.pid === 0 || this.known.get(row.pid) === row.exeFile) continue;
      this.known.set(row.pid, row.exeFile);
      const identity = win32Identity(kernel32, row.pid, row.exeFile);
      if (identity === undefined) continue; // gone already, or a protected system process
      const path = identity.image.includes('\\') ? identity.image : undefined;
      out.push({ identity, ppid: row.ppid, name: path !== undefined ? basename(path) : row.exeFile, ...(path !== undefined ? { path } : {}) });
    }
    return out;
  }

  async alive(identities: readonly ProcessIdentity[]): Promise<readonly ProcessIdentity[]> {
    const kernel32 = await win32('kernel32');
    return identities.filter((identity) => {
      if (kernel32.isAlive(identity.pid) !== true) return false;
      const now = win32Identity(kernel32, identity.pid);
      return now !== undefined && now.start === identity.start && now.image.toLowerCase() === identity.image.toLowerCase();
    });
  }
}

/** Suspend / resume / end after re-identifying. */
export class NtProcessControl implements ProcessControlPort {
  private async check(identity: ProcessIdentity): Promise<ControlOutcome | undefined> {
    const kernel32 = await win32('kernel32');
    if (kernel32.isAlive(identity.pid) === false) return { status: 'gone', detail: `Process ${identity.pid} has ended.` };
    const now = win32Identity(kernel32, identity.pid);
    if (now === undefined) return kernel32.isAlive(identity.pid) === undefined ? { status: 'gone', detail: `Process ${identity.pid} is not running.` } : { status: 'needs-admin', detail: `Process ${identity.pid} can only be paused with administrator permission.` };
    if (now.start !== identity.start || now.image.toLowerCase() !== identity.image.toLowerCase()) return { status: 'changed', detail: `Process ${identity.pid} is now ${now.image}; left alone.` };
    return undefined;
  }

  private async suspendOrResume(identity: ProcessIdentity, verb: 'suspend' | 'resume'): Promise<ControlOutcome> {
    const refused = await this.check(identity);
    if (refused !== undefined) return refused;
    const result = (await win32('suspend'))[verb](identity.pid);
    if (result === 'done') return { status: 'done' };
    if (result === 'cannot-open') return { status: 'needs-admin', detail: `Process ${identity.pid} can only be paused with administrator permission.` };
    return { status: 'failed', detail: `Nt${verb === 'suspend' ? 'Suspend' : 'Resume'}Process failed for process ${identity.pid}.` };
  }

  suspend(identity: ProcessIdentity): Promise<ControlOutcome> {
    return this.suspendOrResume(identity, 'suspend');
  }

  resume(identity: ProcessIdentity): Promise<ControlOutcome> {
    return this.suspendOrResume(identity, 'resume');
  }

  async terminate(identity: ProcessIdentity): Promise<ControlOutcome> {
    const refused = await this.check(identity);
    if (refused !== undefined) return refused.status === 'gone' ? { status: 'done' } : refused;
    const kernel32 = await win32('kernel32');
    if (!kernel32.terminate(identity.pid, 1)) return { status: 'needs-admin', detail: `Process ${identity.pid} could not be ended; it may run as administrator.` };
    return kernel32.waitExit(identity.pid, 5000) ? { status: 'done' } : { status: 'failed', detail: `Process ${identity.pid} did not end.` };
  }
}

/** TCP rows (IPv4 owner table) of the watched pids, with the local peer's pid. */
export class TcpTableConnections implements ConnectionPort {
  async established(pids: readonly number[]) {
    const rows = (await win32('iphlpapi')).tcpTable().filter((r) => r.state === 'ESTABLISHED');
    const wanted = new Set(pids);
    const byEnds = new Map(rows.map((r) => [`${r.localAddress}|${r.localPort}|${r.remoteAddress}|${r.remotePort}`, r]));
    return rows
      .filter((r) => wanted.has(r.pid))
      .map((r) => {
        const peer = byEnds.get(`${r.remoteAddress}|${r.remotePort}|${r.localAddress}|${r.localPort}`);
        return { pid: r.pid, remoteAddress: r.remoteAddress, remotePort: r.remotePort, ...(peer !== undefined && wanted.has(peer.pid) ? { peerPid: peer.pid } : {}) };
      });
  }
}

/** Factory used by src/platform/index.ts. */
export function createWin32RemoteLivePorts(env: NodeJS.ProcessEnv): RemoteLivePorts {
  return {
    processes: new ToolhelpProcessWatch(),
    control: new NtProcessControl(),
    connections: new TcpTableConnections(),
    logs: new SessionLogTail({ expand: (path) => expandWin32Path(path, env) }),
  };
}
