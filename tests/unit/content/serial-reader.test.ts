import { describe, expect, it } from 'vitest';
import { PlatformError } from '../../../src/engine/ports/errors.js';
import type { WindowInfo } from '../../../src/engine/ports/windows.js';
import type { GrayImage } from '../../../src/platform/page-text/gray-image.js';
import { createSerialPageTextReader, type TextRecognizer, type WindowImageSource } from '../../../src/platform/page-text/serial-reader.js';

const page: GrayImage = { width: 16, height: 1, pixels: Uint8Array.from({ length: 16 }, (_, i) => (i % 2 === 0 ? 0 : 255)) };
const blank: GrayImage = { width: 4, height: 1, pixels: new Uint8Array(4) };
const win = (id: string, title = 'Security Center'): WindowInfo => ({ id, title });

interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}
function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A recognizer whose reads finish when the test says so; records concurrency. */
class ManualOcr implements TextRecognizer {
  readonly languages = 'jpn+eng';
  readonly calls: Array<{ image: GrayImage; signal: AbortSignal; done: Deferred<string> }> = [];
  running = 0;
  maxRunning = 0;
  recognize(image: GrayImage, signal: AbortSignal): Promise<string> {
    const done = deferred<string>();
    this.calls.push({ image, signal, done });
    this.running += 1;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    signal.addEventListener('abort', () => done.reject(signal.reason instanceof PlatformError ? signal.reason : new PlatformError('aborted', 'aborted')));
    return done.promise.finally(() => {
      this.running -= 1;
    });
  }
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const noSleep = (): Promise<void> => Promise.resolve();

describe('createSerialPageTextReader', () => {
  it('runs one OCR at a time, in order, and bounds the text', async () => {
    const ocr = new ManualOcr();
    const source: WindowImageSource = { capture: () => Promise.resolve(page) };
    const reader = createSerialPageTextReader(source, ocr, { maxTextChars: 10, sleep: noSleep });
    const first = reader.read(win('0x1'));
    const second = reader.read(win('0x2'));
    await tick();
    expect(ocr.calls).toHaveLength(1);
    ocr.calls[0]?.done.resolve('Access to this PC\u0000 has been blocked');
    // Cut at 10 characters by the shared cleaner (whether it trims the blank at the cut is its business).
    await expect(first).resolves.toMatchObject({ text: expect.stringMatching(/^Access to ?$/), languages: 'jpn+eng', imageSize: { width: 16, height: 1 } });
    await tick();
    expect(ocr.calls).toHaveLength(2);
    ocr.calls[1]?.done.resolve('Call +1-84');
    await expect(second).resolves.toMatchObject({ text: 'Call +1-84' });
    expect(ocr.maxRunning).toBe(1);
  });

  it('answers from the cache per window + title, shares an in-flight read, and expires', async () => {
    let now = 0;
    let captures = 0;
    const ocr = new ManualOcr();
    const source: WindowImageSource = {
      capture: () => {
        captures += 1;
        return Promise.resolve(page);
      },
    };
    const reader = createSerialPageTextReader(source, ocr, { cacheTtlMs: 1000, now: () => now, sleep: noSleep });
    const a = reader.read(win('0x1'));
    const b = reader.read(win('0x1'));
    expect(b).toBe(a);
    await tick();
    ocr.calls[0]?.done.resolve('text one');
    await a;
    await expect(reader.read(win('0x1'))).resolves.toMatchObject({ text: 'text one', cached: true });
    expect(captures).toBe(1);
    const otherTitle = reader.read(win('0x1', 'Microsoft'));
    await tick();
    ocr.calls[1]?.done.resolve('text two');
    await expect(otherTitle).resolves.toMatchObject({ text: 'text two' });
    now = 5000;
    const again = reader.read(win('0x1'));
    await tick();
    expect(captures).toBe(3);
    ocr.calls[2]?.done.resolve('text three');
    await expect(again).resolves.not.toHaveProperty('cached');
  });

  it('captures a blank frame again and gives up with empty text without running OCR', async () => {
    const frames = [blank, blank, page];
    const ocr = new ManualOcr();
    const sleeps: number[] = [];
    const source: WindowImageSource = { capture: () => Promise.resolve(frames.shift() ?? blank) };
    const reader = createSerialPageTextReader(source, ocr, { blankRetries: 2, blankRetryDelayMs: 150, sleep: (ms) => { sleeps.push(ms); return Promise.resolve(); } });
    const read = reader.read(win('0x1'));
    await tick();
    expect(sleeps).toEqual([150, 150]);
    ocr.calls[0]?.done.resolve('ok');
    await expect(read).resolves.toMatchObject({ text: 'ok' });

    const blankOnly = createSerialPageTextReader({ capture: () => Promise.resolve(blank) }, ocr, { sleep: noSleep });
    await expect(blankOnly.read(win('0x9'))).resolves.toMatchObject({ text: '', ocrMs: 0 });
    expect(ocr.calls).toHaveLength(1);
  });

  it('aborts the OCR when the window goes away, with code window-gone, and goes on with the queue', async () => {
    let open = true;
    const ocr = new ManualOcr();
    const source: WindowImageSource = { capture: () => Promise.resolve(page), isWindowOpen: () => Promise.resolve(open) };
    const reader = createSerialPageTextReader(source, ocr, { livenessPollMs: 5, sleep: noSleep });
    const doomed = reader.read(win('0x1'));
    const next = reader.read(win('0x2'));
    await tick();
    open = false;
    await expect(doomed).rejects.toMatchObject({ name: 'PlatformError', code: 'window-gone' });
    expect(ocr.calls[0]?.signal.aborted).toBe(true);
    open = true;
    await tick();
    ocr.calls[1]?.done.resolve('next page');
    await expect(next).resolves.toMatchObject({ text: 'next page' });
  });

  it("stops on the caller's abort and turns foreign errors into PlatformError", async () => {
    const ocr = new ManualOcr();
    const reader = createSerialPageTextReader({ capture: () => Promise.resolve(page) }, ocr, { sleep: noSleep });
    const controller = new AbortController();
    controller.abort();
    await expect(reader.read(win('0x1'), controller.signal)).rejects.toMatchObject({ code: 'aborted' });
    const broken = createSerialPageTextReader({ capture: () => Promise.reject(new TypeError('boom')) }, ocr, { sleep: noSleep });
    await expect(broken.read(win('0x2'))).rejects.toBeInstanceOf(PlatformError);
    await expect(broken.read(win('0x2'))).rejects.toMatchObject({ code: 'ocr-failed', message: expect.stringContaining('boom') });
  });

  it('reads afresh past the cache when asked, carries a thumbnail of what it read, and glances without OCR', async () => {
    const ocr = new ManualOcr();
    let shown: GrayImage = page;
    const source: WindowImageSource = { capture: () => Promise.resolve(shown) };
    const reader = createSerialPageTextReader(source, ocr, { sleep: noSleep });
    const first = reader.read(win('0x1'));
    await tick();
    ocr.calls[0]?.done.resolve('Please wait');
    const reading = await first;
    expect(reading.thumbnail).toMatchObject({ width: 64, height: 36 });
    await expect(reader.read(win('0x1'))).resolves.toMatchObject({ cached: true });
    expect(ocr.calls).toHaveLength(1);
    shown = { width: 16, height: 1, pixels: new Uint8Array(16).fill(200) };
    const glance = await reader.glance?.(win('0x1'));
    expect(ocr.calls).toHaveLength(1); // a glance never runs OCR
    expect(glance?.pixels.every((p) => p === 200)).toBe(true);
    shown = page;
    const again = reader.read(win('0x1'), undefined, { fresh: true });
    await tick();
    expect(ocr.calls).toHaveLength(2);
    ocr.calls[1]?.done.resolve('Call +1 888 555 0142');
    await expect(again).resolves.toMatchObject({ text: 'Call +1 888 555 0142' });
    await expect(reader.read(win('0x1'))).resolves.toMatchObject({ text: 'Call +1 888 555 0142', cached: true });
  });
});
