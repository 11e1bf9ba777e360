/**
 * A small 8-bit grayscale image and the cheap steps the content check needs before OCR:
 * crop (skip the browser's own toolbar), box-downscale, and PGM encoding for Tesseract's stdin.
 * Pure functions, no I/O: shared by the Linux and Windows readers and tested everywhere.
 */

/** 8-bit grayscale pixels, row-major, `width * height` bytes. */
export interface GrayImage {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
}

/** Rec. 601 luma in integer maths (weights sum to 256). */
export function luma(red: number, green: number, blue: number): number {
  return (red * 77 + green * 150 + blue * 29) >> 8;
}

/** Converts tightly packed RGBA (or BGRA with `bgra`) pixels to gray. */
export function grayFromRgba(width: number, height: number, data: Uint8Array, options: { bgra?: boolean } = {}): GrayImage {
  if (data.length < width * height * 4) throw new RangeError(`RGBA buffer too short: ${data.length} < ${width * height * 4}`);
  const pixels = new Uint8Array(width * height);
  const [r, b] = options.bgra === true ? [2, 0] : [0, 2];
  for (let i = 0, o = 0; o < pixels.length; i += 4, o += 1) {
    pixels[o] = luma(data[i + r] ?? 0, data[i + 1] ?? 0, data[i + b] ?? 0);
  }
  return { width, height, pixels };
}

/** The part of `image` inside the rectangle (clamped to the image). */
export function crop(image: GrayImage, rect: { x: number; y: number; width: number; height: number }): GrayImage {
  const x0 = clamp(Math.floor(rect.x), 0, image.width);
  const y0 = clamp(Math.floor(rect.y), 0, image.height);
  const x1 = clamp(Math.floor(rect.x + rect.width), x0, image.width);
  const y1 = clamp(Math.floor(rect.y + rect.height), y0, image.height);
  const width = x1 - x0;
  const height = y1 - y0;
  const pixels = new Uint8Array(width * height);
  for (let row = 0; row < height; row += 1) {
    const start = (y0 + row) * image.width + x0;
    pixels.set(image.pixels.subarray(start, start + width), row * width);
  }
  return { width, height, pixels };
}

/**
 * Shrinks by `factor` (>= 1, may be fractional like 1.5) averaging the source pixels each output
 * pixel covers: a box filter keeps thin glyph strokes that plain subsampling would drop.
 */
export function downscale(image: GrayImage, factor: number): GrayImage {
  if (!Number.isFinite(factor) || factor < 1) throw new RangeError(`downscale factor must be >= 1, got ${factor}`);
  if (factor === 1) return image;
  const width = Math.max(1, Math.floor(image.width / factor));
  const height = Math.max(1, Math.floor(image.height / factor));
  const pixels = new Uint8Array(width * height);
  const xStart = new Int32Array(width + 1);
  for (let x = 0; x <= width; x += 1) xStart[x] = Math.min(image.width, Math.floor(x * factor));
  for (let y = 0; y < height; y += 1) {
    const sy0 = Math.floor(y * factor);
    const sy1 = Math.min(image.height, Math.max(sy0 + 1, Math.floor((y + 1) * factor)));
    for (let x = 0; x < width; x += 1) {
      const sx0 = xStart[x] ?? 0;
      const sx1 = Math.max(sx0 + 1, xStart[x + 1] ?? sx0 + 1);
      let sum = 0;
      for (let sy = sy0; sy < sy1; sy += 1) {
        const row = sy * image.width;
        for (let sx = sx0; sx < sx1; sx += 1) sum += image.pixels[row + sx] ?? 0;
      }
      pixels[y * width + x] = Math.round(sum / ((sy1 - sy0) * (sx1 - sx0)));
    }
  }
  return { width, height, pixels };
}

/**
 * A `width` x `height` thumbnail (each cell the mean gray of the area it covers): what the
 * content check compares to tell whether a page drew something new. Cells are sampled on a
 * sparse grid (every 4th pixel each way): a 1920x1080 capture costs about 130,000 reads.
 */
export function thumbnail(image: GrayImage, width = 64, height = 36): GrayImage {
  const pixels = new Uint8Array(width * height);
  if (image.width === 0 || image.height === 0) return { width, height, pixels };
  const step = 4;
  for (let y = 0; y < height; y += 1) {
    const y0 = Math.floor((y * image.height) / height);
    const y1 = Math.max(y0 + 1, Math.floor(((y + 1) * image.height) / height));
    for (let x = 0; x < width; x += 1) {
      const x0 = Math.floor((x * image.width) / width);
      const x1 = Math.max(x0 + 1, Math.floor(((x + 1) * image.width) / width));
      let sum = 0;
      let count = 0;
      for (let sy = y0; sy < y1; sy += step) {
        const row = sy * image.width;
        for (let sx = x0; sx < x1; sx += step) {
          sum += image.pixels[row + sx] ?? 0;
          count += 1;
        }
      }
      pixels[y * width + x] = count === 0 ? 0 : Math.round(sum / count);
    }
  }
  return { width, height, pixels };
}

/** True when every pixel has the same value (a blank or not-yet-painted window: nothing to read). */
export function isUniform(image: GrayImage): boolean {
  const first = image.pixels[0];
  // Sampling every 7th pixel is enough to tell a blank frame from a page, and cheap.
  for (let i = 0; i < image.pixels.length; i += 7) if (image.pixels[i] !== first) return false;
  return true;
}

/** Binary PGM (P5), which Tesseract (Leptonica) reads from stdin. */
export function encodePgm(image: GrayImage): Buffer {
  const header = Buffer.from(`P5\n${image.width} ${image.height}\n255\n`, 'ascii');
  return Buffer.concat([header, image.pixels]);
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}
