/**
 * Picks the OS implementation of each port. This is the ONLY file that looks at
 * `process.platform`; adapters are imported lazily so Linux never loads Windows-only code.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { PageTextReader } from '../engine/ports/page-text.js';
import type { WindowPlatform } from '../engine/ports/windows.js';
import type { SystemActions } from '../engine/ports/system-actions.js';
import type { InventorySource } from '../engine/ports/inventory.js';
import type { BrowserAudio, PageAddressReader } from '../engine/ports/browser-page.js';
import type { RemoteLivePorts } from '../engine/ports/remote-live.js';
import type { Win32SelfCheck } from './win32/self-check.js';
import type { SecretSealer } from '../engine/ports/secrets.js';
import { ownerOnlySecrets } from './linux/owner-only-secrets.js';
import { createDpapiSealer } from './win32/dpapi.js';

/** The operating systems ScareStop has adapters for. */
export type SupportedOs = 'win32' | 'linux';

/** The OS we run on, or an error naming it when there is no adapter yet. */
export function currentOs(platform: NodeJS.Platform = process.platform): SupportedOs {
  if (platform === 'win32' || platform === 'linux') return platform;
  throw new Error(`ScareStop has no adapter for ${platform} yet (supported: Windows, Linux).`);
}

/**
 * The per-user data folder: `SCARESTOP_HOME` if set, else `%APPDATA%\ScareStop` on Windows and
 * `$XDG_DATA_HOME/scarestop` (default `~/.local/share/scarestop`) elsewhere.
 */
export function dataHome(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const override = env['SCARESTOP_HOME'];
  if (override !== undefined && override.trim() !== '') return override;
  if (platform === 'win32') {
    const appData = env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming');
    return join(appData, 'ScareStop');
  }
  const xdg = env['XDG_DATA_HOME'];
  const base = xdg !== undefined && xdg.trim() !== '' ? xdg : join(homedir(), '.local', 'share');
  return join(base, 'scarestop');
}

/**
 * How the SMTP password and webhook URLs are kept: DPAPI for this Windows user (koffi and
 * crypt32 are loaded on first use), or as they are in owner-only files on Linux.
 */
export function secretSealer(platform: NodeJS.Platform = process.platform): SecretSealer {
  return currentOs(platform) === 'win32' ? createDpapiSealer() : ownerOnlySecrets;
}

/** Options of the content check's reader (capture + OCR), per OS; all optional. */
export interface PageTextReaderOptions {
  /** Environment of the helper tools (Linux: `DISPLAY`). */
  readonly env?: NodeJS.ProcessEnv;
  /** OCR languages: Tesseract codes on Linux (`jpn+eng`), BCP 47 on Windows (`ja`). */
  readonly languages?: string;
}

/**
 * The second stage of the watcher: reads a suspicious window's text on the device
 * (Linux: `xwd` + Tesseract; Windows: node-screenshots + Windows.Media.Ocr).
 */
export async function createPageTextReader(options: PageTextReaderOptions = {}): Promise<PageTextReader> {
  const os = currentOs();
  if (os === 'linux') {
    const { createLinuxPageTextReader } = await import('./linux/linux-page-text-reader.js');
    return createLinuxPageTextReader({ ...(options.env !== undefined ? { env: options.env } : {}), ...(options.languages !== undefined ? { ocr: { languages: options.languages } } : {}) });
  }
  const { createWin32PageTextReader } = await import('./win32/win32-page-text-reader.js');
  return createWin32PageTextReader(options.languages !== undefined ? { language: options.languages } : {});
}

/** Options of the window adapter (tests pass their Xvfb's environment). */
export interface WindowPlatformOptions {
  /** Environment of the helper tools (Linux: `DISPLAY`). */
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * The window adapter for the watcher and close-now: foreground/title events, the window list,
 * and the close actions (Linux: X11 via xprop/wmctrl/xdotool; Windows: user32 via koffi).
 */
export async function createWindowPlatform(options: WindowPlatformOptions = {}): Promise<WindowPlatform> {
  const os = currentOs();
  if (os === 'linux') {
    const { createX11WindowPlatform } = await import('./linux/x11-window-platform.js');
    return createX11WindowPlatform(options.env !== undefined ? { env: options.env } : {});
  }
  const { createWin32WindowPlatform } = await import('./win32/window-platform.js');
  // Event-driven (SetWinEventHook in a worker thread), a 1 s safety poll; 150 ms poll without it.
  return createWin32WindowPlatform({ foreground: { events: true } });
}

/** Options of the recovery wizard's system actions. */
export interface SystemActionsOptions {
  /** The data folder (quarantine lives in `<dataHome>/quarantine`); default {@link dataHome}(). */
  readonly dataHome?: string;
  /** Linux only: force `nmcli` or `ip-link` (default: env `SCARESTOP_NETWORK_BACKEND`, else auto). */
  readonly networkBackend?: 'auto' | 'nmcli' | 'ip-link';
  /** Linux only: act inside this network namespace (tests). */
  readonly netns?: string;
}

/** Network off/on, stop processes/services, uninstall, quarantine for the recovery wizard. */
export async function createSystemActions(options: SystemActionsOptions = {}): Promise<SystemActions> {
  const home = options.dataHome ?? dataHome();
  if (currentOs() === 'linux') {
    const { createLinuxSystemActions } = await import('./linux/system-actions.js');
    const envBackend = process.env['SCARESTOP_NETWORK_BACKEND'];
    const backend = options.networkBackend ?? (envBackend === 'nmcli' || envBackend === 'ip-link' ? envBackend : 'auto');
    return createLinuxSystemActions({ dataHome: home, network: { backend, ...(options.netns === undefined ? {} : { netns: options.netns }) } });
  }
  const { createWin32SystemActions } = await import('./win32/system-actions.js');
  return createWin32SystemActions({ dataHome: home });
}

/** Options of the remote-access inventory. */
export interface InventorySourceOptions {
  /** Environment (HOME, TMPDIR, XDG_CONFIG_HOME); default `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
}

/** Lists installed programs, processes, services, user files... for `scarestop scan`. */
export async function createInventorySource(options: InventorySourceOptions = {}): Promise<InventorySource> {
  if (currentOs() === 'linux') {
    const { createProcInventory } = await import('./linux/inventory.js');
    return createProcInventory(options.env !== undefined ? { env: options.env } : {});
  }
  const { createRegistryInventory } = await import('./win32/win32-inventory.js');
  return createRegistryInventory(options.env !== undefined ? { env: options.env } : {});
}

/** Start-up self-check of the Windows adapter (which native modules and APIs work); null elsewhere. */
export async function selfCheckPlatform(): Promise<Win32SelfCheck | null> {
  if (currentOs() !== 'win32') return null;
  const { selfCheckWin32 } = await import('./win32/self-check.js');
  return selfCheckWin32();
}

/** Options of the page's sound and address adapters. */
export interface BrowserPageOptions {
  /** Linux: the environment naming the sound server (XDG_RUNTIME_DIR, PULSE_SERVER) and HOME. */
  readonly env?: NodeJS.ProcessEnv;
}

/** Per-browser mute (Linux: PulseAudio/PipeWire through pactl; Windows: Core Audio sessions). */
export async function createBrowserAudio(options: BrowserPageOptions = {}): Promise<BrowserAudio> {
  if (currentOs() === 'linux') {
    const { PulseBrowserAudio } = await import('./linux/pulse-audio.js');
    return new PulseBrowserAudio(options.env !== undefined ? { env: options.env } : {});
  }
  const [{ Win32BrowserAudio }, { bindCoreAudio }, { loadKoffi }, { win32 }] = await Promise.all([
    import('./win32/win32-browser-audio.js'),
    import('./win32/core-audio-koffi.js'),
    import('./win32/native-modules.js'),
    import('./win32/win32-api.js'),
  ]);
  const kernel32 = await win32('kernel32');
  let calls: ReturnType<typeof bindCoreAudio> | undefined;
  return new Win32BrowserAudio(async () => (calls ??= bindCoreAudio(await loadKoffi())), () => kernel32.processSnapshot());
}

/** The page address from the browser's own history (Chromium-family History, Firefox places.sqlite). */
export async function createPageAddressReader(options: BrowserPageOptions = {}): Promise<PageAddressReader> {
  if (currentOs() === 'linux') {
    const { createLinuxPageAddressReader } = await import('./linux/page-address.js');
    return createLinuxPageAddressReader(options.env !== undefined ? { env: options.env } : {});
  }
  const { createWin32PageAddressReader } = await import('./win32/page-address.js');
  return createWin32PageAddressReader(options.env !== undefined ? { env: options.env } : {});
}

/** Options of the live remote-access watch's adapters. */
export interface RemoteLivePortsOptions {
  /** Environment for expanding log paths (HOME, APPDATA, ProgramData...); default `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * The live remote-access watch's adapters: process watch, suspend/resume/end, session-log tail
 * and connections (Linux: /proc + signals; Windows: Toolhelp + NtSuspendProcess via koffi).
 */
export async function createRemoteLivePorts(options: RemoteLivePortsOptions = {}): Promise<RemoteLivePorts> {
  const env = options.env ?? process.env;
  const { SessionLogTail } = await import('./session-log-tail.js');
  if (currentOs() === 'linux') {
    const [{ ProcProcessWatch }, { SignalProcessControl }, { ProcConnections }, { expandPath }] = await Promise.all([
      import('./linux/proc-process-watch.js'),
      import('./linux/signal-control.js'),
      import('./linux/proc-connections.js'),
      import('./linux/inventory-files.js'),
    ]);
    const home = env['HOME'] ?? homedir();
    return {
      processes: new ProcProcessWatch(),
      control: new SignalProcessControl(),
      connections: new ProcConnections(),
      logs: new SessionLogTail({ expand: (path) => expandPath(path, home) }),
    };
  }
  const { createWin32RemoteLivePorts } = await import('./win32/remote-live-ports.js');
  return createWin32RemoteLivePorts(env);
}
