import { DomainError } from '../../domain/errors.ts';
import { MalformedMp4Error, stripMp4Metadata } from '../video/strip-mp4-metadata.ts';
import { readCapped, sha256Hex, sniffAllowed } from './read-capped.ts';

/** Containers phones and browsers record the verification video in (MediaRecorder: WebM or MP4; iOS: MOV). */
const ACCEPTED = ['video/mp4', 'video/quicktime', 'video/webm'] as const;

export type ProcessedVideo = {
  /** The upload with its MP4/QuickTime container metadata blanked (WebM: as received). */
  bytes: Buffer;
  contentType: (typeof ACCEPTED)[number];
  /** sha256 (hex) of `bytes` as stored. */
  sha256: string;
  /** Same as contentType; kept for symmetry with images, where the two can differ. */
  detectedType: string;
};

/**
 * The electronic-verification video (domain.md §5.4): byte cap while streaming (MATERIAL_TOO_LARGE) and magic
 * bytes must name an MP4, QuickTime or WebM container (else MATERIAL_TYPE_NOT_ALLOWED).
 *
 * MP4 and QuickTime lose their container metadata before storage (recording device, creation time and, on
 * phones, GPS in `udta`/`©xyz`, `meta` and XMP boxes; see strip-mp4-metadata.ts), as images lose EXIF. A file
 * whose boxes do not parse is refused. WebM from MediaRecorder carries no location and is stored as received.
 * There is no transcoder on the box, so the payload is not proven decodable: it is stored encrypted like every
 * material, served only as an attachment (A31), and should go through the AV scan (A32) before staff open it.
 */
export async function processVideoUpload(
  source: AsyncIterable<Uint8Array>,
  { maxBytes }: { maxBytes: number },
): Promise<ProcessedVideo> {
  const { bytes, sha256, sniffed } = await readCapped(source, {
    maxBytes,
    sniff: (head) => sniffAllowed(head, ACCEPTED),
  });
  if (sniffed === 'video/webm') return { bytes, contentType: sniffed, sha256, detectedType: sniffed };
  const stripped = stripOrRefuse(bytes);
  return { bytes: stripped, contentType: sniffed, sha256: sha256Hex(stripped), detectedType: sniffed };
}

function stripOrRefuse(bytes: Buffer): Buffer {
  try {
    return stripMp4Metadata(bytes).bytes;
  } catch (e) {
    if (!(e instanceof MalformedMp4Error)) throw e;
    throw new DomainError('MATERIAL_TYPE_NOT_ALLOWED', {
      message: '视频文件结构损坏，无法处理 / The video container is damaged and cannot be processed',
    });
  }
}
