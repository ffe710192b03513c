import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

/** Test inputs are generated at test time; no binary fixtures live in the repo. */

export const GPS_EXIF = {
  IFD0: { Make: 'FixtureCam', Model: 'Leaky 1', Software: 'exif-marker-software' },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '39/1 54/1 27/1', GPSLongitudeRef: 'E', GPSLongitude: '116/1 23/1 0/1' },
};

type Size = { width?: number; height?: number };

/** A JPEG with noise (so it is not trivially compressible), optional EXIF orientation and GPS. */
export async function makeJpeg({
  width = 64,
  height = 48,
  orientation,
  exif = false,
}: Size & { orientation?: number; exif?: boolean } = {}) {
  let img = sharp({
    create: { width, height, channels: 3, background: '#3366cc', noise: { type: 'gaussian', mean: 128, sigma: 40 } },
  }).jpeg({ quality: 90 });
  if (orientation) img = img.withMetadata({ orientation });
  if (exif) img = img.withExif(GPS_EXIF);
  return img.toBuffer();
}

export const makePng = ({ width = 40, height = 30, alpha = true }: Size & { alpha?: boolean } = {}) =>
  sharp({
    create: { width, height, channels: alpha ? 4 : 3, background: { r: 200, g: 40, b: 40, alpha: alpha ? 0.5 : 1 } },
  })
    .png()
    .toBuffer();

export const makeWebp = ({ alpha = false }: { alpha?: boolean } = {}) =>
  sharp({
    create: {
      width: 32,
      height: 24,
      channels: alpha ? 4 : 3,
      background: { r: 10, g: 120, b: 40, alpha: alpha ? 0.4 : 1 },
    },
  })
    .webp()
    .toBuffer();

export const makeGif = () =>
  sharp({ create: { width: 8, height: 8, channels: 3, background: '#00ff00' } })
    .gif()
    .toBuffer();

export const makeCmykJpeg = () =>
  sharp({ create: { width: 30, height: 20, channels: 3, background: '#3366cc' } })
    .toColourspace('cmyk')
    .jpeg()
    .withIccProfile('p3')
    .toBuffer();

export const make16BitPng = () =>
  sharp({ create: { width: 30, height: 20, channels: 4, background: { r: 1, g: 2, b: 3, alpha: 0.5 } } })
    .toColourspace('rgb16')
    .png()
    .toBuffer();

/** Inserts a JPEG COM segment right after SOI. */
export function withJpegComment(jpeg: Buffer, text: string): Buffer {
  const body = Buffer.from(text, 'latin1');
  const seg = Buffer.alloc(4);
  seg.writeUInt16BE(0xfffe, 0);
  seg.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), seg, body, jpeg.subarray(2)]);
}

const pngChunk = (type: string, data: Buffer): Buffer => {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([head, typed, crc]);
};

/** Inserts a tEXt chunk right after IHDR (signature 8 + IHDR 25 bytes). */
export const withPngText = (png: Buffer, keyword: string, text: string): Buffer =>
  Buffer.concat([
    png.subarray(0, 33),
    pngChunk('tEXt', Buffer.from(`${keyword}\0${text}`, 'latin1')),
    png.subarray(33),
  ]);

/**
 * A valid-looking grey PNG that declares width×height but carries only `rows` rows of zeros: a few KB that would
 * inflate to width×height bytes if anything decoded it (the classic pixel flood).
 */
export function makePixelFloodPng(width = 20_000, height = 20_000, rows = 64): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const idat = deflateSync(Buffer.alloc(rows * (width + 1)), { level: 9 });
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', idat),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A one-entry stored ZIP (local header + central directory + end record) holding `name` → `content`. */
export function makeZip(name = 'shell.php', content = '<?php system($_GET["c"]); ?>'): Buffer {
  const fileName = Buffer.from(name);
  const data = Buffer.from(content);
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(fileName.length, 28);
  const centralOffset = local.length + fileName.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, fileName, data, central, fileName, end]);
}

export const HOSTILE_NON_IMAGES: Record<string, () => Buffer | Promise<Buffer>> = {
  'plain text renamed .jpg': () => Buffer.from('just some text pretending to be a photo\n'.repeat(50)),
  html: () => Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>'),
  svg: () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'),
  'pdf with javascript': () =>
    Buffer.from(
      '%PDF-1.4\n1 0 obj<</Type/Catalog/OpenAction<</S/JavaScript/JS(app.alert(1))>>>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF',
    ),
  zip: () => makeZip(),
  gif: () => makeGif(),
  empty: () => Buffer.alloc(0),
};

/** Yields `bytes` in chunks, recording how far the consumer pulled and whether it stopped early. */
export function trackedChunks(bytes: Buffer, chunkSize = 16 * 1024) {
  const state = { yielded: 0, finished: false, closedEarly: false };
  async function* generate() {
    let completed = false;
    try {
      for (let at = 0; at < bytes.length; at += chunkSize) {
        state.yielded += 1;
        yield bytes.subarray(at, at + chunkSize);
      }
      completed = true;
      state.finished = true;
    } finally {
      if (!completed) state.closedEarly = true;
    }
  }
  return { source: generate(), state };
}

export async function* chunksOf(bytes: Buffer, chunkSize = 16 * 1024): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += chunkSize) yield bytes.subarray(at, at + chunkSize);
}
