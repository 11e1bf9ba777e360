import { describe, expect, it } from 'vitest';
import { decodeXwd, parseXwdHeader, XwdFormatError } from '../../../src/platform/linux/xwd-image.js';

/** Builds an xwd dump the way `xwd` writes one (header big-endian, pixels in `byteOrder`). */
function makeDump(options: { width: number; height: number; bpp: 16 | 24 | 32; lsb: boolean; masks: [number, number, number]; pixel: (x: number, y: number) => number; name?: string; colors?: number }): Buffer {
  const name = Buffer.from(`${options.name ?? 'win'}\0`, 'latin1');
  const headerSize = 100 + name.length;
  const bytes = options.bpp / 8;
  const bytesPerLine = Math.ceil((options.width * bytes) / 4) * 4;
  const colors = options.colors ?? 0;
  const header = Buffer.alloc(100);
  const fields = [headerSize, 7, 2, 24, options.width, options.height, 0, options.lsb ? 0 : 1, 32, 0, 32, options.bpp, bytesPerLine, 4, ...options.masks, 8, colors, colors, options.width, options.height, 0, 0, 0];
  fields.forEach((value, index) => header.writeUInt32BE(value >>> 0, index * 4));
  const data = Buffer.alloc(bytesPerLine * options.height);
  for (let y = 0; y < options.height; y += 1) {
    for (let x = 0; x < options.width; x += 1) {
      const value = options.pixel(x, y);
      for (let i = 0; i < bytes; i += 1) {
        const shift = 8 * (options.lsb ? i : bytes - 1 - i);
        data[y * bytesPerLine + x * bytes + i] = Math.floor(value / 2 ** shift) & 0xff;
      }
    }
  }
  return Buffer.concat([header, name, Buffer.alloc(colors * 12), data]);
}

const rgb = (r: number, g: number, b: number): number => r * 65536 + g * 256 + b;

describe('decodeXwd', () => {
  it('decodes 32-bit little-endian TrueColor (Xvfb, Xorg) to gray with Rec. 601 weights', () => {
    const colours = [rgb(255, 255, 255), rgb(0, 0, 0), rgb(255, 0, 0), rgb(0, 0, 255)];
    const image = decodeXwd(makeDump({ width: 3, height: 2, bpp: 32, lsb: true, masks: [0xff0000, 0xff00, 0xff], pixel: (x, y) => colours[(x + y) % 4] ?? 0 }));
    expect(image.width).toBe(3);
    expect(image.height).toBe(2);
    expect([...image.pixels]).toEqual([255, 0, 76, 0, 76, 28]);
  });

  it('reads big-endian servers and skips the colour table and the padded row ends', () => {
    const image = decodeXwd(makeDump({ width: 3, height: 2, bpp: 32, lsb: false, masks: [0xff0000, 0xff00, 0xff], colors: 3, pixel: (x) => (x === 1 ? rgb(0, 255, 0) : rgb(10, 10, 10)) }));
    expect([...image.pixels]).toEqual([10, 149, 10, 10, 149, 10]);
  });

  it('scales 5/6/5-bit channels of 16-bit visuals to 0..255', () => {
    const image = decodeXwd(makeDump({ width: 2, height: 1, bpp: 16, lsb: true, masks: [0xf800, 0x07e0, 0x001f], pixel: (x) => (x === 0 ? 0xffff : 0x0000) }));
    expect([...image.pixels]).toEqual([255, 0]);
  });

  it('agrees with itself on 24-bit packed pixels', () => {
    const image = decodeXwd(makeDump({ width: 5, height: 1, bpp: 24, lsb: true, masks: [0xff0000, 0xff00, 0xff], pixel: () => rgb(255, 255, 255) }));
    expect([...image.pixels]).toEqual([255, 255, 255, 255, 255]);
  });

  it('refuses truncated dumps, wrong versions, palette visuals and absurd sizes with XwdFormatError', () => {
    const good = makeDump({ width: 4, height: 4, bpp: 32, lsb: true, masks: [0xff0000, 0xff00, 0xff], pixel: () => 0 });
    expect(() => decodeXwd(good.subarray(0, good.length - 1))).toThrow(XwdFormatError);
    expect(() => decodeXwd(good.subarray(0, 50))).toThrow(XwdFormatError);
    const version = Buffer.from(good);
    version.writeUInt32BE(6, 4);
    expect(() => decodeXwd(version)).toThrow(/version/);
    const palette = makeDump({ width: 1, height: 1, bpp: 32, lsb: true, masks: [0, 0, 0], pixel: () => 0 });
    expect(() => decodeXwd(palette)).toThrow(/masks/);
    const huge = Buffer.from(good);
    huge.writeUInt32BE(100_000, 16);
    expect(() => parseXwdHeader(huge)).toThrow(/size/);
  });
});
