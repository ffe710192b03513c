import fc from 'fast-check';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/errors.ts';
import { processImageUpload } from './process-upload.ts';
import {
  chunksOf,
  make16BitPng,
  makeCmykJpeg,
  makeJpeg,
  makePng,
  makeWebp,
  withJpegComment,
  withPngText,
} from './testing/image-fixtures.ts';

/** FUZZ-2 at a unit-test budget; raise FUZZ_UPLOAD_RUNS for the nightly run. */
const RUNS = Number(process.env.FUZZ_UPLOAD_RUNS ?? 400);
const LIMITS = { maxBytes: 256 * 1024, maxPixels: 1_000_000 };
const REJECTIONS = new Set(['MATERIAL_TOO_LARGE', 'MATERIAL_TYPE_NOT_ALLOWED', 'MATERIAL_IMAGE_INVALID']);

type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'overwrite'; at: number; bytes: Uint8Array }
  | { kind: 'header-byte'; at: number; value: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('overwrite' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }),
  }),
  // Most parsers trust the first few hundred bytes (dimensions, chunk lengths, EXIF offsets): hit them often.
  fc.record({
    kind: fc.constant('header-byte' as const),
    at: fc.integer({ min: 0, max: 400 }),
    value: fc.integer({ min: 0, max: 255 }),
  }),
);

function mutate(base: Buffer, ops: Mutation[]): Buffer {
  let out = Buffer.from(base);
  for (const op of ops) {
    if (out.length === 0) break;
    const at = op.at % out.length;
    if (op.kind === 'flip') out[at] = out[at]! ^ (1 << op.bit);
    else if (op.kind === 'truncate') out = out.subarray(0, at);
    else if (op.kind === 'overwrite') out.set(op.bytes.subarray(0, out.length - at), at);
    else out[at] = op.value;
  }
  return out;
}

describe('processImageUpload fuzz (FUZZ-2)', () => {
  // Every seed carries metadata or is a format/depth the encoder never writes, so an output identical to its
  // input could only mean the bytes went through untouched.
  let corpus: Buffer[] = [];
  beforeAll(async () => {
    corpus = [
      await makeJpeg({ width: 48, height: 32, exif: true, orientation: 6 }),
      withJpegComment(await makeJpeg({ width: 32, height: 32 }), 'hello'),
      await makeCmykJpeg(),
      withPngText(await makePng({ alpha: true }), 'Comment', 'hello'),
      await makePng({ alpha: false }),
      await make16BitPng(),
      await makeWebp({ alpha: true }),
    ];
  });

  it(`every mutated input is either refused with a material DomainError or re-encoded cleanly (${RUNS} runs)`, async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 4 }), async (pick, ops) => {
        const input = mutate(corpus[pick % corpus.length]!, ops);
        let result: Awaited<ReturnType<typeof processImageUpload>>;
        try {
          result = await processImageUpload(chunksOf(input, 4096), LIMITS);
        } catch (e) {
          // Anything but a catalogued refusal (TypeError, libvips crash text, file-type parser error) fails.
          expect(e).toBeInstanceOf(DomainError);
          expect(REJECTIONS.has((e as DomainError).code)).toBe(true);
          return;
        }
        accepted += 1;
        const meta = await sharp(result.bytes).metadata();
        expect(meta.format).toBe(result.contentType === 'image/png' ? 'png' : 'jpeg');
        expect([meta.width, meta.height]).toEqual([result.width, result.height]);
        expect(meta.exif).toBeUndefined();
        expect(meta.icc).toBeUndefined();
        expect(meta.xmp).toBeUndefined();
        expect(result.bytes.equals(input)).toBe(false);
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261128) },
    );
    // A fuzz loop that rejects everything proves little: make sure some mutants survived and were re-encoded.
    expect(accepted).toBeGreaterThan(RUNS / 20);
  }, 120_000);
});
