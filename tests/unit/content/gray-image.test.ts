import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { crop, downscale, encodePgm, grayFromRgba, isUniform, thumbnail, type GrayImage } from '../../../src/platform/page-text/gray-image.js';
import { encodeGrayBmp } from '../../../src/platform/page-text/bmp.js';
import { looksFullScreen, prepareForOcr } from '../../../src/platform/page-text/prepare.js';

const image = (width: number, height: number, values: number[]): GrayImage => ({ width, height, pixels: Uint8Array.from(values) });

describe('gray image steps', () => {
  it('converts RGBA and BGRA to luma', () => {
    expect([...grayFromRgba(2, 1, Uint8Array.from([255, 0, 0, 255, 0, 0, 255, 255])).pixels]).toEqual([76, 28]);
    expect([...grayFromRgba(2, 1, Uint8Array.from([255, 0, 0, 255, 0, 0, 255, 255]), { bgra: true }).pixels]).toEqual([28, 76]);
    expect(() => grayFromRgba(2, 2, new Uint8Array(8))).toThrow(RangeError);
  });

  it('crops inside the image and clamps rectangles that overflow', () => {
    const img = image(3, 3, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect([...crop(img, { x: 1, y: 1, width: 2, height: 2 }).pixels]).toEqual([5, 6, 8, 9]);
    const clamped = crop(img, { x: 2, y: -5, width: 10, height: 6 });
    expect([clamped.width, clamped.height, ...clamped.pixels]).toEqual([1, 1, 3]);
  });

  it('box-averages by integer and fractional factors', () => {
    const img = image(4, 2, [0, 100, 200, 200, 100, 200, 0, 0]);
    expect([...downscale(img, 2).pixels]).toEqual([100, 100]);
    expect(downscale(img, 1)).toBe(img);
    const third = downscale(image(3, 3, [0, 0, 0, 0, 0, 0, 0, 0, 0]), 1.5);
    expect([third.width, third.height]).toEqual([2, 2]);
    expect(() => downscale(img, 0.5)).toThrow(RangeError);
  });

  it('never leaves the value range and keeps a uniform image uniform (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 255 }), fc.double({ min: 1, max: 4, noNaN: true }), (w, h, v, f) => {
        const out = downscale(image(w, h, new Array<number>(w * h).fill(v)), f);
        return out.pixels.every((p) => p === v) && out.width >= 1 && out.height >= 1;
      }),
    );
  });

  it('tells blank frames from pages', () => {
    expect(isUniform(image(10, 10, new Array<number>(100).fill(0)))).toBe(true);
    const page = new Array<number>(100).fill(255);
    page[49] = 0;
    expect(isUniform(image(10, 10, page))).toBe(false);
  });

  it('encodes PGM and bottom-up 8-bit BMP with padded rows', () => {
    const img = image(3, 2, [1, 2, 3, 4, 5, 6]);
    expect(encodePgm(img).toString('latin1')).toBe('P5\n3 2\n255\n\x01\x02\x03\x04\x05\x06');
    const bmp = encodeGrayBmp(img);
    expect(bmp.toString('ascii', 0, 2)).toBe('BM');
    expect(bmp.readUInt32LE(2)).toBe(bmp.length);
    expect(bmp.readInt32LE(18)).toBe(3);
    expect(bmp.readUInt16LE(28)).toBe(8);
    const offset = bmp.readUInt32LE(10);
    expect([...bmp.subarray(offset, offset + 8)]).toEqual([4, 5, 6, 0, 1, 2, 3, 0]);
    expect(bmp[54 + 200 * 4]).toBe(200); // palette entry 200 is gray 200
  });

  it('skips the browser toolbar only on windows that are not full screen', () => {
    const img = image(10, 100, new Array<number>(1000).fill(9));
    const screen = { x: 0, y: 0, width: 1920, height: 1080 };
    expect(looksFullScreen({ id: '1', title: '', bounds: screen, screen })).toBe(true);
    expect(looksFullScreen({ id: '1', title: '', fullscreen: true })).toBe(true);
    expect(looksFullScreen({ id: '1', title: '', bounds: { ...screen, height: 1000 }, screen })).toBe(false);
    expect(prepareForOcr(img, { id: '1', title: '', fullscreen: true }, { scale: 1, toolbarPx: 85 }).height).toBe(100);
    expect(prepareForOcr(img, { id: '1', title: '' }, { scale: 1, toolbarPx: 85 }).height).toBe(80); // at most a fifth
    expect(prepareForOcr(image(10, 1000, new Array<number>(10_000).fill(0)), { id: '1', title: '' }, { scale: 2, toolbarPx: 85 }).height).toBe(457);
  });
});

describe('thumbnail', () => {
  it('keeps the mean gray of each area at 64x36, whatever the capture size', () => {
    const width = 1920;
    const height = 1080;
    const pixels = new Uint8Array(width * height).fill(20);
    for (let y = 0; y < height / 2; y += 1) pixels.fill(220, y * width, y * width + width / 2); // a bright top-left quarter
    const small = thumbnail({ width, height, pixels });
    expect(small).toMatchObject({ width: 64, height: 36 });
    expect(small.pixels[0]).toBe(220);
    expect(small.pixels[31]).toBe(220);
    expect(small.pixels[32]).toBe(20);
    expect(small.pixels[18 * 64]).toBe(20);
    expect(thumbnail({ width: 3, height: 2, pixels: new Uint8Array(6).fill(9) }).pixels.every((p) => p === 9)).toBe(true);
  });
});
