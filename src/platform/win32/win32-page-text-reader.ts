/**
 * The Windows content check: node-screenshots capture + Windows.Media.Ocr, behind the same
 * serial reader as Linux (one OCR at a time, cache per window + title, stop when the window
 * goes away). Native modules load on the first read, never at start-up.
 */
import type { PageTextReader } from '../../engine/ports/page-text.js';
import { createSerialPageTextReader, type SerialReaderOptions } from '../page-text/serial-reader.js';
import { ScreenshotsWindowCapture, type ScreenshotsCaptureOptions } from './screenshots-capture.js';
import { WindowsSystemOcr, type SystemOcrOptions } from './system-ocr.js';

/** Options of the Windows reader; all optional. */
export interface Win32PageTextReaderOptions {
  readonly language?: string;
  readonly capture?: ScreenshotsCaptureOptions;
  readonly ocr?: Omit<SystemOcrOptions, 'language'>;
  readonly reader?: SerialReaderOptions;
}

/** Builds the Windows PageTextReader. */
export function createWin32PageTextReader(options: Win32PageTextReaderOptions = {}): PageTextReader {
  const capture = new ScreenshotsWindowCapture(options.capture);
  const ocr = new WindowsSystemOcr({ ...options.ocr, ...(options.language !== undefined ? { language: options.language } : {}) });
  return createSerialPageTextReader(capture, ocr, options.reader);
}
