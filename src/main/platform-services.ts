/**
 * The real platform behind the services (what main.ts uses): the OS window adapter, the
 * inventory, the system actions and the content check, each from src/platform/index.ts. A
 * missing adapter never stops the app: the watcher reports "cannot see windows" and retries,
 * a scan lists the failed source.
 */
import type { ForegroundWatcher, InventorySource, Logger, PageTextReader, WindowActions } from '../engine/ports.js';
import { PlatformError } from '../engine/ports.js';
import { systemClock } from '../engine/watch/index.js';
import { createBrowserAudio, createInventorySource, createPageAddressReader, createPageTextReader, createRemoteLivePorts, createSystemActions, createWindowPlatform } from '../platform/index.js';
import { machineFacts } from '../platform/machine-facts.js';
import { FileNetworkJournal } from '../platform/network-journal-file.js';
import { recoveryFactory } from './recovery.js';
import type { ServiceDeps } from './services.js';
import { createFamilySenders } from '../platform/net/family-senders.js';

/** Where things live for this user. */
export interface PlatformOptions {
  readonly dataHome: string;
  readonly locale: string;
  /** Exported reports (the user's Documents\ScareStop). */
  readonly reportsDir: string;
  readonly logger: Logger;
  /** Prints a saved report to PDF (main.ts: Electron's printToPDF). */
  readonly printPdf?: (htmlPath: string, pdfPath: string) => Promise<boolean>;
  /** Shows a desktop notification (the reconnect offer at start). */
  readonly notify?: (title: string, body: string) => void;
}

/** A window source that only says why it cannot work (the watcher shows it and retries). */
function unavailableWindows(error: unknown): { windows: ForegroundWatcher; actions: WindowActions } {
  const failure = (): PlatformError => new PlatformError('native-module-missing', `Windows cannot be watched: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  const refuse = () => Promise.resolve({ status: 'failed' as const, detail: failure().message });
  return {
    windows: {
      watch: () => {
        throw failure();
      },
      foreground: () => Promise.resolve(null),
      listWindows: () => Promise.resolve([]),
    },
    actions: {
      exitFullScreen: refuse,
      closeWindow: refuse,
      confirmLeavePage: refuse,
      isWindowOpen: () => Promise.resolve(false),
      identifyProcess: () => Promise.resolve(undefined),
      terminateProcessTree: refuse,
      isProcessAlive: () => Promise.resolve(false),
      preventSessionRestore: refuse,
    },
  };
}

/** An inventory created on first use, so a missing adapter becomes a failed scan source. */
function lazyInventory(): InventorySource {
  let source: Promise<InventorySource> | undefined;
  return {
    async snapshot(options) {
      source ??= createInventorySource();
      return (await source).snapshot(options);
    },
  };
}

/** Builds the services' dependencies from the real OS adapters; `dispose` releases them. */
export async function platformServiceDeps(options: PlatformOptions): Promise<ServiceDeps & { readonly dispose: () => void }> {
  let windows: { windows: ForegroundWatcher; actions: WindowActions };
  let dispose = (): void => undefined;
  try {
    const platform = await createWindowPlatform();
    windows = { windows: platform.windows, actions: platform.actions };
    dispose = () => platform.dispose();
  } catch (error) {
    options.logger.error('window adapter unavailable', { error: String(error) });
    windows = unavailableWindows(error);
  }
  let pageText: PageTextReader | undefined;
  try {
    pageText = await createPageTextReader();
  } catch (error) {
    // Without the content check, suspicious full-screen pages are reported, not read.
    options.logger.warn('content check unavailable', { error: String(error) });
  }
  // Silencing and the page address are extras: the guard works without them.
  const audio = await createBrowserAudio().catch((error: unknown) => void options.logger.warn('page sound control unavailable', { error: String(error) }));
  const addresses = await createPageAddressReader().catch((error: unknown) => void options.logger.warn('page address reader unavailable', { error: String(error) }));
  // Without the live remote watch, tools are still found every minute (the inventory re-check).
  const remoteLive = await createRemoteLivePorts().catch((error: unknown) => void options.logger.warn('live remote-access watch unavailable', { error: String(error) }));
  const systemActions = await createSystemActions({ dataHome: options.dataHome });
  const inventory = lazyInventory();
  return {
    dataHome: options.dataHome,
    locale: options.locale,
    ...windows,
    ...(pageText !== undefined ? { pageText } : {}),
    ...(audio !== undefined ? { audio } : {}),
    ...(addresses !== undefined ? { addresses } : {}),
    ...(remoteLive !== undefined ? { remoteLive } : {}),
    logger: options.logger,
    // Family alerts with the guard marker: the next start tells the family if this one died.
    family: { guard: true },
    familySenders: (settings) => createFamilySenders(settings),
    inventory,
    recovery: recoveryFactory({
      inventory,
      systemActions,
      clock: systemClock,
      reportsDir: options.reportsDir,
      locale: options.locale,
      machine: machineFacts(),
      ...(options.printPdf === undefined ? {} : { printPdf: options.printPdf }),
      networkJournal: new FileNetworkJournal(options.dataHome),
      ...(options.notify === undefined ? {} : { notify: options.notify }),
    }),
    dispose,
  };
}
