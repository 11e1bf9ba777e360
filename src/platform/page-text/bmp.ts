/**
 * 8-bit grayscale BMP encoding: Windows.Media.Ocr (through @napi-rs/system-ocr) takes an encoded
 * image, and BMP is the simplest format every Windows decoder reads (PGM is not one of them).
 */
import type { GrayImage } from './gray-image.js';

const FILE_HEADER = 14;
const INFO_HEADER = 40;
const PALETTE = 256 * 4;

/** Encodes `image` as a bottom-up 8-bit BMP with a gray palette. */
export function encodeGrayBmp(image: GrayImage): Buffer {
  const stride = (image.width + 3) & ~3;
  const offset = FILE_HEADER + INFO_HEADER + PALETTE;
  const size = offset + stride * image.height;
  const out = Buffer.alloc(size);
  out.write('BM', 0, 'ascii');
  out.writeUInt32LE(size, 2);
  out.writeUInt32LE(offset, 10);
  out.writeUInt32LE(INFO_HEADER, 14);
  out.writeInt32LE(image.width, 18);
  out.writeInt32LE(image.height, 22); // positive height: rows stored bottom-up
  out.writeUInt16LE(1, 26); // planes
  out.writeUInt16LE(8, 28); // bits per pixel
  out.writeUInt32LE(0, 30); // BI_RGB, no compression
  out.writeUInt32LE(stride * image.height, 34);
  out.writeInt32LE(2835, 38); // 72 dpi
  out.writeInt32LE(2835, 42);
  out.writeUInt32LE(256, 46);
  out.writeUInt32LE(256, 50);
  for (let level = 0; level < 256; level += 1) {
    const at = FILE_HEADER + INFO_HEADER + level * 4;
    out[at] = level;
    out[at + 1] = level;
    out[at + 2] = level;
  }
  for (let row = 0; row < image.height; row += 1) {
    const source = image.pixels.subarray(row * image.width, (row + 1) * image.width);
    out.set(source, offset + (image.height - 1 - row) * stride);
  }
  return out;
}
