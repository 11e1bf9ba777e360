/**
 * The built renderer in Debian's Chromium (playwright-core, headless, never a downloaded
 * browser) with `window.scarestop` bridged to a REAL services instance in this process: the
 * same createServices/handler table/dispatchRequest main.ts uses, a real SQLite store in a temp
 * folder, the real detector and watcher; only the OS window layer is scripted (or, with
 * `platform`, the real X11 adapter on a test display).
 */
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { WindowPlatform } from '../../../src/engine/ports.js';
import type { Screen } from '../../../src/shared/ipc.js';
import { rendererMessageOf } from '../../../src/main/app-events.js';
import type { AppServices } from '../../../src/main/app-services.js';
import { createHandlerTable } from '../../../src/main/ipc-handlers.js';
import { dispatchRequest } from '../../../src/main/ipc-register.js';
import type { RecoveryFactory } from '../../../src/main/recovery-features.js';
import { createServices, type ServiceDeps } from '../../../src/main/services.js';
import { TrustPolicy } from '../../../src/main/trust.js';
import { buildRenderer } from '../../../scripts/build-renderer.js';
import { RecordingWindowActions, ScriptedForeground } from './fake-windows.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const CHROMIUM_PATH = process.env['SCARESTOP_CHROMIUM'] ?? '/usr/bin/chromium';

/** Short waits so the real escalation finishes quickly against the scripted windows. */
const FAST_ESCALATION = { fullscreenVerifyMs: 200, closeWaitMs: 500, terminateWaitMs: 500, windowlessGraceMs: 200, pollMs: 20 };

export interface Harness {
  readonly page: Page;
  readonly services: AppServices;
  /** The scripted windows (not used by the services when a real `platform` was given). */
  readonly foreground: ScriptedForeground;
  readonly actions: RecordingWindowActions;
  readonly dataHome: string;
  /** Opens a screen and waits until it is drawn. */
  open(screen: Screen): Promise<void>;
  /** Waits until the renderer has drawn `screen` (after a navigation it triggered itself). */
  waitForScreen(screen: Screen): Promise<void>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  /** OS locale seen by main (`ja-JP`, `en-US`). */
  readonly locale?: string;
  readonly recovery: (dataHome: string) => RecoveryFactory;
  readonly viewport?: { readonly width: number; readonly height: number };
  /** Real family senders for "Send a test" (default: none). */
  readonly familySenders?: ServiceDeps['familySenders'];
  /** Real OS windows instead of the scripted ones (e.g. the X11 adapter on an Xvfb display). */
  readonly platform?: WindowPlatform;
  /** The live remote-access watch's adapters (see remote-scope.ts); left out: not watched. */
  readonly remoteLive?: ServiceDeps['remoteLive'];
}

let bridgeScript: string | undefined;
let rendererBuilt: Promise<string> | undefined;
/** This process's own build of the renderer (the same build as renderer/dist, another folder). */
const rendererDir = mkdtempSync(join(tmpdir(), 'scarestop-renderer-'));
process.once('exit', () => rmSync(rendererDir, { recursive: true, force: true }));

async function bridgeSource(): Promise<string> {
  if (bridgeScript !== undefined) return bridgeScript;
  const out = await build({ entryPoints: [join(root, 'tests', 'renderer', 'support', 'bridge-entry.ts')], bundle: true, format: 'iife', platform: 'browser', target: 'chrome120', write: false, logLevel: 'warning' });
  const file = out.outputFiles[0];
  if (file === undefined) throw new Error('bridge bundle is empty');
  bridgeScript = file.text;
  return bridgeScript;
}

/** Builds the renderer (once per process), starts Chromium and the services. */
export async function startHarness(options: HarnessOptions): Promise<Harness> {
  rendererBuilt ??= buildRenderer(rendererDir);
  await rendererBuilt;
  const dataHome = mkdtempSync(join(tmpdir(), 'scarestop-ui-'));
  const foreground = new ScriptedForeground();
  const actions = new RecordingWindowActions(foreground);
  const services = createServices({
    dataHome,
    locale: options.locale ?? 'en-US',
    windows: options.platform?.windows ?? foreground,
    actions: options.platform?.actions ?? actions,
    recovery: options.recovery(dataHome),
    escalation: FAST_ESCALATION,
    ...(options.familySenders === undefined ? {} : { familySenders: options.familySenders }),
    ...(options.remoteLive === undefined ? {} : { remoteLive: options.remoteLive }),
  });
  services.start();
  // main.ts registers the global shortcut and reports it; there is no Electron here, so say it worked.
  services.setRegisteredHotkey(services.settings().hotkey);
  const trust = new TrustPolicy(rendererDir);
  const table = createHandlerTable(services);
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1100, height: 900 }, locale: options.locale ?? 'en-US' });
  await context.exposeBinding('__scarestopInvoke', (source, channel: unknown, args: unknown) =>
    dispatchRequest(table, trust, { url: source.frame.url(), isMainFrame: source.frame.parentFrame() === null }, String(channel), args),
  );
  await context.addInitScript({ content: await bridgeSource() });
  const page = await context.newPage();
  // Fail with the locator's name well before the test's own timeout.
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (error) => console.error('renderer error:', error.message));
  const unsubscribe = services.subscribe((event) => {
    const message = rendererMessageOf(event);
    if (message === null || page.isClosed()) return;
    page.evaluate(([channel, payload]) => (window as unknown as { __scarestopDeliver?: (c: string, p: unknown) => void }).__scarestopDeliver?.(channel, payload), [message.channel, message.payload] as const).catch(() => undefined);
  });
  const waitForScreen = async (screen: Screen): Promise<void> => {
    await page.waitForFunction((name) => document.body.dataset['ready'] === name && document.getElementById('screen-title') !== null, screen, { timeout: 15_000 });
  };
  return {
    page,
    services,
    foreground,
    actions,
    dataHome,
    async open(screen) {
      await page.goto(`${pathToFileURL(join(rendererDir, 'index.html')).href}#${screen}`);
      await waitForScreen(screen);
    },
    waitForScreen,
    async stop() {
      unsubscribe();
      await browser.close();
      await services.stop();
      rmSync(dataHome, { recursive: true, force: true });
    },
  };
}

/** axe-core's source, injected by evaluate (the page's CSP blocks inline script tags). */
export async function axeViolations(page: Page): Promise<{ id: string; impact: string | null; nodes: string[] }[]> {
  const axe = (await import('axe-core')).default;
  await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const runner = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await runner.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
}
