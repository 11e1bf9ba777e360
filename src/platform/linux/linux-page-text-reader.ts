/**
 * The Linux content check: X11 capture (`xwd`) + Tesseract, behind the serial reader (one OCR
 * at a time, cache per window + title, stop when the window goes away).
 */
import type { PageTextReader } from '../../engine/ports/page-text.js';
import { createSerialPageTextReader, type SerialReaderOptions } from '../page-text/serial-reader.js';
import { TesseractRecognizer, type TesseractOptions } from './tesseract-ocr.js';
import { X11WindowCapture, type X11CaptureOptions } from './x11-capture.js';

/** Options of the Linux reader; all optional. */
export interface LinuxPageTextReaderOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly capture?: Omit<X11CaptureOptions, 'env'>;
  readonly ocr?: Omit<TesseractOptions, 'env'>;
  readonly reader?: SerialReaderOptions;
}

/** Builds the Linux PageTextReader. */
export function createLinuxPageTextReader(options: LinuxPageTextReaderOptions = {}): PageTextReader {
  const env = options.env ?? process.env;
  const capture = new X11WindowCapture({ ...options.capture, env });
  const ocr = new TesseractRecognizer({ ...options.ocr, env });
  return createSerialPageTextReader(capture, ocr, options.reader);
}
