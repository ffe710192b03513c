import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DomainError, type ErrorCode } from '../../domain/errors.ts';
import { processVideoUpload } from './process-video.ts';
import { chunksOf, HOSTILE_NON_IMAGES, makeJpeg, trackedChunks } from './testing/image-fixtures.ts';

/** Just enough container structure for magic-byte detection; real decodability is out of scope (no transcoder). */
const isoMedia = (brand: string) =>
  Buffer.concat([
    Buffer.from([0, 0, 0, 0x18]),
    Buffer.from(`ftyp${brand.padEnd(4)}`, 'latin1'),
    Buffer.alloc(4),
    Buffer.from('isomiso2'),
    Buffer.from([0, 0, 0x10, 0x08]),
    Buffer.from('mdat'),
    Buffer.alloc(0x1000, 7),
  ]);
const ebml = (id: number[], data: Buffer) => Buffer.concat([Buffer.from(id), Buffer.from([0x80 | data.length]), data]);
const matroska = (docType: string) =>
  Buffer.concat([
    ebml(
      [0x1a, 0x45, 0xdf, 0xa3],
      Buffer.concat([ebml([0x42, 0x86], Buffer.from([1])), ebml([0x42, 0x82], Buffer.from(docType))]),
    ),
    Buffer.alloc(5000, 3),
  ]);

async function expectCode(work: Promise<unknown>, code: ErrorCode): Promise<void> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
}

const limits = { maxBytes: 1024 * 1024 };

describe('processVideoUpload', () => {
  it.each([
    ['MP4 (isom)', isoMedia('isom'), 'video/mp4'],
    ['MP4 (mp42)', isoMedia('mp42'), 'video/mp4'],
    ['QuickTime', isoMedia('qt'), 'video/quicktime'],
    ['WebM', matroska('webm'), 'video/webm'],
  ])('accepts %s and stores it byte for byte (nothing to strip)', async (_name, bytes, type) => {
    const out = await processVideoUpload(chunksOf(bytes, 1000), limits);
    expect(out.contentType).toBe(type);
    expect(out.detectedType).toBe(type);
    expect(out.bytes.equals(bytes)).toBe(true);
    expect(out.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it.each([
    ['Matroska (not WebM)', () => matroska('matroska')],
    ['M4A audio', () => isoMedia('M4A')],
    ['HEIC still image', () => isoMedia('heic')],
    ['3GP', () => isoMedia('3gp4')],
    ['JPEG', () => makeJpeg()],
    ...Object.entries(HOSTILE_NON_IMAGES),
  ])('refuses %s with MATERIAL_TYPE_NOT_ALLOWED', async (_name, make) => {
    await expectCode(processVideoUpload(chunksOf(await make()), limits), 'MATERIAL_TYPE_NOT_ALLOWED');
  });

  it('strips a ©xyz location atom from an MP4 before storage (sha256 of what is stored)', async () => {
    const gps = Buffer.from('+39.9042+116.4074/', 'latin1');
    const xyz = Buffer.concat([Buffer.from([0, 0, 0, 8 + gps.length]), Buffer.from('\xa9xyz', 'latin1'), gps]);
    const udta = Buffer.concat([Buffer.from([0, 0, 0, 8 + xyz.length]), Buffer.from('udta'), xyz]);
    const moov = Buffer.concat([Buffer.from([0, 0, 0, 8 + udta.length]), Buffer.from('moov'), udta]);
    const plain = isoMedia('isom');
    const withGps = Buffer.concat([plain.subarray(0, 0x18), moov, plain.subarray(0x18)]);
    const out = await processVideoUpload(chunksOf(withGps, 1000), limits);
    expect(out.bytes.length).toBe(withGps.length);
    expect(out.bytes.includes(gps)).toBe(false);
    expect(out.sha256).toBe(createHash('sha256').update(out.bytes).digest('hex'));
  });

  it('refuses an MP4 whose boxes do not parse', async () => {
    const broken = Buffer.concat([
      isoMedia('isom').subarray(0, 0x18),
      Buffer.from([0, 0, 0x40, 0]),
      Buffer.from('moov'),
    ]);
    await expectCode(
      processVideoUpload(chunksOf(Buffer.concat([broken, Buffer.alloc(5000)]).subarray(0, 5000)), limits),
      'MATERIAL_TYPE_NOT_ALLOWED',
    );
  });

  it('asvs-5.2.1 stops reading past the cap', async () => {
    const { source, state } = trackedChunks(
      Buffer.concat([isoMedia('isom'), Buffer.alloc(8 * 1024 * 1024)]),
      64 * 1024,
    );
    await expectCode(processVideoUpload(source, limits), 'MATERIAL_TOO_LARGE');
    expect(state.closedEarly).toBe(true);
    expect(state.yielded).toBe(17);
  });
});
