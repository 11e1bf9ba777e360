/**
 * What the recovery wizard asks the OS to do: network off/on, stop a remote tool's processes
 * and services, run its uninstaller, quarantine files (restorable, never deleted) and remove
 * autostart entries. Implementations: src/platform/{linux,win32}; built by
 * `createSystemActions()` in src/platform/index.ts. No method throws for an OS failure: it
 * returns `failed` (with a PlatformError as `error`).
 */
import type { PlatformError } from './errors.js';

/** Outcome of one system action. `needs-admin` = refused for lack of rights; ask and retry elevated. */
export type SystemActionResult =
  | { readonly status: 'done'; readonly detail?: string }
  | { readonly status: 'not-needed'; readonly detail?: string }
  | { readonly status: 'needs-admin'; readonly detail: string }
  | { readonly status: 'failed'; readonly detail: string; readonly error?: PlatformError };

/** One network interface as the OS reports it. */
export interface NetworkInterfaceState {
  readonly name: string;
  readonly up: boolean;
  readonly kind?: 'wired' | 'wireless' | 'other';
}

/** Whether this PC can reach the internet, as far as the OS says. */
export interface NetworkStatus {
  /** At least one non-loopback interface is up and a default route exists. */
  readonly online: boolean;
  readonly interfaces: readonly NetworkInterfaceState[];
  readonly defaultRoute: boolean;
  /** How it was measured, e.g. `ip link` or `nmcli`. */
  readonly method: string;
}

/** Result of a disconnect: which interfaces were turned off, so reconnect turns on only those. */
export type DisconnectResult = SystemActionResult & {
  readonly disabled?: readonly string[];
  /** Default routes to put back on reconnect (Linux `ip route` form), when the OS drops them. */
  readonly routes?: readonly string[];
};

/**
 * What was connected before ScareStop changed anything, saved in the network journal before the
 * first change so any later reconnect (even after a crash) can put each item back and check it.
 */
export interface NetworkSnapshot {
  readonly takenAt: number;
  /** Interfaces (adapters) that were up. */
  readonly interfaces: readonly NetworkInterfaceState[];
  /** Routes in the adapter's own form (Linux: `ip route` arguments, default route included). */
  readonly routes: readonly string[];
  /** DNS servers in use (Linux: `nameserver` addresses; Windows: `ADAPTER=ADDRESS`). */
  readonly dns: readonly string[];
  /** Wi-Fi profiles that were connected (Windows; empty elsewhere). */
  readonly wifiProfiles: readonly string[];
  /** Whatever else the adapter needs to put things back (Linux: the resolv.conf text). */
  readonly restoreData?: Readonly<Record<string, string>>;
}

/** One journal item after a reconnect: did it come back? */
export interface RestoredItem {
  readonly kind: 'interface' | 'route' | 'dns' | 'wifi';
  readonly name: string;
  readonly back: boolean;
  readonly detail?: string;
}

/** Result of putting a snapshot back: the overall status and every item checked. */
export type RestoreResult = SystemActionResult & { readonly items: readonly RestoredItem[] };

/** A process to stop, as the scanner saw it: the adapter checks it is still the same program. */
export interface ProcessTarget {
  readonly pid: number;
  /** Executable file name (`AnyDesk.exe`). */
  readonly name?: string;
  readonly path?: string;
}

/** An uninstaller to run, already chosen by the engine (quiet form when one exists). */
export interface UninstallTarget {
  readonly toolName: string;
  /** The command line from the Uninstall key / package manager (Windows: one string). */
  readonly command: string;
  readonly quietCommand?: string;
}

/** A file kept in the quarantine folder. */
export interface QuarantineEntry {
  readonly id: string;
  readonly originalPath: string;
  readonly sha256: string;
  readonly size: number;
  /** ISO 8601. */
  readonly quarantinedAt: string;
  readonly reason: string;
  readonly restoredAt?: string;
}

/** An autostart entry to remove (a copy is kept so it can be put back). */
export interface AutostartTarget {
  readonly name: string;
  /** Where it lives: a file path (Startup folder, .desktop), `HKCU\...\Run`, or `systemd-user`. */
  readonly source: string;
  readonly command?: string;
}

/** Options shared by actions that may need elevation. */
export interface ElevationOptions {
  /** Allowed to show the UAC prompt / ask for admin rights. */
  readonly elevate: boolean;
}

/** The system-actions port. */
export interface SystemActions {
  networkStatus(): Promise<NetworkStatus>;
  /** What is connected now (interfaces, routes, DNS, Wi-Fi), for the journal. Changes nothing. */
  networkSnapshot(): Promise<NetworkSnapshot>;
  /** Turns the network off. `snapshot` is what the journal already holds (taken just before). */
  disconnectNetwork(options: ElevationOptions & { readonly snapshot?: NetworkSnapshot }): Promise<DisconnectResult>;
  /** Puts every item of the snapshot back and checks each one (what came back, what did not). */
  restoreNetwork(snapshot: NetworkSnapshot, options: ElevationOptions): Promise<RestoreResult>;
  /** Turns back on what `disconnectNetwork` turned off (all interfaces when unknown). */
  reconnectNetwork(
    options: ElevationOptions & { readonly interfaces?: readonly string[]; readonly routes?: readonly string[] },
  ): Promise<SystemActionResult>;
  stopProcess(target: ProcessTarget): Promise<SystemActionResult>;
  stopService(name: string, options: ElevationOptions): Promise<SystemActionResult>;
  runUninstaller(target: UninstallTarget, options: ElevationOptions): Promise<SystemActionResult>;
  /** Moves a file into the quarantine folder with a manifest; never deletes outright. */
  quarantine(path: string, reason: string): Promise<{ readonly result: SystemActionResult; readonly entry?: QuarantineEntry }>;
  restore(id: string): Promise<SystemActionResult>;
  listQuarantine(): Promise<QuarantineEntry[]>;
  removeAutostart(target: AutostartTarget, options: ElevationOptions): Promise<SystemActionResult>;
}
