import type { NetworkStatus, SystemActionResult, SystemActions } from '../../../src/engine/ports/system-actions.js';
import type { RemoteFinding } from '../../../src/shared/remote.js';

/** A fake machine: network up/down, running pids, files; records every call. */
export class FakeSystem {
  online = true;
  needsAdminForNetwork = false;
  running = new Set<number>();
  files = new Set<string>();
  calls: string[] = [];
  hang: string | undefined;

  constructor(public findings: () => RemoteFinding[]) {}

  actions(): SystemActions {
    const result = (status: SystemActionResult['status'], detail = status): SystemActionResult => ({ status, detail }) as SystemActionResult;
    const maybeHang = async (name: string) => {
      this.calls.push(name);
      if (this.hang === name) await new Promise(() => undefined); // never resolves: the "crash"
    };
    const status = async (): Promise<NetworkStatus> => ({ online: this.online, interfaces: [{ name: 'eth0', up: this.online }], defaultRoute: this.online, method: 'fake' });
    return {
      networkStatus: status,
      disconnectNetwork: async ({ elevate }) => {
        await maybeHang('network-off');
        if (this.needsAdminForNetwork && !elevate) return { status: 'needs-admin', detail: 'cable needs admin' };
        if (!this.online) return { status: 'not-needed', detail: 'offline', disabled: [] };
        this.online = false;
        return { status: 'done', detail: 'off', disabled: ['eth0'], routes: ['default via 10.0.0.1 dev eth0'] };
      },
      networkSnapshot: async () => ({ takenAt: 0, interfaces: this.online ? [{ name: 'eth0', up: true }] : [], routes: this.online ? ['default via 10.0.0.1 dev eth0'] : [], dns: [], wifiProfiles: [] }),
      restoreNetwork: async (snapshot) => {
        await maybeHang('network-restore');
        this.calls.push(`network-restore:${snapshot.interfaces.map((item) => item.name).join(',')}`);
        this.online = true;
        return { status: 'done', items: snapshot.interfaces.map((item) => ({ kind: 'interface' as const, name: item.name, back: true })) };
      },
      reconnectNetwork: async (options) => {
        await maybeHang('network-on');
        this.calls.push(`network-on:${(options.interfaces ?? []).join(',')}:${(options.routes ?? []).join(',')}`);
        this.online = true;
        return result('done');
      },
      stopProcess: async (target) => {
        await maybeHang(`stop:${target.pid}`);
        return this.running.delete(target.pid) ? result('done') : result('not-needed');
      },
      stopService: async (name) => {
        await maybeHang(`service:${name}`);
        return result('done');
      },
      runUninstaller: async (target) => {
        await maybeHang(`uninstall:${target.toolName}`);
        return result('done');
      },
      quarantine: async (path) => {
        await maybeHang(`quarantine:${path}`);
        if (!this.files.delete(path)) return { result: result('not-needed') };
        return { result: result('done'), entry: { id: 'q1', originalPath: path, sha256: 'x', size: 1, quarantinedAt: '2026-11-22T00:00:00Z', reason: 'portable' } };
      },
      restore: async () => result('done'),
      listQuarantine: async () => [],
      removeAutostart: async (target) => {
        await maybeHang(`autostart:${target.name}`);
        return result('done');
      },
    };
  }

  /** A rescan that reports what is still running or present. */
  rescan = async (): Promise<RemoteFinding[]> =>
    this.findings()
      .map((finding) => ({ ...finding, evidence: finding.evidence.filter((e) => (e.pid !== undefined ? this.running.has(e.pid) : e.path !== undefined && this.files.has(e.path))) }))
      .filter((finding) => finding.evidence.length > 0);
}

/** A portable AnyDesk running from Downloads. */
export const portableAnyDesk: RemoteFinding = {
  toolId: 'anydesk',
  name: 'AnyDesk',
  priority: 1,
  risk: 'running',
  evidence: [
    { kind: 'running', detail: 'AnyDesk is running', pid: 4242, path: '/home/u/Downloads/AnyDesk' },
    { kind: 'portable', detail: 'portable copy in Downloads', path: '/home/u/Downloads/AnyDesk' },
  ],
};
