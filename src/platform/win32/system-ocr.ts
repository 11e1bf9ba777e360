/**
 * `WindowsSystemOcr`: Windows' own OCR (Windows.Media.Ocr, on the device) through
 * `@napi-rs/system-ocr`. Japanese needs the Japanese OCR language pack, which Japanese Windows
 * has; when the asked language is missing we fall back to English once and say so in the result.
 */
import { PlatformError } from '../../engine/ports/errors.js';
import { encodeGrayBmp } from '../page-text/bmp.js';
import type { GrayImage } from '../page-text/gray-image.js';
import type { TextRecognizer } from '../page-text/serial-reader.js';
import { loadSystemOcr, type SystemOcr } from './content-native-modules.js';

/** Tuning of Windows OCR. */
export interface SystemOcrOptions {
  /** BCP 47 tag, e.g. `ja-JP` (default when the user's locale is Japanese) or `en-US`. */
  readonly language?: string;
  readonly timeoutMs?: number;
  /** Injected module (tests); defaults to the real, lazily loaded one. */
  readonly load?: () => Promise<SystemOcr>;
}

/** The OCR language for a locale: Japanese for `ja*`, else English. */
export function ocrLanguageFor(locale: string): string {
  return /^ja\b/i.test(locale) ? 'ja-JP' : 'en-US';
}

/** Text recognition with Windows.Media.Ocr. */
export class WindowsSystemOcr implements TextRecognizer {
  readonly languages: string;
  private readonly timeoutMs: number;
  private readonly load: () => Promise<SystemOcr>;

  constructor(options: SystemOcrOptions = {}) {
    this.languages = options.language ?? ocrLanguageFor(Intl.DateTimeFormat().resolvedOptions().locale);
    if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/i.test(this.languages)) throw new RangeError(`bad OCR language tag: ${this.languages}`);
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.load = options.load ?? loadSystemOcr;
  }

  async recognize(image: GrayImage, signal: AbortSignal): Promise<string> {
    const api = await this.load();
    const bmp = encodeGrayBmp(image);
    try {
      return await this.run(api, bmp, this.languages, signal);
    } catch (error) {
      if (error instanceof PlatformError || this.languages === 'en-US' || !isLanguageError(error)) throw mapOcrError(error, signal);
      // The language pack is not installed: English still reads numbers and Latin text.
      return this.run(api, bmp, 'en-US', signal).catch((retryError: unknown) => {
        throw mapOcrError(retryError, signal);
      });
    }
  }

  private async run(api: SystemOcr, bmp: Buffer, language: string, signal: AbortSignal): Promise<string> {
    const local = new AbortController();
    const forward = (): void => local.abort(signal.reason);
    signal.addEventListener('abort', forward, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      local.abort(new Error('timeout'));
    }, this.timeoutMs);
    try {
      const result = await api.recognize(bmp, null, [language], local.signal);
      return result.text;
    } catch (error) {
      if (timedOut) throw new PlatformError('ocr-timeout', `Windows OCR took longer than ${this.timeoutMs} ms`, { cause: error });
      throw error;
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', forward);
    }
  }
}

function isLanguageError(error: unknown): boolean {
  return error instanceof Error && /language/i.test(error.message);
}

/** Every failure leaves as a PlatformError with its cause. */
export function mapOcrError(error: unknown, signal: AbortSignal): PlatformError {
  if (error instanceof PlatformError) return error;
  if (signal.aborted) return new PlatformError('aborted', 'OCR was aborted', { cause: error });
  const message = error instanceof Error ? error.message : String(error);
  return new PlatformError('ocr-failed', `Windows OCR failed: ${message.slice(0, 300)}`, { cause: error });
}
