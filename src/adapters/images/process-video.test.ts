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
  ])('accepts %s and stores it byte for byte', async (_name, bytes, type) => {
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
