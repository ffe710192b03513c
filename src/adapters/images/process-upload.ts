import type { default as Sharp } from 'sharp';
import { DomainError } from '../../domain/errors.ts';
import { readCapped, sha256Hex, sniffAllowed } from './read-capped.ts';

// Loaded on the first image, not at start-up (libvips costs about half a second to load).
let sharpLoaded: Promise<typeof Sharp> | undefined;
const loadSharp = () =>
  (sharpLoaded ??= import('sharp').then(({ default: sharp }) => {
    // One libvips worker thread per image and no operation cache: the box has 2 cores and many uploads are
    // one-offs, so caching only costs memory (spec §5.3 "set sharp concurrency to 1–2 on 2 cores").
    sharp.concurrency(1);
    sharp.cache(false);
    return sharp;
  }));

/** Accepted by magic bytes, whatever the file name or the client's Content-Type say (ASVS 5.2.2, A28). */
const ACCEPTED = ['image/jpeg', 'image/png', 'image/webp'] as const;
type AcceptedMime = (typeof ACCEPTED)[number];
/** What libvips must report for each accepted type; a mismatch means the two parsers disagree. */
const VIPS_FORMAT: Record<AcceptedMime, string> = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp' };

/** Re-encodes running at once. libuv would allow 4, but each 40 MP decode holds ~120 MB (PERF-3 RSS budget). */
const MAX_PARALLEL_ENCODES = 2;
/** Bounds CPU spent on one pathological image (libvips counts processing time only). */
const ENCODE_TIMEOUT_SECONDS = 30;
const JPEG_QUALITY = 85;

export type ImageUploadLimits = { maxBytes: number; maxPixels: number };

export type ProcessedImage = {
  /** Freshly encoded bytes: no EXIF/GPS, ICC, XMP or comments, orientation already applied. */
  bytes: Buffer;
  contentType: 'image/jpeg' | 'image/png';
  width: number;
  height: number;
  /** sha256 (hex) of `bytes`, i.e. of what gets stored, so reads can be verified. */
  sha256: string;
  /** Type found by magic bytes in the upload: image/jpeg, image/png or image/webp. */
  detectedType: string;
};

/**
 * Turns an untrusted upload into a safe image (spec A27–A29, §4.2 item 7):
 * 1. read with a byte cap while streaming → MATERIAL_TOO_LARGE (413);
 * 2. magic bytes must say JPEG, PNG or WebP → otherwise MATERIAL_TYPE_NOT_ALLOWED (415);
 * 3. header pixel count checked before any decode, then decoded with limitInputPixels / failOn 'error'
 *    → pixel floods, bombs, truncated or corrupt data are MATERIAL_IMAGE_INVALID (400);
 * 4. EXIF orientation applied, then re-encoded from pixels, which drops every byte the client appended
 *    (polyglot HTML/ZIP tails) and all metadata. PNG with alpha stays PNG; everything else becomes JPEG.
 */
export async function processImageUpload(
  source: AsyncIterable<Uint8Array>,
  { maxBytes, maxPixels }: ImageUploadLimits,
): Promise<ProcessedImage> {
  const { bytes: input, sniffed } = await readCapped(source, {
    maxBytes,
    sniff: (head) => sniffAllowed(head, ACCEPTED),
  });
  const { data, info, contentType } = await withEncodeSlot(() => reencode(input, sniffed, maxPixels));
  return {
    bytes: data,
    contentType,
    width: info.width,
    height: info.height,
    sha256: sha256Hex(data),
    detectedType: sniffed,
  };
}

async function reencode(input: Buffer, detected: AcceptedMime, maxPixels: number) {
  const sharp = await loadSharp();
  const open = () =>
    sharp(input, { limitInputPixels: maxPixels, failOn: 'error' }).timeout({ seconds: ENCODE_TIMEOUT_SECONDS });
  // Header only: this refuses a few-KB PNG that declares 20000×20000 before a single row is inflated.
  const meta = await invalidOnThrow(() => open().metadata());
  const { width = 0, height = 0 } = meta;
  if (width < 1 || height < 1 || width * height > maxPixels) throw invalid(`bad dimensions ${width}x${height}`);
  if (meta.format !== VIPS_FORMAT[detected]) throw invalid(`magic bytes say ${detected}, libvips says ${meta.format}`);

  const keepPng = detected === 'image/png' && meta.hasAlpha === true;
  // sharp writes no metadata unless asked (no withMetadata/keepExif/keepIccProfile here), and converts to sRGB.
  const pipeline = open().rotate();
  const encoded = keepPng
    ? pipeline.png()
    : pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: JPEG_QUALITY, mozjpeg: false });
  const { data, info } = await invalidOnThrow(() => encoded.toBuffer({ resolveWithObject: true }));
  return { data, info, contentType: keepPng ? ('image/png' as const) : ('image/jpeg' as const) };
}

const invalid = (reason: string) => new DomainError('MATERIAL_IMAGE_INVALID', { message: reason });

/** libvips' reason goes to the message (logs), never to the response body. */
async function invalidOnThrow<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    throw invalid(e instanceof Error ? e.message : String(e));
  }
}

let active = 0;
const waiting: Array<() => void> = [];
/** A finishing job hands its slot straight to the oldest waiter, so waiters are served in order. */
async function withEncodeSlot<T>(work: () => Promise<T>): Promise<T> {
  if (active < MAX_PARALLEL_ENCODES) active += 1;
  else await new Promise<void>((wake) => waiting.push(wake));
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else active -= 1;
  }
}
