import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { DomainError, ERROR_CATALOGUE, type ErrorCategory, type ErrorCode } from '../domain/errors.ts';

/** The only place that knows HTTP status codes for domain errors. */
export const STATUS_BY_CATEGORY: Record<ErrorCategory, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition: 412,
  unprocessable: 422,
  too_large: 413,
  unsupported_media: 415,
  rate_limited: 429,
  upstream: 502,
  internal: 500,
};

export const statusOf = (code: ErrorCode): number => STATUS_BY_CATEGORY[ERROR_CATALOGUE[code].category];

export type ErrorBody = { code: string; message: string; details?: unknown };

const body = (code: ErrorCode, details?: unknown, message?: string): ErrorBody => ({
  code,
  message: message ?? ERROR_CATALOGUE[code].zh,
  ...(details === undefined ? {} : { details }),
});

/** Fastify's own errors that are the client's fault, mapped onto catalogue codes. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_REQ_FILE_TOO_LARGE: 'MATERIAL_TOO_LARGE',
  // A JSON (or other non-multipart) body over the route's limit; files have their own code above.
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_FILES_LIMIT: 'VALIDATION_FAILED',
  FST_PARTS_LIMIT: 'VALIDATION_FAILED',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'VALIDATION_FAILED',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'MATERIAL_TYPE_NOT_ALLOWED',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
};

/**
 * PostgreSQL's answers to text it cannot store (22021 invalid byte sequence, e.g. U+0000; 22P05 untranslatable
 * character). The contracts refuse such strings first; this is the last line, so a field they miss is the
 * client's 400, not a 500.
 */
const PG_INVALID_TEXT = new Set(['22021', '22P05']);

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError) {
      // A throttled client learns when to come back in the standard header too (RFC 9110 §10.2.3).
      const retryAfter = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
      if (typeof retryAfter === 'number') reply.header('Retry-After', String(retryAfter));
      return reply.status(statusOf(error.code)).send(body(error.code, error.details));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => ({
        field: [error.validationContext, v.instancePath.replace(/^\//, '').replaceAll('/', '.')]
          .filter(Boolean)
          .join('.'),
        message: v.message,
      }));
      return reply.status(400).send(body('VALIDATION_FAILED', { issues }));
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, route: request.routeOptions.url }, 'response does not match its schema');
      return reply.status(500).send(body('INTERNAL', { requestId: request.id }));
    }
    if (typeof error.code === 'string' && PG_INVALID_TEXT.has(error.code)) {
      request.log.warn({ route: request.routeOptions.url, pgCode: error.code }, 'text refused by the database');
      return reply.status(400).send(body('VALIDATION_FAILED'));
    }
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped === 'BODY_TOO_LARGE') {
      return reply.status(statusOf(mapped)).send(body(mapped, { maxBytes: request.routeOptions.bodyLimit }));
    }
    if (mapped) return reply.status(statusOf(mapped)).send(body(mapped));
    if (error.statusCode === 429) return reply.status(429).send(body('RATE_LIMITED'));
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Malformed JSON and similar protocol-level mistakes; the message names no internals.
      return reply.status(error.statusCode).send(body('VALIDATION_FAILED', undefined, error.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(body('INTERNAL', { requestId: request.id }));
  });
  app.setNotFoundHandler((_request, reply) => reply.status(404).send(body('NOT_FOUND')));
}
