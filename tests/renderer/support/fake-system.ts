/**
 * SystemActions that record what the wizard asked and pretend it worked, so the renderer
 * tests never turn off this machine's network. The real adapters are tested in tests/e2e
 * (network namespace, real processes, real quarantine).
 */
import { mkdirSync, renameSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { DisconnectResult, NetworkSnapshot, NetworkStatus, QuarantineEntry, RestoreResult, SystemActionResult, SystemActions } from '../../../src/engine/ports.js';

export class RecordingSystemActions implements SystemActions {
  readonly calls: string[] = [];
  private online = true;

  /** `quarantineDir`: where quarantined files are moved (so the wizard's rescan sees them gone). */
  constructor(private readonly quarantineDir?: string) {}

  networkStatus(): Promise<NetworkStatus> {
    return Promise.resolve({ online: this.online, interfaces: [{ name: 'eth0', up: this.online, kind: 'wired' }], defaultRoute: this.online, method: 'fake' });
  }

  disconnectNetwork(): Promise<DisconnectResult> {
    this.calls.push('disconnectNetwork');
    this.online = false;
    return Promise.resolve({ status: 'done', disabled: ['eth0'], routes: [] });
  }

  networkSnapshot(): Promise<NetworkSnapshot> {
    return Promise.resolve({ takenAt: 0, interfaces: this.online ? [{ name: 'eth0', up: true, kind: 'wired' }] : [], routes: [], dns: [], wifiProfiles: [] });
  }

  restoreNetwork(snapshot: NetworkSnapshot): Promise<RestoreResult> {
    this.calls.push('restoreNetwork');
    this.online = true;
    return Promise.resolve({ status: 'done', items: snapshot.interfaces.map((item) => ({ kind: 'interface', name: item.name, back: true })) });
  }

  reconnectNetwork(): Promise<SystemActionResult> {
    this.calls.push('reconnectNetwork');
    this.online = true;
    return Promise.resolve({ status: 'done' });
  }

  stopProcess(target: { readonly pid: number }): Promise<SystemActionResult> {
    this.calls.push(`stopProcess:${target.pid}`);
    return Promise.resolve({ status: 'done' });
  }

  stopService(name: string): Promise<SystemActionResult> {
    this.calls.push(`stopService:${name}`);
    return Promise.resolve({ status: 'done' });
  }

  runUninstaller(target: { readonly toolName: string }): Promise<SystemActionResult> {
    this.calls.push(`runUninstaller:${target.toolName}`);
    return Promise.resolve({ status: 'done' });
  }

  quarantine(path: string, reason: string): Promise<{ readonly result: SystemActionResult; readonly entry?: QuarantineEntry }> {
    this.calls.push(`quarantine:${path}`);
    if (this.quarantineDir !== undefined) {
      mkdirSync(this.quarantineDir, { recursive: true });
      renameSync(path, join(this.quarantineDir, `${Date.now()}-${basename(path)}`));
    }
    return Promise.resolve({ result: { status: 'done' }, entry: { id: 'q1', originalPath: path, sha256: '0'.repeat(64), size: 1, quarantinedAt: new Date().toISOString(), reason } });
  }

  restore(id: string): Promise<SystemActionResult> {
    this.calls.push(`restore:${id}`);
    return Promise.resolve({ status: 'done' });
  }

  listQuarantine(): Promise<QuarantineEntry[]> {
    return Promise.resolve([]);
  }

  removeAutostart(target: { readonly name: string }): Promise<SystemActionResult> {
    this.calls.push(`removeAutostart:${target.name}`);
    return Promise.resolve({ status: 'done' });
  }
}
