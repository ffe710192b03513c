import { readCapped, sniffAllowed } from './read-capped.ts';

/** Containers phones and browsers record the verification video in (MediaRecorder: WebM or MP4; iOS: MOV). */
const ACCEPTED = ['video/mp4', 'video/quicktime', 'video/webm'] as const;

export type ProcessedVideo = {
  /** The upload exactly as received. */
  bytes: Buffer;
  contentType: (typeof ACCEPTED)[number];
  /** sha256 (hex) of `bytes`, computed while streaming. */
  sha256: string;
  /** Same as contentType; kept for symmetry with images, where the two can differ. */
  detectedType: string;
};

/**
 * The electronic-verification video (domain.md §5.4): byte cap while streaming (MATERIAL_TOO_LARGE) and magic
 * bytes must name an MP4, QuickTime or WebM container (else MATERIAL_TYPE_NOT_ALLOWED).
 *
 * Known gap, stated plainly: there is no transcoder on the box, so the video is stored as received. Container
 * metadata (recording device, creation time, and on some phones GPS in `udta`/`©xyz` atoms) is NOT stripped,
 * and the payload is not proven decodable. It is stored encrypted like every material, served only as an
 * attachment (A31), and should go through the AV scan (A32) before staff open it.
 */
export async function processVideoUpload(
  source: AsyncIterable<Uint8Array>,
  { maxBytes }: { maxBytes: number },
): Promise<ProcessedVideo> {
  const { bytes, sha256, sniffed } = await readCapped(source, {
    maxBytes,
    sniff: (head) => sniffAllowed(head, ACCEPTED),
  });
  return { bytes, contentType: sniffed, sha256, detectedType: sniffed };
}
