/**
 * Draws ScareStop's icons — a shield — without any image tool: a tiny anti-aliased rasteriser
 * and a PNG encoder on node:zlib, plus an ICO container (PNG entries). Writes assets/icons/:
 * icon.ico + icon-<size>.png (app, installer), tray-<state>.png and @2x (watching, paused,
 * alert). `npm run icons`; the files are committed, so building never needs this.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

type Rgb = readonly [number, number, number];
type Glyph = 'check' | 'pause' | 'alert';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'icons');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** RGBA pixels (row-major) → PNG file bytes. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** PNG images → one .ico (Vista+ reads PNG entries). */
export function encodeIco(images: readonly { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4); // planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)]);
}

/** Inside the shield outline, in unit coordinates (0..1). */
function inShield(x: number, y: number): boolean {
  const dx = Math.abs(x - 0.5);
  const top = 0.06 + 0.05 * (dx / 0.4);
  if (y < top) return false;
  if (y <= 0.52) return dx <= 0.4;
  const t = (y - 0.52) / 0.43;
  return t <= 1 && dx <= 0.4 * Math.sqrt(1 - t * t) * (1 - 0.25 * t);
}

function nearSegment(x: number, y: number, ax: number, ay: number, bx: number, by: number, half: number): boolean {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(x - (ax + t * vx), y - (ay + t * vy)) <= half;
}

function inGlyph(glyph: Glyph, x: number, y: number): boolean {
  switch (glyph) {
    case 'check':
      return nearSegment(x, y, 0.3, 0.5, 0.45, 0.65, 0.065) || nearSegment(x, y, 0.45, 0.65, 0.72, 0.33, 0.065);
    case 'pause':
      return y > 0.3 && y < 0.7 && ((x > 0.33 && x < 0.45) || (x > 0.55 && x < 0.67));
    case 'alert':
      return (x > 0.44 && x < 0.56 && y > 0.24 && y < 0.58) || Math.hypot(x - 0.5, y - 0.7) < 0.065;
  }
}

function drawShield(size: number, fill: Rgb, glyph: Glyph): Buffer {
  const rgba = new Uint8Array(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let shield = 0;
      let mark = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          if (inShield(x, y)) {
            shield += 1;
            if (inGlyph(glyph, x, y)) mark += 1;
          }
        }
      }
      const cover = shield / (samples * samples);
      const white = shield === 0 ? 0 : mark / shield;
      const i = (py * size + px) * 4;
      for (let c = 0; c < 3; c += 1) rgba[i + c] = Math.round((fill[c] ?? 0) * (1 - white) + 255 * white);
      rgba[i + 3] = Math.round(255 * cover);
    }
  }
  return encodePng(size, size, rgba);
}

const BLUE: Rgb = [10, 74, 158];
const GREY: Rgb = [90, 100, 115];
const RED: Rgb = [179, 38, 30];

mkdirSync(out, { recursive: true });
const appSizes = [16, 24, 32, 48, 64, 128, 256];
const appImages = appSizes.map((size) => ({ size, png: drawShield(size, BLUE, 'check') }));
for (const image of appImages) writeFileSync(join(out, `icon-${image.size}.png`), image.png);
writeFileSync(join(out, 'icon.png'), drawShield(512, BLUE, 'check'));
writeFileSync(join(out, 'icon.ico'), encodeIco(appImages));
const trayStates: readonly [string, Rgb, Glyph][] = [
  ['watching', BLUE, 'check'],
  ['paused', GREY, 'pause'],
  ['alert', RED, 'alert'],
];
for (const [state, colour, glyph] of trayStates) {
  writeFileSync(join(out, `tray-${state}.png`), drawShield(16, colour, glyph));
  writeFileSync(join(out, `tray-${state}@2x.png`), drawShield(32, colour, glyph));
  writeFileSync(join(out, `tray-${state}.ico`), encodeIco([16, 24, 32].map((size) => ({ size, png: drawShield(size, colour, glyph) }))));
}
console.log(`icons written to ${out}`);
