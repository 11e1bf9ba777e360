/**
 * The content check looks again while a suspicious page stays full screen in front: on a
 * backing-off schedule, with OCR only when the picture changed, at once when a new drawing holds
 * still, and never after the window is closed, judged or out of front. Fake clock throughout.
 */
import { describe, expect, it } from 'vitest';
import { PlatformError } from '../../../src/engine/ports/errors.js';
import type { PageTextReader, PageTextReading, PageTextReadOptions, PageThumbnail } from '../../../src/engine/ports/page-text.js';
import type { WindowInfo } from '../../../src/engine/ports/windows.js';
import { ContentCheckQueue, type ContentReadResult } from '../../../src/engine/watch/content-check.js';
import { DEFAULT_LOOK_AGAIN, pictureDifference, scheduledLookAt } from '../../../src/engine/watch/picture-change.js';
import { browserWindow, FakeClock, flush } from './fakes.js';

/** A 64x36 picture: `fill` everywhere, `popup` gray over the first `popupCells` cells. */
function picture(fill: number, popupCells = 0, popup = 255): PageThumbnail {
  const pixels = new Uint8Array(64 * 36).fill(fill);
  pixels.fill(popup, 0, popupCells);
  return { width: 64, height: 36, pixels };
}

/** A reader whose OCR the test finishes, and whose screen the test paints. */
class ScreenReader implements PageTextReader {
  screen: PageThumbnail = picture(40);
  constructor(private readonly ocrMs = 900) {}
  readonly reads: { window: WindowInfo; options: PageTextReadOptions | undefined; resolve: (text: string) => void; reject: (error: unknown) => void }[] = [];
  glances = 0;
  read(window: WindowInfo, _signal?: AbortSignal, options?: PageTextReadOptions): Promise<PageTextReading> {
    const shown = this.screen;
    return new Promise((resolve, reject) => this.reads.push({ window, options, reject, resolve: (text) => resolve({ text, captureMs: 100, ocrMs: this.ocrMs, thumbnail: shown }) }));
  }
  glance(): Promise<PageThumbnail> {
    this.glances += 1;
    return Promise.resolve(this.screen);
  }
}

/** The same reader without thumbnails (a platform that cannot glance). */
class BlindReader implements PageTextReader {
  readonly reads: { options: PageTextReadOptions | undefined; resolve: (text: string) => void }[] = [];
  read(_window: WindowInfo, _signal?: AbortSignal, options?: PageTextReadOptions): Promise<PageTextReading> {
    return new Promise((resolve) => this.reads.push({ options, resolve: (text) => resolve({ text, captureMs: 1, ocrMs: 1 }) }));
  }
}

const fullScreen = browserWindow('0x9', 'Security Center', { fullscreen: true });

function setup(reader: PageTextReader) {
  const clock = new FakeClock();
  const results: ContentReadResult[] = [];
  let inFront = true;
  const queue = new ContentCheckQueue(reader, (r) => results.push(r), { clock, stillInFront: () => inFront });
  return { clock, results, queue, leaveFront: () => (inFront = false) };
}

/** Finishes the latest OCR and lets the queue deliver it. */
async function finishRead(reader: ScreenReader | BlindReader, text = 'Please wait'): Promise<void> {
  reader.reads.at(-1)?.resolve(text);
  await flush();
}

describe('picture-change', () => {
  it('measures the share of changed cells and ignores small noise', () => {
    expect(pictureDifference(picture(40), picture(40))).toBe(0);
    expect(pictureDifference(picture(40), picture(50))).toBe(0); // 10 gray levels: noise
    expect(pictureDifference(picture(40), picture(40, 1152))).toBeCloseTo(0.5);
    expect(pictureDifference(undefined, picture(40))).toBe(1);
  });

  it('schedules looks at about 1, 3, 6 and 12 s, then every 30 s', () => {
    expect([0, 1, 2, 3, 4, 5].map((n) => scheduledLookAt(n, DEFAULT_LOOK_AGAIN))).toEqual([1_000, 3_000, 6_000, 12_000, 42_000, 72_000]);
  });
});

describe('content check: looking again', () => {
  it('reads again at the scheduled looks only when the picture changed', async () => {
    const reader = new ScreenReader();
    const { clock, results, queue } = setup(reader);
    queue.request(fullScreen);
    await finishRead(reader);
    expect(results).toHaveLength(1);
    await clock.advance(2_900); // looks at 1 s and glances: the same picture, no OCR
    expect(reader.reads).toHaveLength(1);
    expect(reader.glances).toBeGreaterThanOrEqual(2);
    reader.screen = picture(40, 30); // a small change (a counter ticked): 30 of 2304 cells
    await clock.advance(200); // the 3 s look: changed at all → read again, skipping the caches
    expect(reader.reads).toHaveLength(2);
    expect(reader.reads[1]?.options).toEqual({ fresh: true });
    await finishRead(reader, 'Scanning 37%');
    expect(results.at(-1)).toMatchObject({ ok: true, cached: false, reading: { text: 'Scanning 37%' } });
    queue.stop();
  });

  it('reads a popup drawn between looks within about a second, once it holds still', async () => {
    const reader = new ScreenReader();
    const { clock, queue } = setup(reader);
    queue.request(fullScreen);
    await finishRead(reader);
    await clock.advance(4_200);
    expect(reader.reads).toHaveLength(1);
    reader.screen = picture(40, 600); // the kit draws its warning popup (26% of the screen)
    await clock.advance(1_400); // next glance sees it, a second glance 0.3 s later confirms it
    expect(reader.reads).toHaveLength(2);
    expect(reader.reads[1]?.options).toEqual({ fresh: true });
    queue.stop();
  });

  it('glances at once when the first OCR pass took longer than a glance interval (the page had time to draw)', async () => {
    const reader = new ScreenReader();
    const { clock, queue } = setup(reader);
    queue.request(fullScreen);
    reader.screen = picture(40, 600); // drawn while the first OCR pass ran
    reader.reads[0]?.resolve('Checking your device'); // that pass took 900 ms of OCR (ScreenReader)
    await flush();
    await clock.advance(100 + DEFAULT_LOOK_AGAIN.settleMs);
    expect(reader.reads).toHaveLength(2);
    queue.stop();
  });

  it('keeps its schedule while the page churns its title, so a late popup is still read', async () => {
    const reader = new ScreenReader(50); // quick OCR: no early glance from a slow first pass
    const { clock, queue } = setup(reader);
    const titles = ['Security Center', '(1) Security Center', 'Support'];
    let answered = 0;
    for (let step = 0; step < 12; step += 1) {
      if (step === 6) reader.screen = picture(40, 600); // the popup, 3 s in
      queue.request({ ...fullScreen, title: titles[step % titles.length] ?? '' }); // a new title every 500 ms
      for (; answered < reader.reads.length; answered += 1) {
        reader.reads[answered]?.resolve('Please wait');
        await flush();
      }
      await clock.advance(500);
    }
    expect(reader.reads.some((r) => r.options?.fresh === true)).toBe(true);
    queue.stop();
  });

  it('does not OCR a constantly moving picture between looks, only at the scheduled ones', async () => {
    const reader = new ScreenReader();
    const { clock, queue } = setup(reader);
    queue.request(fullScreen);
    await finishRead(reader);
    const readsAt: number[] = [];
    for (let ms = 0, frame = 0; ms < 12_500; ms += 100, frame += 1) {
      // A video: a bright band moves across the picture, every frame differs from the last.
      const band = new Uint8Array(64 * 36).fill(40);
      band.fill(230, (frame * 150) % 2000, ((frame * 150) % 2000) + 300);
      reader.screen = { width: 64, height: 36, pixels: band };
      const before = reader.reads.length;
      await clock.advance(100);
      if (reader.reads.length > before) {
        readsAt.push(ms + 100);
        await finishRead(reader);
      }
    }
    // Only the scheduled looks at 1, 3, 6 and 12 s read (the picture changed each time).
    expect(readsAt).toHaveLength(4);
    queue.stop();
  });

  it('backs off to one look every 30 s, and reads on schedule when the platform cannot glance', async () => {
    const reader = new BlindReader();
    const { clock, queue } = setup(reader);
    queue.request(fullScreen);
    await finishRead(reader);
    const readsBy = async (ms: number): Promise<number> => {
      await clock.advance(ms);
      const count = reader.reads.length;
      await finishRead(reader);
      return count;
    };
    expect(await readsBy(999)).toBe(1);
    expect(await readsBy(1)).toBe(2); // 1 s
    expect(await readsBy(2_000)).toBe(3); // 3 s
    expect(await readsBy(3_000)).toBe(4); // 6 s
    expect(await readsBy(6_000)).toBe(5); // 12 s
    expect(await readsBy(29_000)).toBe(5);
    expect(await readsBy(1_000)).toBe(6); // 42 s
    expect(await readsBy(30_000)).toBe(7); // 72 s
    expect(reader.reads.slice(1).every((r) => r.options?.fresh === true)).toBe(true);
    queue.stop();
    expect(clock.pending()).toBe(0);
  });

  it('stops looking when the window is judged, closed, or no longer full screen in front', async () => {
    for (const end of ['judged', 'closed', 'left front'] as const) {
      const reader = new ScreenReader();
      const { clock, queue, leaveFront } = setup(reader);
      queue.request(fullScreen);
      await finishRead(reader);
      if (end === 'judged') queue.stopLooking(fullScreen.id);
      if (end === 'closed') queue.windowGone(fullScreen.id);
      if (end === 'left front') leaveFront();
      reader.screen = picture(40, 2000); // whatever the page draws now
      await clock.advance(60_000);
      expect(reader.reads).toHaveLength(1);
      expect(reader.glances).toBe(0);
      expect(clock.pending()).toBe(0);
      expect(queue.activeWindowIds()).toEqual([]);
    }
  });

  it('never runs two OCR passes at once: a look waits for the read in progress', async () => {
    const reader = new ScreenReader();
    const { clock, queue } = setup(reader);
    queue.request(fullScreen);
    await finishRead(reader);
    reader.screen = picture(40, 600);
    await clock.advance(3_000); // a second look starts and is still reading
    expect(reader.reads).toHaveLength(2);
    reader.screen = picture(40, 1500);
    await clock.advance(5_000); // more changes while it reads: no third read yet
    expect(reader.reads).toHaveLength(2);
    await finishRead(reader);
    await clock.advance(7_000); // the 12 s look
    expect(reader.reads).toHaveLength(3);
    queue.stop();
  });

  it('tries a read that timed out (a busy machine) again at the next look, but not a missing OCR tool', async () => {
    const reader = new ScreenReader();
    const { clock, results, queue } = setup(reader);
    queue.request(fullScreen);
    reader.reads[0]?.reject(new PlatformError('ocr-timeout', 'tesseract took too long'));
    await flush();
    expect(results[0]).toMatchObject({ ok: false });
    await clock.advance(1_400); // nothing was seen: the first look reads
    expect(reader.reads).toHaveLength(2);
    reader.reads[1]?.reject(new PlatformError('tool-missing', 'tesseract is not installed'));
    await flush();
    await clock.advance(60_000);
    expect(reader.reads).toHaveLength(2);
    expect(queue.activeWindowIds()).toEqual([]);
  });

  it('without a clock reads each page once, as before', async () => {
    const reader = new ScreenReader();
    const queue = new ContentCheckQueue(reader, () => undefined);
    queue.request(fullScreen);
    await finishRead(reader);
    expect(queue.activeWindowIds()).toEqual([]);
    expect(reader.glances).toBe(0);
  });
});
