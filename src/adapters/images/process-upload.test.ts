import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { DomainError, type ErrorCode } from '../../domain/errors.ts';
import { processImageUpload } from './process-upload.ts';
import {
  chunksOf,
  HOSTILE_NON_IMAGES,
  make16BitPng,
  makeCmykJpeg,
  makeJpeg,
  makePixelFloodPng,
  makePng,
  makeWebp,
  makeZip,
  trackedChunks,
  withJpegComment,
  withPngText,
} from './testing/image-fixtures.ts';

const limits = { maxBytes: 10 * 1024 * 1024, maxPixels: 40_000_000 };
const process = (bytes: Buffer, l = limits) => processImageUpload(chunksOf(bytes), l);

async function expectCode(work: Promise<unknown>, code: ErrorCode): Promise<void> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
}

describe('processImageUpload', () => {
  it('re-encodes a JPEG and reports size, type and the hash of the output', async () => {
    const input = await makeJpeg({ width: 64, height: 48 });
    const out = await process(input);
    expect(out).toMatchObject({ contentType: 'image/jpeg', detectedType: 'image/jpeg', width: 64, height: 48 });
    expect(out.sha256).toBe(createHash('sha256').update(out.bytes).digest('hex'));
    expect(out.bytes.equals(input)).toBe(false);
    expect((await sharp(out.bytes).metadata()).format).toBe('jpeg');
  });

  it('asvs-14.2.8 strips EXIF with GPS, comments, XMP and ICC from the output', async () => {
    const input = withJpegComment(await makeJpeg({ exif: true }), 'comment-marker-123');
    const before = await sharp(input).metadata();
    expect(before.exif?.length).toBeGreaterThan(0);
    expect(input.includes('FixtureCam')).toBe(true);
    const out = await process(input);
    const after = await sharp(out.bytes).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.icc).toBeUndefined();
    expect(after.comments ?? []).toEqual([]);
    for (const marker of ['FixtureCam', 'exif-marker-software', 'comment-marker-123', 'Exif\0']) {
      expect(out.bytes.includes(marker), marker).toBe(false);
    }
  });

  it('drops ICC profiles and converts CMYK to sRGB', async () => {
    const out = await process(await makeCmykJpeg());
    const meta = await sharp(out.bytes).metadata();
    expect(meta).toMatchObject({ space: 'srgb', channels: 3 });
    expect(meta.icc).toBeUndefined();
  });

  it('applies EXIF orientation, so a 64×48 marked "rotate 90°" comes out 48×64 with no orientation tag', async () => {
    const out = await process(await makeJpeg({ width: 64, height: 48, orientation: 6 }));
    expect([out.width, out.height]).toEqual([48, 64]);
    expect((await sharp(out.bytes).metadata()).orientation).toBeUndefined();
  });

  it('asvs-5.2.2 decides the type by content: a PNG (e.g. named photo.jpg) is treated as PNG', async () => {
    const out = await process(withPngText(await makePng({ alpha: true }), 'Comment', 'png-text-marker'));
    expect(out).toMatchObject({ detectedType: 'image/png', contentType: 'image/png', width: 40, height: 30 });
    expect(out.bytes.includes('png-text-marker')).toBe(false);
    expect((await sharp(out.bytes).metadata()).hasAlpha).toBe(true);
  });

  it('turns an opaque PNG and a WebP into JPEG, flattening WebP transparency', async () => {
    expect(await process(await makePng({ alpha: false }))).toMatchObject({
      detectedType: 'image/png',
      contentType: 'image/jpeg',
    });
    expect(await process(await makeWebp())).toMatchObject({ detectedType: 'image/webp', contentType: 'image/jpeg' });
    const fromAlphaWebp = await process(await makeWebp({ alpha: true }));
    expect(fromAlphaWebp.contentType).toBe('image/jpeg');
    expect((await sharp(fromAlphaWebp.bytes).metadata()).hasAlpha).toBe(false);
  });

  it('accepts a 16-bit PNG and writes an 8-bit one', async () => {
    const out = await process(await make16BitPng());
    expect((await sharp(out.bytes).metadata()).bitsPerSample).toBe(8);
  });

  it.each(Object.keys(HOSTILE_NON_IMAGES))(
    'asvs-5.2.2 refuses %s with MATERIAL_TYPE_NOT_ALLOWED (415)',
    async (name) => {
      await expectCode(process(await HOSTILE_NON_IMAGES[name]!()), 'MATERIAL_TYPE_NOT_ALLOWED');
    },
  );

  it.each([
    ['HTML', Buffer.from('<html><script>alert("polyglot-payload")</script></html>')],
    ['ZIP', makeZip('polyglot-payload.php', 'polyglot-payload')],
  ])('asvs-5.2.2 a JPEG with appended %s is neutralised: the tail is not in the output', async (_name, tail) => {
    const input = Buffer.concat([await makeJpeg(), tail]);
    expect(input.includes('polyglot-payload')).toBe(true);
    const out = await process(input);
    expect(out.bytes.includes('polyglot-payload')).toBe(false);
    expect(out.bytes.includes(Buffer.from('PK\x03\x04', 'latin1'))).toBe(false);
  });

  it('asvs-5.2.6 refuses a few-KB PNG declaring 20000×20000 px before decoding it', async () => {
    const flood = makePixelFloodPng();
    expect(flood.length).toBeLessThan(8 * 1024);
    const rssBefore = globalThis.process.memoryUsage().rss;
    await expectCode(process(flood), 'MATERIAL_IMAGE_INVALID');
    // 400 MB of greyscale pixels were never allocated.
    expect(globalThis.process.memoryUsage().rss - rssBefore).toBeLessThan(100 * 1024 * 1024);
  });

  it('honours a lower pixel limit', async () => {
    await expectCode(
      process(await makeJpeg({ width: 64, height: 48 }), { ...limits, maxPixels: 64 * 48 - 1 }),
      'MATERIAL_IMAGE_INVALID',
    );
    await expect(
      process(await makeJpeg({ width: 64, height: 48 }), { ...limits, maxPixels: 64 * 48 }),
    ).resolves.toBeTruthy();
  });

  it('refuses a truncated JPEG and a PNG with a broken CRC', async () => {
    const jpeg = await makeJpeg({ width: 256, height: 256 });
    await expectCode(process(jpeg.subarray(0, Math.floor(jpeg.length * 0.6))), 'MATERIAL_IMAGE_INVALID');
    const png = await makePng();
    const broken = Buffer.from(png);
    broken[40] = broken[40]! ^ 0xff;
    await expectCode(process(broken), 'MATERIAL_IMAGE_INVALID');
  });

  it('asvs-5.2.1 stops reading once the cap is passed and reports MATERIAL_TOO_LARGE', async () => {
    const jpeg = await makeJpeg();
    const huge = Buffer.concat([jpeg, Buffer.alloc(4 * 1024 * 1024)]);
    const { source, state } = trackedChunks(huge, 64 * 1024);
    await expectCode(
      processImageUpload(source, { maxBytes: 256 * 1024, maxPixels: limits.maxPixels }),
      'MATERIAL_TOO_LARGE',
    );
    expect(state.finished).toBe(false);
    expect(state.closedEarly).toBe(true);
    // 256 KiB cap / 64 KiB chunks: the 5th chunk crosses it; nothing after that is pulled.
    expect(state.yielded).toBe(5);
  });

  it('accepts exactly maxBytes', async () => {
    const jpeg = await makeJpeg();
    await expect(process(jpeg, { ...limits, maxBytes: jpeg.length })).resolves.toBeTruthy();
    await expectCode(process(jpeg, { ...limits, maxBytes: jpeg.length - 1 }), 'MATERIAL_TOO_LARGE');
  });

  it('refuses a non-image as soon as the first 4 KB arrive, without reading the rest', async () => {
    const { source, state } = trackedChunks(Buffer.alloc(1024 * 1024, 'a'), 8 * 1024);
    await expectCode(processImageUpload(source, limits), 'MATERIAL_TYPE_NOT_ALLOWED');
    expect(state.yielded).toBe(1);
  });

  it('handles many uploads at once (encode slots queue instead of failing)', async () => {
    const inputs = await Promise.all(Array.from({ length: 8 }, (_, i) => makeJpeg({ width: 100 + i, height: 80 })));
    const outs = await Promise.all(inputs.map((b) => process(b)));
    expect(outs.map((o) => o.width)).toEqual(inputs.map((_, i) => 100 + i));
  });
});
