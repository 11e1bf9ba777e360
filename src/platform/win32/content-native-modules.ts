/**
 * Lazy loading of the content check's Windows modules: `node-screenshots` (window capture) and
 * `@napi-rs/system-ocr` (Windows.Media.Ocr). Optional dependencies, imported only when a read is
 * asked for on Windows; a missing binary becomes `PlatformError('native-module-missing')`.
 */
import type * as ScreenshotsModule from 'node-screenshots';
import type * as SystemOcrModule from '@napi-rs/system-ocr';
import { PlatformError } from '../../engine/ports/errors.js';

/** The parts of node-screenshots we use. */
export type Screenshots = Pick<typeof ScreenshotsModule, 'Window'>;
/** The parts of @napi-rs/system-ocr we use. */
export type SystemOcr = Pick<typeof SystemOcrModule, 'recognize'>;

let screenshots: Promise<Screenshots> | undefined;
let systemOcr: Promise<SystemOcr> | undefined;

function missing(name: string, why: string, cause: unknown): PlatformError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new PlatformError('native-module-missing', `${name} could not be loaded (${why}): ${detail}. The page check is off; title checks go on.`, { cause });
}

/** node-screenshots, loaded once; a failed load is retried on the next call. */
export function loadScreenshots(): Promise<Screenshots> {
  screenshots ??= import('node-screenshots')
    .then((mod: Screenshots & { default?: Screenshots }) => {
      const api = mod.default ?? mod;
      if (typeof api.Window?.all !== 'function') throw new Error('node-screenshots has no Window.all()');
      return api;
    })
    .catch((cause: unknown) => {
      screenshots = undefined;
      throw missing('node-screenshots', 'needed to capture a window', cause);
    });
  return screenshots;
}

/** @napi-rs/system-ocr, loaded once; a failed load is retried on the next call. */
export function loadSystemOcr(): Promise<SystemOcr> {
  systemOcr ??= import('@napi-rs/system-ocr')
    .then((mod: SystemOcr & { default?: SystemOcr }) => {
      const api = mod.default ?? mod;
      if (typeof api.recognize !== 'function') throw new Error('@napi-rs/system-ocr has no recognize()');
      return api;
    })
    .catch((cause: unknown) => {
      systemOcr = undefined;
      throw missing('@napi-rs/system-ocr', 'needed to read text on the screen', cause);
    });
  return systemOcr;
}
