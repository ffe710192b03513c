import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { DomainError } from '../../domain/errors.ts';

/** file-type's own "reasonable detection size": enough for every magic number we accept. */
export const SNIFF_BYTES = 4100;

export type CappedRead<T> = {
  bytes: Buffer;
  /** sha256 (hex) of the bytes exactly as received. */
  sha256: string;
  /** Whatever `sniff` returned for the leading bytes. */
  sniffed: T;
};

/**
 * Drains an upload stream into memory with a hard cap (ASVS 5.2.1, spec A27). The count is checked per chunk,
 * so at most `maxBytes` plus one chunk is ever held; on overflow we throw, which makes `for await` call the
 * source's `return()` and stop reading. `sniff` sees the first SNIFF_BYTES (or everything, if less) as soon as
 * they arrive, so a disallowed type is refused without waiting for the rest of the body.
 */
export async function readCapped<T>(
  source: AsyncIterable<Uint8Array>,
  { maxBytes, sniff }: { maxBytes: number; sniff: (head: Buffer) => Promise<T> },
): Promise<CappedRead<T>> {
  const chunks: Buffer[] = [];
  const hash = createHash('sha256');
  let total = 0;
  let sniffed: { value: T } | undefined;
  for await (const chunk of source) {
    total += chunk.byteLength;
    if (total > maxBytes) throw new DomainError('MATERIAL_TOO_LARGE', { details: { maxBytes } });
    // Copy: some sources reuse their buffer between chunks.
    const copy = Buffer.from(chunk);
    chunks.push(copy);
    hash.update(copy);
    if (!sniffed && total >= SNIFF_BYTES) sniffed = { value: await sniff(Buffer.concat(chunks, total)) };
  }
  const bytes = Buffer.concat(chunks, total);
  if (!sniffed) sniffed = { value: await sniff(bytes) };
  return { bytes, sha256: hash.digest('hex'), sniffed: sniffed.value };
}

/** Detects a type by magic bytes and refuses anything outside `allowed` (keyed by file-type's mime). */
export async function sniffAllowed<M extends string>(head: Buffer, allowed: readonly M[]): Promise<M> {
  let mime: string | undefined;
  try {
    mime = (await fileTypeFromBuffer(head))?.mime;
  } catch {
    // A parser choking on hostile bytes means "not a type we recognise", which is a refusal, not a crash.
    mime = undefined;
  }
  if (mime === undefined || !(allowed as readonly string[]).includes(mime)) {
    throw new DomainError('MATERIAL_TYPE_NOT_ALLOWED', { details: { detected: mime ?? 'unknown' } });
  }
  return mime as M;
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
