import { describe, expect, it } from 'vitest';
import type { Screenshots, SystemOcr } from '../../../src/platform/win32/content-native-modules.js';
import { ScreenshotsWindowCapture } from '../../../src/platform/win32/screenshots-capture.js';
import { ocrLanguageFor, WindowsSystemOcr } from '../../../src/platform/win32/system-ocr.js';
import { PlatformError } from '../../../src/engine/ports/errors.js';
import type { GrayImage } from '../../../src/platform/page-text/gray-image.js';

interface FakeWindowSpec {
  readonly id: number;
  readonly minimized?: boolean;
  readonly width: number;
  readonly height: number;
  readonly rgba?: Buffer;
  readonly failCapture?: boolean;
}

/** A stand-in for node-screenshots' module (its real binary exists only on Windows here). */
function fakeScreenshots(windows: FakeWindowSpec[]): () => Promise<Screenshots> {
  const api = {
    Window: {
      all: () =>
        windows.map((spec) => ({
          id: () => spec.id,
          isMinimized: () => spec.minimized === true,
          captureImage: () =>
            spec.failCapture === true
              ? Promise.reject(new Error('capture failed'))
              : Promise.resolve({ width: spec.width, height: spec.height, toRaw: () => Promise.resolve(spec.rgba ?? Buffer.alloc(spec.width * spec.height * 4, 255)) }),
        })),
    },
  };
  return () => Promise.resolve(api as unknown as Screenshots);
}

const signal = new AbortController().signal;

describe('ScreenshotsWindowCapture (Windows capture, mapped with a fake module)', () => {
  it('finds the window by HWND, converts RGBA to gray and skips the toolbar of a windowed browser', async () => {
    const rgba = Buffer.alloc(4 * 2 * 100);
    for (let i = 0; i < 200; i += 1) rgba.set(i < 100 ? [255, 0, 0, 255] : [0, 0, 255, 255], i * 4);
    const capture = new ScreenshotsWindowCapture({ load: fakeScreenshots([{ id: 10, width: 2, height: 100 }, { id: 1234, width: 2, height: 100, rgba }]) });
    const image = await capture.capture({ id: '1234', title: 'Security Center' }, signal);
    expect([image.width, image.height]).toEqual([2, 80]);
    expect(image.pixels[0]).toBe(76); // red row (y=20 after the crop) in gray
    expect(image.pixels[image.pixels.length - 1]).toBe(28); // blue row
    const full = await capture.capture({ id: '1234', title: '', fullscreen: true }, signal);
    expect(full.height).toBe(100);
  });

  it('says window-gone, capture-failed (minimised) and native-module-missing', async () => {
    const capture = new ScreenshotsWindowCapture({ load: fakeScreenshots([{ id: 5, width: 2, height: 2, minimized: true }, { id: 6, width: 2, height: 2, failCapture: true }]) });
    await expect(capture.capture({ id: '7', title: '' }, signal)).rejects.toMatchObject({ code: 'window-gone' });
    await expect(capture.capture({ id: '5', title: '' }, signal)).rejects.toMatchObject({ code: 'capture-failed' });
    await expect(capture.capture({ id: '6', title: '' }, signal)).rejects.toMatchObject({ code: 'capture-failed', message: expect.stringContaining('capture failed') });
    expect(await capture.isWindowOpen('6')).toBe(true);
    expect(await capture.isWindowOpen('8')).toBe(false);
    const missing = new ScreenshotsWindowCapture({ load: () => Promise.reject(new PlatformError('native-module-missing', 'node-screenshots could not be loaded')) });
    await expect(missing.capture({ id: '1', title: '' }, signal)).rejects.toMatchObject({ code: 'native-module-missing' });
  });
});

describe('WindowsSystemOcr (Windows.Media.Ocr, mapped with a fake module)', () => {
  const image: GrayImage = { width: 3, height: 2, pixels: new Uint8Array(6) };

  it('sends a BMP with the asked language and returns the text', async () => {
    const seen: Array<{ bytes: string; langs: string[] | null | undefined }> = [];
    const load = (): Promise<SystemOcr> =>
      Promise.resolve({
        recognize: (input: string | Uint8Array, _accuracy?: unknown, langs?: string[] | null) => {
          seen.push({ bytes: Buffer.from(input as Uint8Array).toString('ascii', 0, 2), langs });
          return Promise.resolve({ text: 'このPCへのアクセスはブロックされました', confidence: 1 });
        },
      } as SystemOcr);
    const ocr = new WindowsSystemOcr({ language: 'ja-JP', load });
    expect(await ocr.recognize(image, signal)).toBe('このPCへのアクセスはブロックされました');
    expect(seen).toEqual([{ bytes: 'BM', langs: ['ja-JP'] }]);
  });

  it('falls back to English when the language pack is missing, and maps failures', async () => {
    const langs: string[] = [];
    const load = (): Promise<SystemOcr> =>
      Promise.resolve({
        recognize: (_input: string | Uint8Array, _accuracy?: unknown, preferred?: string[] | null) => {
          const lang = preferred?.[0] ?? '';
          langs.push(lang);
          return lang === 'ja-JP' ? Promise.reject(new Error('The language ja-JP is not supported')) : Promise.resolve({ text: 'Call Microsoft', confidence: 1 });
        },
      } as SystemOcr);
    expect(await new WindowsSystemOcr({ language: 'ja-JP', load }).recognize(image, signal)).toBe('Call Microsoft');
    expect(langs).toEqual(['ja-JP', 'en-US']);
    const failing = (): Promise<SystemOcr> => Promise.resolve({ recognize: () => Promise.reject(new Error('device lost')) } as unknown as SystemOcr);
    await expect(new WindowsSystemOcr({ language: 'en-US', load: failing }).recognize(image, signal)).rejects.toMatchObject({ code: 'ocr-failed' });
    const hanging = (): Promise<SystemOcr> =>
      Promise.resolve({
        recognize: (_i: unknown, _a: unknown, _l: unknown, s?: AbortSignal | null) => new Promise((_resolve, reject) => s?.addEventListener('abort', () => reject(new Error('aborted')))),
      } as unknown as SystemOcr);
    await expect(new WindowsSystemOcr({ language: 'en-US', timeoutMs: 20, load: hanging }).recognize(image, signal)).rejects.toMatchObject({ code: 'ocr-timeout' });
    const missing = (): Promise<SystemOcr> => Promise.reject(new PlatformError('native-module-missing', 'gone'));
    await expect(new WindowsSystemOcr({ language: 'en-US', load: missing }).recognize(image, signal)).rejects.toMatchObject({ code: 'native-module-missing' });
  });

  it('picks Japanese for Japanese locales and refuses odd tags', () => {
    expect(ocrLanguageFor('ja-JP')).toBe('ja-JP');
    expect(ocrLanguageFor('en-GB')).toBe('en-US');
    expect(() => new WindowsSystemOcr({ language: 'ja; rm -rf' })).toThrow(RangeError);
  });
});

describe('loading the real modules on Linux', () => {
  it('system-ocr has no Linux binary: the loader says native-module-missing, never crashes', async () => {
    const { loadSystemOcr } = await import('../../../src/platform/win32/content-native-modules.js');
    await expect(loadSystemOcr()).rejects.toMatchObject({ name: 'PlatformError', code: 'native-module-missing' });
  });
});
