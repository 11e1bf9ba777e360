/**
 * Prints a saved HTML report to PDF with a Chromium-family browser in headless mode
 * (`--print-to-pdf`): Chromium/Chrome on Linux, Edge or Chrome on Windows. The Electron app
 * uses its own `webContents.printToPDF` instead. Never throws: says why when no PDF was made.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCommand } from './system-command.js';

/** The PDF was written, or why not (`no-browser`: none of the known browsers is installed). */
export type PdfOutcome = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly reason: 'no-browser' | 'failed'; readonly detail: string };

function candidates(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[] {
  const own = env['SCARESTOP_CHROMIUM'];
  if (platform === 'win32') {
    const programs = [env['ProgramFiles(x86)'], env['ProgramFiles'], env['LOCALAPPDATA']].filter((dir): dir is string => dir !== undefined);
    return [
      ...(own === undefined ? [] : [own]),
      ...programs.flatMap((dir) => [join(dir, 'Microsoft', 'Edge', 'Application', 'msedge.exe'), join(dir, 'Google', 'Chrome', 'Application', 'chrome.exe')]),
    ];
  }
  return [...(own === undefined ? [] : [own]), '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'];
}

/** The browser that will print, if any. */
export function findPdfBrowser(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  return candidates(env, platform).find((path) => existsSync(path));
}

/** Prints `htmlPath` to `pdfPath` (A4, no header/footer). */
export async function printHtmlToPdf(htmlPath: string, pdfPath: string, env: NodeJS.ProcessEnv = process.env): Promise<PdfOutcome> {
  const browser = findPdfBrowser(env);
  if (browser === undefined) return { ok: false, reason: 'no-browser', detail: 'No Chromium, Chrome or Edge was found to print the PDF.' };
  // A fresh profile: the person's own browser profile is never touched or locked.
  const profile = mkdtempSync(join(tmpdir(), 'scarestop-pdf-'));
  try {
    const args = ['--headless', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, '--no-pdf-header-footer', `--print-to-pdf=${pdfPath}`, pathToFileURL(htmlPath).href];
    // Root on Linux (CI, containers) cannot use Chromium's sandbox.
    if (process.platform === 'linux' && process.getuid?.() === 0) args.unshift('--no-sandbox');
    const run = await runCommand(browser, args, { timeoutMs: 90_000 });
    if (existsSync(pdfPath) && statSync(pdfPath).size > 0) return { ok: true, path: pdfPath };
    return { ok: false, reason: 'failed', detail: `${browser} exited with ${run.code ?? run.signal ?? '?'} and wrote no PDF.` };
  } catch (error) {
    return { ok: false, reason: 'failed', detail: error instanceof Error ? error.message : String(error) };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
