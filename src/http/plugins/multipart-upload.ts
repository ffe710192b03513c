import type { IncomingMessage } from 'node:http';
import fastifyMultipart, { type MultipartFile, type MultipartValue } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../../domain/errors.ts';

/** Text fields allowed before the file part. */
export const MAX_FIELDS = 10;

/**
 * Per-request multipart limits besides the file size: one file and a handful of short text fields.
 * busboy gets one field more than we allow: when it hits its own field limit it drops the extra field and
 * queues the error *behind* the file part, where readSingleUpload never looks. Letting the 11th field through
 * and refusing it ourselves makes "too many fields" a 400 instead of a silent drop.
 */
export const MULTIPART_LIMITS = {
  files: 1,
  fields: MAX_FIELDS + 1,
  fieldSize: 1024,
  parts: MAX_FIELDS + 2,
  fieldNameSize: 100,
  headerPairs: 20,
};

/**
 * Registers @fastify/multipart with tight limits. Register it inside the encapsulated scope that owns the upload
 * routes (e.g. the applicant routes plugin), never on the root instance: the content-type parser and request
 * decorators then exist only where uploads are accepted, and the hot JSON endpoints don't pay for them.
 */
export async function registerMultipart(app: FastifyInstance, { maxBytes }: { maxBytes: number }): Promise<void> {
  await app.register(fastifyMultipart, {
    limits: { ...MULTIPART_LIMITS, fileSize: maxBytes },
    // Surface the cut-off as an error rather than a silently shortened file (readSingleUpload double-checks).
    throwFileSizeLimit: true,
  });
  // We answer 413/415 as soon as the cap or the magic bytes say so, usually while the client is still sending.
  // Node drains an unread body by itself, but not one that was partly read (it was piped into busboy), so that
  // connection would stay busy until the client gives up, and a keep-alive socket would never be reusable.
  app.addHook('onResponse', async (request) => {
    // `complete` is undefined under app.inject(), where there is no socket to drain.
    if (request.raw.complete === false) discardRest(request.raw, maxBytes, DRAIN_TIMEOUT_MS);
  });
}

const DRAIN_TIMEOUT_MS = 10_000;

/**
 * Reads and drops the rest of a request body so the client receives our early answer cleanly (closing with
 * unread data makes the kernel send RST, which can wipe the response off the client's side). Bounded: past
 * `budget` more bytes or `timeoutMs`, the socket is destroyed instead.
 */
function discardRest(raw: IncomingMessage, budget: number, timeoutMs: number): void {
  let seen = 0;
  const cut = () => raw.socket?.destroy();
  const timer = setTimeout(cut, timeoutMs).unref();
  const stop = () => clearTimeout(timer);
  raw.unpipe();
  raw.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > budget) {
      stop();
      cut();
    }
  });
  raw.once('end', stop);
  raw.once('close', stop);
  raw.resume();
}

export type SingleUpload = {
  /** The text fields that came before the file part. */
  fields: Record<string, string>;
  /** The file body, to be consumed exactly once (by processImageUpload / processVideoUpload). */
  file: AsyncIterable<Uint8Array>;
  /** As the client sent it (busboy keeps only the last path segment). For display and audit only: never use it
   *  to build a path or object key, which are always server-generated (spec A30). */
  filename: string;
  /** The client's claim; the real type is decided from the bytes. */
  mimetype: string;
};

/**
 * Reads the text fields and the one file part of a multipart request, streaming.
 *
 * Field order matters: put every text field BEFORE the file part. The file is handed back unread so it can be
 * streamed through the size cap; parts after it are never looked at, so fields sent after the file are ignored.
 *
 * Whatever stops an oversized file (busboy's fileSize cut-off, which sets `truncated`, or the caller's own byte
 * cap), the caller sees DomainError MATERIAL_TOO_LARGE (413). Malformed bodies and limit breaches are
 * VALIDATION_FAILED (400).
 */
export async function readSingleUpload(request: FastifyRequest): Promise<SingleUpload> {
  const fields: Record<string, string> = {};
  const parts = request.parts();
  for (;;) {
    const next = await parts.next().catch((e: unknown) => {
      throw toDomainError(e);
    });
    if (next.done) throw invalid('file', 'a file part is required');
    const part = next.value;
    if (part.type === 'file') {
      return { fields, file: guardFile(part.file), filename: part.filename, mimetype: part.mimetype };
    }
    addField(fields, part);
  }
}

function addField(fields: Record<string, string>, part: MultipartValue): void {
  const name = part.fieldname;
  // busboy truncates an over-long value silently; a cut-off value must not be taken as the real one.
  if (part.fieldnameTruncated || part.valueTruncated) throw invalid(name, 'field is too long');
  if (typeof part.value !== 'string') throw invalid(name, 'field must be plain text');
  if (Object.hasOwn(fields, name)) throw invalid(name, 'field is repeated');
  if (Object.keys(fields).length >= MAX_FIELDS) throw invalid(name, `at most ${MAX_FIELDS} fields are allowed`);
  fields[name] = part.value;
}

/** Passes file chunks through, turning busboy's quiet truncation and stream errors into domain errors. */
async function* guardFile(file: MultipartFile['file']): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of file) {
      if (file.truncated) throw new DomainError('MATERIAL_TOO_LARGE');
      yield chunk as Uint8Array;
    }
  } catch (e) {
    throw toDomainError(e);
  }
  // busboy pushes bytes up to the limit and then ends the stream normally; only `truncated` tells.
  if (file.truncated) throw new DomainError('MATERIAL_TOO_LARGE');
}

/**
 * Everything that can go wrong here comes from the request body (FST_FIELDS_LIMIT / FST_PARTS_LIMIT /
 * FST_FILES_LIMIT, prototype-named fields, busboy's "Unexpected end of form", a client that hung up), so it is
 * the client's fault: 400, never a 500, and no parser text in the response. The one exception is the file
 * size limit, which is 413 MATERIAL_TOO_LARGE like the caller's own cap.
 */
function toDomainError(e: unknown): DomainError {
  if (e instanceof DomainError) return e;
  const reason = e instanceof Error ? e.message : String(e);
  if ((e as { code?: unknown } | null)?.code === 'FST_REQ_FILE_TOO_LARGE') {
    return new DomainError('MATERIAL_TOO_LARGE', { message: reason });
  }
  return new DomainError('VALIDATION_FAILED', {
    message: `multipart: ${reason}`,
    details: { issues: [{ field: 'body', message: 'malformed or over-limit multipart body' }] },
  });
}

const invalid = (field: string, message: string) =>
  new DomainError('VALIDATION_FAILED', { details: { issues: [{ field, message }] } });
