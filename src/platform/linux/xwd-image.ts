/**
 * Decodes the X Window Dump format that `xwd` writes into a grayscale image. Pure: the capture
 * shell (x11-capture.ts) spawns `xwd`; this parser is tested with dumps made in the tests.
 *
 * Format (X11 XWDFile.h, version 7): a header of 25 big-endian CARD32 fields, the window name,
 * `ncolors` 12-byte colour entries, then `height` rows of `bytes_per_line` bytes in the server's
 * `byte_order`. We read ZPixmap TrueColor/DirectColor at 16, 24 or 32 bits per pixel: every X
 * server a desktop runs today (Xorg, Xvfb, Xwayland) hands out one of those.
 */
import { luma, type GrayImage } from '../page-text/gray-image.js';

const HEADER_FIELDS = 25;
const HEADER_BYTES = HEADER_FIELDS * 4;
const XWD_FILE_VERSION = 7;
const Z_PIXMAP = 2;
const COLOR_ENTRY_BYTES = 12;
/** Refuse absurd sizes before allocating (16k x 16k covers any real monitor wall). */
const MAX_SIDE = 16_384;

/** Why a dump could not be decoded. */
export class XwdFormatError extends Error {
  override readonly name = 'XwdFormatError';
}

/** The header fields the decoder uses. */
export interface XwdHeader {
  readonly headerSize: number;
  readonly width: number;
  readonly height: number;
  readonly byteOrder: 'lsb' | 'msb';
  readonly bitsPerPixel: number;
  readonly bytesPerLine: number;
  readonly redMask: number;
  readonly greenMask: number;
  readonly blueMask: number;
  readonly colorCount: number;
}

/** Reads and checks the header. */
export function parseXwdHeader(dump: Uint8Array): XwdHeader {
  if (dump.length < HEADER_BYTES) throw new XwdFormatError(`xwd dump too short (${dump.length} bytes)`);
  const view = new DataView(dump.buffer, dump.byteOffset, dump.byteLength);
  const field = (index: number): number => view.getUint32(index * 4, false);
  const headerSize = field(0);
  const version = field(1);
  const format = field(2);
  if (version !== XWD_FILE_VERSION) throw new XwdFormatError(`unsupported xwd version ${version}`);
  if (format !== Z_PIXMAP) throw new XwdFormatError(`unsupported xwd pixmap format ${format} (want ZPixmap)`);
  const header: XwdHeader = {
    headerSize,
    width: field(4),
    height: field(5),
    byteOrder: field(7) === 0 ? 'lsb' : 'msb',
    bitsPerPixel: field(11),
    bytesPerLine: field(12),
    redMask: field(14),
    greenMask: field(15),
    blueMask: field(16),
    colorCount: field(19),
  };
  if (headerSize < HEADER_BYTES || headerSize > dump.length) throw new XwdFormatError(`bad xwd header size ${headerSize}`);
  if (header.width < 1 || header.height < 1 || header.width > MAX_SIDE || header.height > MAX_SIDE) {
    throw new XwdFormatError(`bad xwd image size ${header.width}x${header.height}`);
  }
  if (![16, 24, 32].includes(header.bitsPerPixel)) throw new XwdFormatError(`unsupported ${header.bitsPerPixel} bits per pixel`);
  if (header.redMask === 0 || header.greenMask === 0 || header.blueMask === 0) {
    throw new XwdFormatError('xwd dump has no colour masks (palette visuals are not supported)');
  }
  if (header.bytesPerLine < (header.width * header.bitsPerPixel) / 8) throw new XwdFormatError(`bad bytes per line ${header.bytesPerLine}`);
  return header;
}

/** Decodes a dump into 8-bit gray. */
export function decodeXwd(dump: Uint8Array): GrayImage {
  const header = parseXwdHeader(dump);
  const dataStart = header.headerSize + header.colorCount * COLOR_ENTRY_BYTES;
  const needed = dataStart + header.bytesPerLine * header.height;
  if (dump.length < needed) throw new XwdFormatError(`xwd dump truncated: ${dump.length} < ${needed} bytes`);
  if (header.bitsPerPixel === 32 && header.redMask === 0xff0000 && header.greenMask === 0xff00 && header.blueMask === 0xff) {
    return decodeCommon32(dump, header, dataStart);
  }
  const red = channel(header.redMask);
  const green = channel(header.greenMask);
  const blue = channel(header.blueMask);
  const bytes = header.bitsPerPixel / 8;
  const lsb = header.byteOrder === 'lsb';
  const pixels = new Uint8Array(header.width * header.height);
  for (let y = 0; y < header.height; y += 1) {
    let offset = dataStart + y * header.bytesPerLine;
    const rowOut = y * header.width;
    for (let x = 0; x < header.width; x += 1, offset += bytes) {
      const value = readPixel(dump, offset, bytes, lsb);
      pixels[rowOut + x] = luma(red(value), green(value), blue(value));
    }
  }
  return { width: header.width, height: header.height, pixels };
}

/** The layout every 24-bit-depth X server uses: 32 bits per pixel, 8-bit channels. ~10x faster. */
function decodeCommon32(dump: Uint8Array, header: XwdHeader, dataStart: number): GrayImage {
  const [r, g, b] = header.byteOrder === 'lsb' ? [2, 1, 0] : [1, 2, 3];
  const pixels = new Uint8Array(header.width * header.height);
  for (let y = 0; y < header.height; y += 1) {
    let offset = dataStart + y * header.bytesPerLine;
    const rowOut = y * header.width;
    for (let x = 0; x < header.width; x += 1, offset += 4) {
      pixels[rowOut + x] = ((dump[offset + r] ?? 0) * 77 + (dump[offset + g] ?? 0) * 150 + (dump[offset + b] ?? 0) * 29) >> 8;
    }
  }
  return { width: header.width, height: header.height, pixels };
}

function readPixel(dump: Uint8Array, offset: number, bytes: number, lsb: boolean): number {
  let value = 0;
  for (let i = 0; i < bytes; i += 1) {
    const byte = dump[lsb ? offset + bytes - 1 - i : offset + i] ?? 0;
    value = value * 256 + byte;
  }
  return value;
}

/** Extracts one colour channel by mask and scales it to 0..255 (5- and 6-bit channels too). */
function channel(mask: number): (pixel: number) => number {
  let shift = 0;
  while (((mask >>> shift) & 1) === 0 && shift < 32) shift += 1;
  const max = mask >>> shift;
  return (pixel) => Math.round((((pixel & mask) >>> shift) * 255) / max);
}
