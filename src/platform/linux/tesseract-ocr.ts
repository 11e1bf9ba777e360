/**
 * `TesseractRecognizer`: Debian's `tesseract` CLI reading a PGM from stdin
 * (`tesseract stdin stdout -l jpn+eng --psm 3`). One thread (OMP_THREAD_LIMIT=1): the check runs
 * beside the user's browser on small machines, and a second thread bought little here.
 * Killed when it overruns its time limit or the read is aborted.
 */
import { PlatformError } from '../../engine/ports/errors.js';
import { assertNever } from '../../shared/result.js';
import { encodePgm, type GrayImage } from '../page-text/gray-image.js';
import type { TextRecognizer } from '../page-text/serial-reader.js';
import { boundedSpawn, type SpawnOutcome } from './bounded-spawn.js';

/** Tuning; defaults measured with scripts/bench/content.bench.ts. */
export interface TesseractOptions {
  /** Tesseract language list, e.g. `jpn+eng` (default) or `eng` (about a third faster). */
  readonly languages?: string;
  /** Page segmentation mode: 3 = automatic layout (best on panels with headings and buttons). */
  readonly psm?: number;
  readonly timeoutMs?: number;
  readonly env?: NodeJS.ProcessEnv;
  /** Path of the tesseract binary. */
  readonly command?: string;
}

/** OCR output is small; anything bigger is not a page of text. */
const MAX_OCR_OUTPUT = 1_000_000;

/** Text recognition with the Tesseract CLI. */
export class TesseractRecognizer implements TextRecognizer {
  readonly languages: string;
  private readonly psm: number;
  private readonly timeoutMs: number;

  constructor(private readonly options: TesseractOptions = {}) {
    this.languages = options.languages ?? 'jpn+eng';
    if (!/^[a-z_]{3,20}(\+[a-z_]{3,20}){0,4}$/i.test(this.languages)) throw new RangeError(`bad tesseract language list: ${this.languages}`);
    this.psm = options.psm ?? 3;
    this.timeoutMs = options.timeoutMs ?? 15_000;
  }

  /** The text Tesseract reads in `image`. */
  async recognize(image: GrayImage, signal: AbortSignal): Promise<string> {
    const outcome = await boundedSpawn(this.options.command ?? 'tesseract', ['stdin', 'stdout', '-l', this.languages, '--psm', String(this.psm)], {
      env: { ...(this.options.env ?? process.env), OMP_THREAD_LIMIT: '1' },
      input: encodePgm(image),
      timeoutMs: this.timeoutMs,
      maxStdoutBytes: MAX_OCR_OUTPUT,
      signal,
    });
    return tesseractText(outcome, this.timeoutMs);
  }
}

/** Maps the tool's outcome to text or a typed error. */
export function tesseractText(outcome: SpawnOutcome, timeoutMs: number): string {
  switch (outcome.kind) {
    case 'exited': {
      if (outcome.code === 0) return outcome.stdout.toString('utf8');
      const stderr = outcome.stderr.trim().slice(-300);
      if (/Failed loading language|Error opening data file/i.test(stderr)) {
        throw new PlatformError('tool-missing', `tesseract language data missing (Debian packages tesseract-ocr-eng, tesseract-ocr-jpn): ${stderr}`);
      }
      throw new PlatformError('ocr-failed', `tesseract exited with ${outcome.code}: ${stderr}`);
    }
    case 'not-found':
      throw new PlatformError('tool-missing', 'tesseract is not installed (Debian package tesseract-ocr)', { cause: outcome.error });
    case 'failed-to-start':
      throw new PlatformError('ocr-failed', `tesseract could not start: ${outcome.error.message}`, { cause: outcome.error });
    case 'timed-out':
      throw new PlatformError('ocr-timeout', `tesseract took longer than ${timeoutMs} ms and was stopped`);
    case 'aborted':
      throw outcome.reason instanceof PlatformError ? outcome.reason : new PlatformError('aborted', 'OCR was aborted', { cause: outcome.reason });
    case 'killed':
      throw new PlatformError('ocr-failed', `tesseract was killed by ${outcome.signal}`);
    case 'too-much-output':
      throw new PlatformError('ocr-failed', `tesseract wrote more than ${outcome.limit} bytes`);
    default:
      return assertNever(outcome, 'spawn outcome');
  }
}
